"""Dagster partitions of the raw tables: months for hotline and portal, quarters for training."""

from __future__ import annotations

import datetime as dt

import dagster as dg

from ingestion.periods import FIRST_MONTH, LAST_MONTH, period_end, quarters, school_years
from ingestion.sources import SOURCES

MONTHLY = dg.MonthlyPartitionsDefinition(
    start_date=f"{FIRST_MONTH}-01",
    end_date=(period_end(LAST_MONTH) + dt.timedelta(days=1)).isoformat(),  # exclusive
)
"""2021-01 … 2025-12; keys ``YYYY-MM-01``."""

QUARTERLY = dg.StaticPartitionsDefinition(quarters())
"""2021-Q1 … 2025-Q4; keys are the quarters themselves."""


SCHOOL_YEARS = dg.StaticPartitionsDefinition(school_years())
"""2020-2021 … 2025-2026."""

BY_CADENCE: dict[str, dg.PartitionsDefinition] = {
    "monthly": MONTHLY,
    "quarterly": QUARTERLY,
    "school_year": SCHOOL_YEARS,
}


def partitions_for(source: str) -> dg.PartitionsDefinition:
    """The partitions of ``source``'s raw asset."""
    return BY_CADENCE[SOURCES[source].cadence]


def key_to_period(key: str) -> str:
    """``2023-05-01`` → ``2023-05``; ``2023-Q2`` and ``2023-2024`` stay."""
    return key[:7] if len(key) == 10 and key.count("-") == 2 else key


def period_to_key(period: str) -> str:
    """``2023-05`` → ``2023-05-01``; ``2023-Q2`` and ``2023-2024`` stay."""
    return f"{period}-01" if len(period) == 7 and "Q" not in period else period
