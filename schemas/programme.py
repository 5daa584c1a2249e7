"""A programme of the registry (``schemas/programmes/<programme_id>.yml``): its period, status,
targets and milestones, and the calendar the adopted programmes span. ``schemas.registry`` reads
and validates the files; this module only describes them."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Text(BaseModel):
    """A text in Vietnamese (first) and English."""

    model_config = ConfigDict(extra="forbid")
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Target(BaseModel):
    """A programme target: official ones come from the legal text of an adopted programme;
    illustrative ones belong to a draft and are never presented as official."""

    model_config = ConfigDict(extra="forbid")
    target_id: str
    indicator_code: str
    target_year: int
    target_value: float
    unit: str
    kind: Literal["official", "illustrative"] = Field(
        description=(
            "official: from an adopted programme's legal text; illustrative: a draft's figure,"
            " not official. Trajectories are derived in dbt, never typed in."
        )
    )
    is_aspirational: bool = False
    text: Text


class Milestone(BaseModel):
    """A dated deliverable of the programme's plan."""

    model_config = ConfigDict(extra="forbid")
    milestone_id: str
    activity: str
    name: Text
    lead_unit: str
    due_date: date
    completed_date: date | None = Field(
        default=None, description="Only from an official report of completion."
    )


class Activity(BaseModel):
    """An activity of the programme's implementation plan, as the site names it ('4a')."""

    model_config = ConfigDict(extra="forbid")
    activity: str = Field(min_length=1)
    name: Text


class Programme(BaseModel):
    """A programme with its period, legal basis and targets. Its years are written here only:
    the warehouse's calendar (ingestion partitions, dbt periods, the release's periods and the
    site's years) is the span of the adopted programmes (``Registry.calendar``)."""

    model_config = ConfigDict(extra="forbid")
    programme_id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: Text
    legal_basis: Text
    status: Literal["adopted", "draft"] = Field(
        default="adopted",
        description=(
            "adopted: in force, its targets official and judged; draft: being prepared, its"
            " targets illustrative, shown but never judged, and its years not yet in the calendar."
        ),
    )
    status_text: Text | None = Field(
        default=None, description="Why a draft is shown and what is not official about it."
    )
    start_year: int = Field(ge=2000, le=2100)
    end_year: int = Field(ge=2000, le=2100)
    short_name: Text | None = Field(
        default=None,
        description="The short name the site's title gives it, without its years.",
    )
    decision: Text | None = Field(
        default=None, description="The decision that sets its targets, as the site cites it."
    )
    plan: Text | None = Field(
        default=None, description="Its implementation plan, as the site cites it."
    )
    targets: list[Target]
    milestones: list[Milestone] = Field(default_factory=list)
    activities: list[Activity] = Field(
        default_factory=list, description="Its plan's activities, which indicators track."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Programme:
        if self.end_year < self.start_year:
            raise ValueError("end_year must not be before start_year")
        wanted = "official" if self.status == "adopted" else "illustrative"
        for target in self.targets:
            if target.kind != wanted:
                raise ValueError(
                    f"target {target.target_id}: a {self.status} programme's targets are {wanted}"
                )
            if not self.start_year <= target.target_year <= self.end_year:
                raise ValueError(f"target {target.target_id}: target_year outside the programme")
        codes = [t.indicator_code for t in self.targets]
        if len(codes) != len(set(codes)):
            raise ValueError("an indicator has at most one target in a programme")
        activities = [a.activity for a in self.activities]
        if len(activities) != len(set(activities)):
            raise ValueError("an activity is listed once")
        if self.status == "draft" and self.status_text is None:
            raise ValueError("a draft programme needs a status_text saying it is not official")
        return self


class Calendar(BaseModel):
    """The years the warehouse covers: from the first adopted programme's start to the last
    one's end (a draft programme's years join when it is adopted)."""

    first_year: int
    last_year: int

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def first_month(self) -> str:
        return f"{self.first_year}-01"

    @property
    def last_month(self) -> str:
        return f"{self.last_year}-12"
