"""The indicator registry's models: one YAML file per indicator, one YAML file per programme.

The registry is the single source of truth for what is published: dbt reads it (through the
``raw_registry__*`` tables the orchestration layer loads), the release copies its public fields and
the site builds its pages from the release. This module holds the pydantic models and their
validation only; ``schemas.registry_files`` reads the YAML folders into them and
``schemas.registry_tables`` writes them out as the ``raw_registry__*`` rows. Nothing here computes
an indicator.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from schemas.programme import Activity, Calendar, Milestone, Programme, Target, Text

__all__ = ["Activity", "Calendar", "Milestone", "Programme", "Target", "Text"]


class RegistryError(ValueError):
    """A registry file is missing, unreadable or invalid; the message names the file."""


SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_PATTERN = re.compile(r"^IND-\d{2}[a-z]?$")


VALUE_IS_NUMERATOR = ("count", "hours")
"""Units whose value is the numerator itself (int_indicator_values_unioned.sql says the same)."""

PeriodType = Literal["year", "school_year", "quarter", "month"]
GEO_LEVELS = ("national", "region", "province")
PROTECTED_DISAGGREGATIONS = ("sex", "age_band")
"""The breakdowns the disclosure model (publish/disclosure/model.py) relates to their total: a
protected indicator (min_cell > 0) may be broken down by these only."""


Measure = Literal["numerator", "denominator"]


class AtMost(BaseModel):
    """Cell by cell, a measure of this indicator never exceeds a measure of another one: the
    events it counts are a subset of the other's (the victims supported who asked for help,
    of all the victims supported). A published value of one is then a bound on a hidden cell of
    the other, so the two are audited together."""

    model_config = ConfigDict(extra="forbid")
    measure: Measure = Field(description="This indicator's measure that is the smaller.")
    indicator: str = Field(description="Slug of the indicator whose measure is never smaller.")
    of: Measure = Field(default="numerator", description="That indicator's measure.")


class Disclosure(BaseModel):
    """How small cells of this indicator are protected before publication."""

    model_config = ConfigDict(extra="forbid")
    min_cell: int = Field(
        ge=0,
        description=(
            "A cell whose numerator or denominator is at least 1 and below this is suppressed"
            " (0 = no suppression). A true zero is published: it says no event happened."
        ),
    )
    denominator_is_public: bool = Field(
        default=False,
        description=(
            "The denominator is public reference data (a census population), not a secret count:"
            " disclosure control protects the numerator only."
        ),
    )
    same_cells_as: str | None = Field(
        default=None,
        description=(
            "Slug of an indicator with the same numerator (a count and its rate): the two are"
            " published or hidden together, so they never reveal different cells."
        ),
    )
    at_most: AtMost | None = Field(
        default=None,
        description=(
            "A cell-by-cell inequality with another protected indicator: this indicator is"
            " protected after that one, against both tables and the inequality at once."
        ),
    )


class DetailLevel(BaseModel):
    """What one geography level publishes."""

    model_config = ConfigDict(extra="forbid")
    periods: list[PeriodType] = Field(min_length=1, description="Period types published.")
    breakdowns: list[PeriodType] = Field(
        default_factory=list,
        description="Period types for which its breakdowns (sex, age, platform) are published too.",
    )

    @model_validator(mode="after")
    def _nested(self) -> DetailLevel:
        if not set(self.breakdowns) <= set(self.periods):
            raise ValueError("breakdowns must be a subset of periods")
        for periods in (self.periods, self.breakdowns):
            if "month" in periods and "quarter" not in periods:
                raise ValueError("months are published only where quarters are")
        return self


class Detail(BaseModel):
    """Which cells are published at each geography level ('province' = both schemes). Each finer
    level publishes a subset of the coarser level's periods and breakdowns, so the additive
    relations between published cells stay nested (publish/disclosure relies on it)."""

    model_config = ConfigDict(extra="forbid")
    national: DetailLevel
    region: DetailLevel
    province: DetailLevel

    @model_validator(mode="after")
    def _nested(self) -> Detail:
        for coarse, fine in (("national", "region"), ("region", "province")):
            outer, inner = getattr(self, coarse), getattr(self, fine)
            if not (
                set(inner.periods) <= set(outer.periods)
                and set(inner.breakdowns) <= set(outer.breakdowns)
            ):
                raise ValueError(f"{fine} must publish a subset of what {coarse} publishes")
        return self

    def level(self, geo_level: str) -> DetailLevel:
        return getattr(self, geo_level)


class StatusRule(BaseModel):
    """How the status of a value with a target is decided."""

    model_config = ConfigDict(extra="forbid")
    at_risk_margin: float = Field(
        ge=0, description="Below the trajectory by at most this much (in the unit) is 'at risk'."
    )


class Indicator(BaseModel):
    """One published indicator."""

    model_config = ConfigDict(extra="forbid")
    code: str
    slug: str
    name: Text
    definition: Text
    numerator: Text
    denominator: Text | None = None
    unit: Literal["count", "hours", "percent", "per_1000_children", "per_100000_children"]
    unit_label: Text
    factor: int = Field(ge=1, description="Value = numerator / denominator x factor.")
    decimals: int = Field(ge=0, le=3)
    direction: Literal["increase", "decrease", "none"]
    periodicity: list[PeriodType] = Field(
        min_length=1,
        description=(
            "Period types published; exactly one of 'year' and 'school_year' (the period its"
            " target and status are judged on)."
        ),
    )
    disaggregations: list[Literal["sex", "age_band", "platform"]] = Field(
        default_factory=list, description="One-way breakdowns published beside the total (_T)."
    )
    source: Literal[
        "hotline_111",
        "training_reports",
        "schools_register",
        "portal_analytics",
        "plan_reports",
        "police_reports",
        "facility_reports",
        "csam_database",
        "inspections",
    ]
    plan_activity: str = Field(
        description="The activity of the programme's plan it tracks, e.g. '4a'."
    )
    target_id: str | None = Field(default=None, description="The programme target it serves.")
    disclosure: Disclosure
    detail: Detail | None = Field(
        default=None,
        description=(
            "Which periods and breakdowns each geography level publishes; required when the"
            " indicator is protected (min_cell > 0), everything otherwise."
        ),
    )
    status_rule: StatusRule | None = None
    caveats: Text | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE_PATTERN.match(value):
            raise ValueError(f"indicator code {value!r} must look like IND-01 (or IND-04b)")
        return value

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_PATTERN.match(value):
            raise ValueError(f"slug {value!r} must be lower-case letters, digits and underscores")
        return value

    @field_validator("periodicity")
    @classmethod
    def _yearly(cls, value: list[str]) -> list[str]:
        if ("year" in value) == ("school_year" in value):
            raise ValueError("periodicity must include exactly one of 'year' and 'school_year'")
        return value

    @model_validator(mode="after")
    def _rates_have_denominators(self) -> Indicator:
        if self.is_rate and self.denominator is None:
            raise ValueError(f"{self.code}: a {self.unit} indicator needs a denominator")
        if self.target_id and self.status_rule is None:
            raise ValueError(f"{self.code}: an indicator with a target needs a status_rule")
        if self.disclosure.min_cell > 0 and self.detail is None:
            raise ValueError(f"{self.code}: a protected indicator (min_cell > 0) needs a detail")
        if self.disclosure.min_cell > 0 and any(
            d not in PROTECTED_DISAGGREGATIONS for d in self.disaggregations
        ):
            raise ValueError(
                f"{self.code}: a protected indicator (min_cell > 0) may be broken down by"
                f" {', '.join(PROTECTED_DISAGGREGATIONS)} only (the disclosure model's)"
            )
        if self.detail is not None:
            if set(self.detail.national.periods) != set(self.periodicity):
                raise ValueError(f"{self.code}: detail.national.periods must be the periodicity")
            if self.detail.national.breakdowns and not self.disaggregations:
                raise ValueError(f"{self.code}: breakdowns published but no disaggregations")
        if self.disclosure.denominator_is_public and self.denominator is None:
            raise ValueError(f"{self.code}: denominator_is_public without a denominator")
        return self

    def published_detail(self) -> Detail:
        """The detail published: the registry's, or everything computed."""
        if self.detail is not None:
            return self.detail
        every = DetailLevel(
            periods=list(self.periodicity),
            breakdowns=list(self.periodicity) if self.disaggregations else [],
        )
        return Detail(national=every, region=every, province=every)

    @property
    def is_rate(self) -> bool:
        """Its value is numerator x factor / denominator; otherwise (a count, a median number
        of hours) the value is the numerator itself."""
        return self.unit not in VALUE_IS_NUMERATOR

    @property
    def dbt_model(self) -> str:
        """The dbt model that computes it."""
        return f"ind_{self.slug}"


class Registry(BaseModel):
    indicators: list[Indicator]
    programmes: list[Programme]

    @model_validator(mode="after")
    def _consistent(self) -> Registry:
        codes = [i.code for i in self.indicators]
        slugs = [i.slug for i in self.indicators]
        for label, values in (("code", codes), ("slug", slugs)):
            duplicated = {v for v in values if values.count(v) > 1}
            if duplicated:
                raise ValueError(f"duplicate indicator {label}: {sorted(duplicated)}")
        by_slug = {i.slug: i for i in self.indicators}
        for indicator in self.indicators:
            linked = indicator.disclosure.same_cells_as
            if linked is None:
                continue
            other = by_slug.get(linked)
            if other is None:
                raise ValueError(f"{indicator.code}: same_cells_as names no indicator: {linked}")
            mine, theirs = indicator.published_detail(), other.published_detail()
            if not (
                set(indicator.disaggregations) <= set(other.disaggregations)
                and indicator.disclosure.min_cell == other.disclosure.min_cell
                and indicator.disclosure.denominator_is_public
                and all(
                    set(mine.level(g).periods) <= set(theirs.level(g).periods)
                    and set(mine.level(g).breakdowns) <= set(theirs.level(g).breakdowns)
                    for g in GEO_LEVELS
                )
            ):
                raise ValueError(
                    f"{indicator.code}: same_cells_as {linked} needs the same threshold, a public"
                    " denominator and no cell the other does not publish"
                )
        self._bounds_consistent(by_slug)
        self._programmes_consistent()
        official = {
            t.target_id: t.indicator_code
            for p in self.programmes
            for t in p.targets
            if t.kind == "official"
        }
        judged = set(official.values())
        for indicator in self.indicators:
            if indicator.code in judged and indicator.status_rule is None:
                raise ValueError(f"{indicator.code}: an official target needs a status_rule")
            if indicator.target_id and official.get(indicator.target_id) != indicator.code:
                raise ValueError(
                    f"{indicator.code}: unknown target {indicator.target_id} (not an official"
                    " target of this indicator)"
                )
        return self

    def _bounds_consistent(self, by_slug: dict[str, Indicator]) -> None:
        """An `at_most` names a protected indicator that is protected on its own (no bound, no
        shared cells), and each side's measure is a secret count the disclosure model holds."""
        for indicator in self.indicators:
            bound = indicator.disclosure.at_most
            if bound is None:
                continue
            other = by_slug.get(bound.indicator)
            problem = None
            if other is None:
                problem = "names no indicator"
            elif other is indicator:
                problem = "names the indicator itself"
            elif 0 in (indicator.disclosure.min_cell, other.disclosure.min_cell):
                problem = "needs both indicators protected (min_cell > 0)"
            elif indicator.disclosure.same_cells_as or other.disclosure.same_cells_as:
                problem = "cannot join an indicator published with another's cells"
            elif other.disclosure.at_most is not None:
                problem = "names an indicator that is itself bounded"
            else:
                for side, measure in ((indicator, bound.measure), (other, bound.of)):
                    if measure == "denominator" and (
                        side.disclosure.denominator_is_public or side.denominator is None
                    ):
                        problem = f"names {side.code}'s denominator, which is not a secret count"
            if problem:
                raise ValueError(f"{indicator.code}: at_most {bound.indicator}: {problem}")

    def _programmes_consistent(self) -> None:
        ids = [p.programme_id for p in self.programmes]
        target_ids = [t.target_id for p in self.programmes for t in p.targets]
        for label, values in (("programme_id", ids), ("target_id", target_ids)):
            duplicated = {v for v in values if values.count(v) > 1}
            if duplicated:
                raise ValueError(f"duplicate {label}: {sorted(duplicated)}")
        spans = sorted((p.start_year, p.end_year, p.programme_id) for p in self.programmes)
        for (_, end, first), (start, _, second) in zip(spans, spans[1:], strict=False):
            if start <= end:
                raise ValueError(f"programmes {first} and {second} overlap: a year has one")
        adopted = [p for p in self.programmes if p.status == "adopted"]
        years = sorted(y for p in adopted for y in range(p.start_year, p.end_year + 1))
        if years and years != list(range(years[0], years[-1] + 1)):
            raise ValueError("the adopted programmes leave a gap between their years")

    @property
    def calendar(self) -> Calendar:
        adopted = [p for p in self.programmes if p.status == "adopted"]
        if not adopted:
            raise RegistryError("no adopted programme: the calendar has no years")
        return Calendar(
            first_year=min(p.start_year for p in adopted),
            last_year=max(p.end_year for p in adopted),
        )

    def indicator(self, slug: str) -> Indicator:
        return next(i for i in self.indicators if i.slug == slug)
