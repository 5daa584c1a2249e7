"""Reference data shared by every layer: the province schemes, regions, the switch date, the
category lists (``calendar.yml``) and the 2019 population.

A leaf package: it imports nothing from the project. ``schemas.raw`` (contracts), ``ingestion``
(resolving codes and names, the sample), ``publish.disclosure`` (the attacker's province lists)
and the dbt seeds (``dbt_project/seeds/ref_*.csv`` are links to the CSV files here) all read it.

A province is keyed by (scheme, code): code 15 is Yên Bái in ``province_2004`` and Lào Cai in
``province_2025``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd
import yaml

SCHEME_2004 = "province_2004"
SCHEME_2025 = "province_2025"
PROVINCE_SCHEMES = [SCHEME_2004, SCHEME_2025]
"""The two province code lists a ``province_scheme`` column may name."""


def _calendar_facts() -> dict:
    with resources.files(__name__).joinpath("calendar.yml").open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


CALENDAR_FACTS = _calendar_facts()
"""``calendar.yml`` as read: dbt gets it through the generated macro ``calendar()``."""

SWITCH_DATE: dt.date = CALENDAR_FACTS["province_switch_date"]
"""First day of the 34-province scheme (Resolution 202/2025/QH15)."""
TRAINING_REPORT_DUE_DAYS: int = CALENDAR_FACTS["training_report_due_days"]
"""A quarterly training report is due this many days after the end of its quarter."""
TOTAL: str = CALENDAR_FACTS["total_code"]
"""The code of a breakdown's total (``_T``)."""
UNKNOWN: str = CALENDAR_FACTS["unknown_code"]
"""The code of an unknown category or place (``_U``)."""
DISAGGREGATIONS: dict[str, list[str]] = {
    dimension: [str(code) for code in codes]
    for dimension, codes in CALENDAR_FACTS["disaggregations"].items()
}
"""The published categories of each one-way breakdown, in order (the unknown one not listed)."""


def read_reference_csv(name: str) -> pd.DataFrame:
    """Read one of the CSV files of this package with every column as text."""
    with resources.files(__name__).joinpath(name).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


@dataclass(frozen=True)
class ProvinceLists:
    """Both province lists, indexed by code."""

    p2004: pd.DataFrame
    p2025: pd.DataFrame

    def codes(self, scheme: str) -> frozenset[str]:
        """The valid two-digit codes of ``scheme``."""
        frame = self.p2004 if scheme == SCHEME_2004 else self.p2025
        return frozenset(frame.index)


@cache
def province_lists() -> ProvinceLists:
    """Load the two province lists (cached; read on first use, never at import time)."""
    p2004 = read_reference_csv("provinces_2004.csv").set_index("province_code", drop=False)
    p2025 = read_reference_csv("provinces_2025.csv").set_index("province_code", drop=False)
    return ProvinceLists(p2004=p2004, p2025=p2025)
