"""The indicator registry: one YAML file per indicator, one YAML file per programme.

The registry is the single source of truth for what is published: dbt reads it (through the
``raw_registry__*`` tables the orchestration layer loads), the release copies its public fields and
the site builds its pages from the release. This module only reads and validates; it never
computes an indicator.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from schemas.programme import Activity, Calendar, Milestone, Programme, Target, Text

__all__ = ["Activity", "Calendar", "Milestone", "Programme", "Target", "Text"]

REGISTRY_DIR = Path(__file__).resolve().parent
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
    plan_activity: str = Field(description="The Plan 838 activity it tracks, e.g. '4a'.")
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


class RegistryError(ValueError):
    """A registry file is missing, unreadable or invalid; the message names the file."""


def _describe(exc: ValueError) -> str:
    """One line per problem: 'field: message' (pydantic's own text is long and multi-line)."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'file'}: {error['msg']}"
            for error in exc.errors()
        )
    return str(exc)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"{path.name}: expected a mapping at the top level")
    return data


def load_registry(registry_dir: Path = REGISTRY_DIR) -> Registry:
    """Read and validate every indicator and programme file; fail with the file's name."""
    indicators = []
    for path in sorted((registry_dir / "indicators").glob("*.yml")):
        try:
            indicator = Indicator.model_validate(_read_yaml(path))
        except ValueError as exc:
            raise RegistryError(f"{path.name}: {_describe(exc)}") from exc
        if indicator.slug != path.stem:
            raise RegistryError(f"{path.name}: slug {indicator.slug!r} must equal the file name")
        indicators.append(indicator)
    programmes = []
    for path in sorted((registry_dir / "programmes").glob("*.yml")):
        try:
            programmes.append(Programme.model_validate(_read_yaml(path)))
        except ValueError as exc:
            raise RegistryError(f"{path.name}: {_describe(exc)}") from exc
    try:
        return Registry(indicators=indicators, programmes=programmes)
    except ValueError as exc:
        raise RegistryError(_describe(exc)) from exc


@cache
def default_registry() -> Registry:
    """The registry shipped in this package, read once."""
    return load_registry()


def status_rule_text(indicator: Indicator) -> Text | None:
    """The status rule in words, as the site and the downloads show it."""
    if indicator.status_rule is None:
        return None
    margin = f"{indicator.status_rule.at_risk_margin:g}"
    unit = indicator.unit_label
    return Text(
        vi=(
            "Năm mục tiêu: Đã đạt nếu giá trị đạt mục tiêu chính thức, nếu không là Chậm tiến độ. "
            "Các năm trước: so với lộ trình suy ra (đường thẳng từ giá trị năm đầu đến mục tiêu, "
            "không chính thức) - Đúng tiến độ nếu đạt lộ trình, Có nguy cơ chậm nếu thấp hơn "
            f"không quá {margin} {unit.vi}, còn lại là Chậm tiến độ."
        ),
        en=(
            "Target year: achieved if the value reaches the official target, otherwise off track. "
            "Earlier years: compared with a derived trajectory (a straight line from the first "
            "year's value to the target, not official) - on track if at or above it, at risk if "
            f"below it by no more than {margin} {unit.en}, otherwise off track."
        ),
    )


def registry_tables(registry: Registry) -> dict[str, list[dict]]:
    """The registry as rows of the ``raw_registry__*`` tables dbt reads."""
    legal_basis = {t.target_id: p.legal_basis for p in registry.programmes for t in p.targets}
    rules = {i.code: status_rule_text(i) for i in registry.indicators}
    indicators = [
        {
            "indicator_code": i.code,
            "slug": i.slug,
            "name_vi": i.name.vi,
            "name_en": i.name.en,
            "definition_vi": i.definition.vi,
            "definition_en": i.definition.en,
            "numerator_vi": i.numerator.vi,
            "numerator_en": i.numerator.en,
            "denominator_vi": i.denominator.vi if i.denominator else None,
            "denominator_en": i.denominator.en if i.denominator else None,
            "unit": i.unit,
            "unit_label_vi": i.unit_label.vi,
            "unit_label_en": i.unit_label.en,
            "factor": i.factor,
            "decimals": i.decimals,
            "direction": i.direction,
            "periodicity": " ".join(i.periodicity),
            "disaggregations": " ".join(i.disaggregations),
            "source": i.source,
            "plan_activity": i.plan_activity,
            "target_id": i.target_id,
            "min_cell": i.disclosure.min_cell,
            "suppress_with_code": (
                next(o.code for o in registry.indicators if o.slug == i.disclosure.same_cells_as)
                if i.disclosure.same_cells_as
                else None
            ),
            "denominator_is_public": i.disclosure.denominator_is_public,
            "at_risk_margin": i.status_rule.at_risk_margin if i.status_rule else None,
            "caveats_vi": i.caveats.vi if i.caveats else None,
            "caveats_en": i.caveats.en if i.caveats else None,
            "status_rule_vi": getattr(rules[i.code], "vi", None),
            "status_rule_en": getattr(rules[i.code], "en", None),
            "legal_basis_vi": legal_basis[i.target_id].vi if i.target_id else None,
            "legal_basis_en": legal_basis[i.target_id].en if i.target_id else None,
        }
        for i in registry.indicators
    ]
    targets = [
        {
            "programme_id": p.programme_id,
            "programme_start_year": p.start_year,
            "programme_end_year": p.end_year,
            "target_id": t.target_id,
            "indicator_code": t.indicator_code,
            "target_year": t.target_year,
            "target_value": t.target_value,
            "unit": t.unit,
            "kind": t.kind,
            "is_aspirational": t.is_aspirational,
            "text_vi": t.text.vi,
            "text_en": t.text.en,
        }
        for p in registry.programmes
        for t in p.targets
    ]
    milestones = [
        {
            "programme_id": p.programme_id,
            "milestone_id": m.milestone_id,
            "activity": m.activity,
            "name_vi": m.name.vi,
            "name_en": m.name.en,
            "lead_unit": m.lead_unit,
            "due_date": m.due_date,
            "completed_date": m.completed_date,
        }
        for p in registry.programmes
        for m in p.milestones
    ]
    programmes = [
        {
            "programme_id": p.programme_id,
            "name_vi": p.name.vi,
            "name_en": p.name.en,
            "legal_basis_vi": p.legal_basis.vi,
            "legal_basis_en": p.legal_basis.en,
            "status": p.status,
            "status_text_vi": p.status_text.vi if p.status_text else None,
            "status_text_en": p.status_text.en if p.status_text else None,
            "start_year": p.start_year,
            "end_year": p.end_year,
            **{
                f"{field}_{lang}": getattr(getattr(p, field), lang, None)
                for field in ("short_name", "decision", "plan")
                for lang in ("vi", "en")
            },
        }
        for p in sorted(registry.programmes, key=lambda p: p.start_year)
    ]
    activities = [
        {
            "programme_id": p.programme_id,
            "activity": a.activity,
            "sort_order": order,
            "name_vi": a.name.vi,
            "name_en": a.name.en,
        }
        for p in registry.programmes
        for order, a in enumerate(p.activities, start=1)
    ]
    return {
        "raw_registry__indicators": indicators,
        "raw_registry__targets": targets,
        "raw_registry__milestones": milestones,
        "raw_registry__programmes": programmes,
        "raw_registry__activities": activities,
    }
