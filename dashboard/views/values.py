"""How one published row is shown: its value, unit and status, in a language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dashboard.formatting import format_number, format_target, format_value, is_missing
from dashboard.i18n import pick, t


def unit_label(indicator: Mapping[str, Any], lang: str) -> str:
    return pick(indicator, "unit_label", lang) or str(indicator.get("unit") or "")


def decimals(indicator: Mapping[str, Any]) -> int:
    try:
        return int(indicator.get("decimals") or 0)
    except (TypeError, ValueError):
        return 0


def display_value(row: Mapping[str, Any], indicator: Mapping[str, Any], lang: str) -> str:
    """'96,2%' / '96.2%', or 'Ẩn' / 'Suppressed' — never 0 for a hidden cell."""
    if row.get("obs_status") == "suppressed":
        return t("suppressed", lang)
    return format_value(row.get("value"), unit_label(indicator, lang), decimals(indicator), lang)


def display_headline(row: Mapping[str, Any], indicator: Mapping[str, Any], lang: str) -> str:
    """A value standing alone (a card, a headline): 'No data' rather than a bare dash."""
    if row.get("obs_status") != "suppressed" and is_missing(row.get("value")):
        return t("status.no_data", lang)
    return display_value(row, indicator, lang)


def display_count(row: Mapping[str, Any], count: object, lang: str) -> str:
    if row.get("obs_status") == "suppressed":
        return t("suppressed", lang)
    return format_number(count, 0, lang)


def display_target(value: object, indicator: Mapping[str, Any], lang: str) -> str:
    return format_target(value, unit_label(indicator, lang), decimals(indicator), lang)


def display_gap(value: object, indicator: Mapping[str, Any], lang: str) -> str:
    """A distance to a target: '2,3 điểm %' / '2.3 percentage points' for a rate, else in the
    indicator's unit."""
    unit = unit_label(indicator, lang)
    if unit.strip() == "%":
        return format_value(value, t("unit.points", lang), decimals(indicator), lang)
    return format_value(value, unit, decimals(indicator), lang)
