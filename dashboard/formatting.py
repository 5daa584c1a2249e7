"""How numbers, dates and periods are written in Vietnamese (1.234,5 · 31/12/2025) and English
(1,234.5 · 31 Dec 2025). Pure: no data access, no Dash, no words of the site (dashboard/i18n.py).

The locale's symbols, month names and date patterns are CLDR's, through Babel. Rounding stays
Python's (`format(value, ".1f")`, half-to-even on the float): Babel rounds the decimal text
instead and would turn 2.675 into 2.68 where the release's own figures say 2.67.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_date

DEFAULT_LANG = "vi"
MISSING = "–"

# CLDR date patterns: 31/12/2025 and 31 Dec 2025; a month period 07/2023 and Jul 2023
_DATE = {"vi": "dd/MM/y", "en": "d MMM y"}
_MONTH = {"vi": "MM/y", "en": "MMM y"}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse("en" if lang == "en" else DEFAULT_LANG)


@cache
def _symbols(lang: str) -> dict[int, str]:
    """Python's `,` and `.` mapped to the locale's group and decimal symbols."""
    numbers = _locale(lang).number_symbols["latn"]
    return str.maketrans({",": numbers["group"], ".": numbers["decimal"]})


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def format_number(value: object, decimals: int = 0, lang: str = DEFAULT_LANG) -> str:
    """Vietnamese 1.234,5; English 1,234.5."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):,.{max(int(decimals), 0)}f}"  # type: ignore[arg-type]
    return text.translate(_symbols(lang))


def format_value(
    value: object, unit_label: str | None, decimals: int = 0, lang: str = DEFAULT_LANG
) -> str:
    """A number with its unit: '98,5%' / '98.5%', '1.234 lượt' / '1,234 contacts'."""
    if is_missing(value):
        return MISSING
    number = format_number(value, decimals, lang)
    unit = (unit_label or "").strip()
    if not unit:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def format_target(
    value: object, unit_label: str | None, decimals: int = 0, lang: str = DEFAULT_LANG
) -> str:
    """A target: whole numbers without decimals ('100%'), others as `format_value`."""
    if not is_missing(value) and float(value).is_integer():  # type: ignore[arg-type]
        decimals = 0
    return format_value(value, unit_label, decimals, lang)


def format_date(value: object, lang: str = DEFAULT_LANG) -> str:
    """ISO date (or timestamp) → 31/12/2025 (vi) or 31 Dec 2025 (en); else unchanged."""
    if value is None or str(value).strip() == "":
        return MISSING
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return _babel_date(day, _DATE.get(lang, _DATE[DEFAULT_LANG]), locale=_locale(lang))


def format_period(period: object, period_type: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """2023 · 2023-Q2 → 'Q2/2023' / 'Q2 2023' · 2023-07 → '07/2023' / 'Jul 2023'."""
    text = str(period)
    kind = period_type or _guess_period_type(text)
    if kind == "quarter" and "-Q" in text:
        year, quarter = text.split("-Q", 1)
        return f"Q{quarter}/{year}" if lang == "vi" else f"Q{quarter} {year}"
    if kind == "month" and len(text) == 7:
        lang = "vi" if lang == "vi" else "en"
        try:
            month = date(int(text[:4]), int(text[5:]), 1)
        except ValueError:
            return text
        return _babel_date(month, _MONTH[lang], locale=_locale(lang))
    if kind == "school_year" and len(text) == 9:
        start, end = text.split("-")
        return f"{start}–{end}"
    return text


def _guess_period_type(text: str) -> str:
    if "-Q" in text:
        return "quarter"
    if len(text) == 7 and text[4] == "-":
        return "month"
    if len(text) == 9 and text[4] == "-":
        return "school_year"
    return "year"
