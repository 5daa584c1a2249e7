"""The four landing sources: where their files live, how they are named, which reader reads them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingestion.readers.hotline import read_cases, read_contacts
from ingestion.readers.parsed import ParsedFile
from ingestion.readers.portal import read_portal
from ingestion.readers.training import read_training
from ingestion.tables import RAW_TABLES


@dataclass(frozen=True)
class Source:
    """A landing source (docs/contracts.md)."""

    name: str
    table: str
    pattern: str
    """Glob, relative to the landing folder, of the files this source picks up."""
    file_name: re.Pattern[str]
    """What a well-named file's path (relative, POSIX) must match."""
    read: Callable[[bytes, str], ParsedFile]


SOURCES: dict[str, Source] = {
    "hotline_contacts": Source(
        "hotline_contacts",
        RAW_TABLES["hotline_contacts"],
        "hotline/contacts_*.csv",
        re.compile(r"^hotline/contacts_\d{4}-(0[1-9]|1[0-2])\.csv$"),
        lambda data, _path: read_contacts(data),
    ),
    "hotline_cases": Source(
        "hotline_cases",
        RAW_TABLES["hotline_cases"],
        "hotline/cases_*.csv",
        re.compile(r"^hotline/cases_\d{4}-(0[1-9]|1[0-2])\.csv$"),
        lambda data, _path: read_cases(data),
    ),
    "training_events": Source(
        "training_events",
        RAW_TABLES["training_events"],
        "training/*/*.xlsx",
        re.compile(r"^training/\d{4}-Q[1-4]/\d{1,2}\.xlsx$"),
        read_training,
    ),
    "portal_traffic": Source(
        "portal_traffic",
        RAW_TABLES["portal_traffic"],
        "portal/analytics_*.json",
        re.compile(r"^portal/analytics_\d{4}-(0[1-9]|1[0-2])\.json$"),
        lambda data, _path: read_portal(data),
    ),
}
