"""The landing sources: where their files live, how they are named, which reader reads them.

A source is one ``Source`` entry here, its reader (``readers/``) and the pandera model of its raw
table (``schemas/raw/``, which also gives the columns, keys, dbt source and docs); see
docs/adding-a-source.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandera.pandas as pa

from ingestion.periods import FileUnit, monthly_unit, quarterly_unit, school_year_unit
from ingestion.readers.completions import read_completions
from ingestion.readers.csam import read_items, read_notices
from ingestion.readers.facilities import read_counselling
from ingestion.readers.hotline import read_cases, read_contacts
from ingestion.readers.inspections import read_recommendations, read_visits
from ingestion.readers.parsed import ParsedFile
from ingestion.readers.portal import read_portal
from ingestion.readers.schools import read_register
from ingestion.readers.social import read_opinions, read_platforms
from ingestion.readers.training import read_training
from ingestion.readers.violations import read_subjects
from schemas.raw import MODELS
from schemas.raw_contract import dbt_source


@dataclass(frozen=True)
class Source:
    """A landing source (docs/contracts.md)."""

    name: str
    table: str
    """The raw table it loads, ``raw_<dbt source>__<name>``, described by a model in schemas/raw."""
    pattern: str
    """Glob, relative to the landing folder, of the files this source picks up."""
    file_name: re.Pattern[str]
    """What a well-named file's path (relative, POSIX) must match."""
    read: Callable[[bytes, str], ParsedFile]
    unit: Callable[[str], FileUnit]
    """The period (month or quarter), province and version a file path reports on."""
    cadence: str = "monthly"
    """``monthly`` (period ``YYYY-MM``), ``quarterly`` (``YYYY-Qn``) or ``school_year``
    (``YYYY-YYYY``)."""

    @property
    def model(self) -> type[pa.DataFrameModel]:
        """The pandera model of the raw table (the contract its rows must satisfy)."""
        return MODELS[self.table]

    @property
    def dbt_source(self) -> str:
        """The dbt source of the raw table (and the prefix of its Dagster asset key)."""
        return dbt_source(self.table)


_V = r"(?:_v(?:[2-9]|[1-9]\d+))?"
"""A corrected re-delivery: ``_v2``, ``_v3``, … before the extension."""

SOURCES: dict[str, Source] = {
    "hotline_contacts": Source(
        "hotline_contacts",
        "raw_hotline__contacts",
        "hotline/contacts_*.csv",
        re.compile(rf"^hotline/contacts_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_contacts(data),
        monthly_unit,
    ),
    "hotline_cases": Source(
        "hotline_cases",
        "raw_hotline__cases",
        "hotline/cases_*.csv",
        re.compile(rf"^hotline/cases_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_cases(data),
        monthly_unit,
    ),
    "training_events": Source(
        "training_events",
        "raw_training__events",
        "training/*/*.xlsx",
        re.compile(rf"^training/\d{{4}}-Q[1-4]/\d{{1,2}}{_V}\.xlsx$"),
        read_training,
        quarterly_unit,
        "quarterly",
    ),
    "facilities_counselling": Source(
        "facilities_counselling",
        "raw_facilities__counselling",
        "facilities/*/*.xlsx",
        re.compile(rf"^facilities/\d{{4}}-Q[1-4]/\d{{1,2}}{_V}\.xlsx$"),
        read_counselling,
        quarterly_unit,
        "quarterly",
    ),
    "portal_traffic": Source(
        "portal_traffic",
        "raw_portal__traffic",
        "portal/analytics_*.json",
        re.compile(rf"^portal/analytics_\d{{4}}-(0[1-9]|1[0-2]){_V}\.json$"),
        lambda data, _path: read_portal(data),
        monthly_unit,
    ),
    "portal_platforms": Source(
        "portal_platforms",
        "raw_portal__platforms",
        "portal/platforms_*.csv",
        re.compile(rf"^portal/platforms_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_platforms(data),
        monthly_unit,
    ),
    "portal_opinions": Source(
        "portal_opinions",
        "raw_portal__opinions",
        "portal/opinions_*.csv",
        re.compile(rf"^portal/opinions_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_opinions(data),
        monthly_unit,
    ),
    "schools_register": Source(
        "schools_register",
        "raw_schools__register",
        "schools/register_*.csv",
        re.compile(rf"^schools/register_(\d{{4}})-(\d{{4}}){_V}\.csv$"),
        read_register,
        school_year_unit,
        "school_year",
    ),
    "violations_subjects": Source(
        "violations_subjects",
        "raw_violations__subjects",
        "violations/subjects_*.csv",
        re.compile(rf"^violations/subjects_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_subjects(data),
        monthly_unit,
    ),
    "csam_items": Source(
        "csam_items",
        "raw_csam__items",
        "csam/items_*.csv",
        re.compile(rf"^csam/items_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_items(data),
        monthly_unit,
    ),
    "csam_notices": Source(
        "csam_notices",
        "raw_csam__notices",
        "csam/notices_*.csv",
        re.compile(rf"^csam/notices_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_notices(data),
        monthly_unit,
    ),
    "inspections_visits": Source(
        "inspections_visits",
        "raw_inspections__visits",
        "inspections/visits_*.csv",
        re.compile(rf"^inspections/visits_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_visits(data),
        monthly_unit,
    ),
    "inspections_recommendations": Source(
        "inspections_recommendations",
        "raw_inspections__recommendations",
        "inspections/recommendations_*.csv",
        re.compile(rf"^inspections/recommendations_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_recommendations(data),
        monthly_unit,
    ),
    "plan_completions": Source(
        "plan_completions",
        "raw_plan__completions",
        "plan/completions_*.csv",
        re.compile(rf"^plan/completions_\d{{4}}-(0[1-9]|1[0-2]){_V}\.csv$"),
        lambda data, _path: read_completions(data),
        monthly_unit,
    ),
}

RAW_TABLES: dict[str, str] = {name: source.table for name, source in SOURCES.items()}
"""Source name → raw table it loads."""

_unmodelled = sorted(set(RAW_TABLES.values()) - set(MODELS))
if _unmodelled:
    raise ValueError(f"raw tables without a pandera model in schemas/raw: {_unmodelled}")
