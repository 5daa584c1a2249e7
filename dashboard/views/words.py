"""Numbers in words: what a series did and what it still needs, in a sentence each.

- the change since the previous period and since the first published one ("+12% since 2024";
  a rate moves in percentage points, "+2.3 percentage points since 2021");
- for an indicator with a target: the gap to it, or that it is met; and, for a yearly series,
  the pace needed each year until the target's year beside the pace so far.

Nothing is said about a suppressed or missing value (it is never a number), nor a gap for a
"monitoring" indicator (no target, or no desired direction). The target's year comes from the
release (targets.csv), never from a constant. Pure: rows in, sentences out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.formatting import format_number, format_period, format_value, is_missing
from dashboard.i18n import t
from dashboard.views.values import decimals, display_target, unit_label

MINUS = "−"  # U+2212: a minus sign, not a hyphen
YEARLY = ("year", "school_year")


def _published(rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return rows
    keep = rows["value"].notna() & (rows["obs_status"].astype(str) != "suppressed")
    return rows[keep]


def _is_rate(indicator: Mapping[str, Any], lang: str) -> bool:
    return unit_label(indicator, lang).strip() == "%"


def _signed(number: str, value: float) -> str:
    if value > 0:
        return f"+{number}"
    return f"{MINUS}{number}" if value < 0 else number


def amount(value: float, indicator: Mapping[str, Any], lang: str, *, change: bool = True) -> str:
    """A difference in the indicator's unit: '+2,3 điểm %' / '+2.3 percentage points' for a
    rate, '+1.204 trẻ em' / '+1,204 children' for a count; unsigned when `change` is False."""
    unit = t("unit.points", lang) if _is_rate(indicator, lang) else unit_label(indicator, lang)
    text = format_value(abs(value), unit, decimals(indicator), lang)
    return _signed(text, value) if change else text


def _relative(now: float, before: float, lang: str) -> str | None:
    """'+12%' (one decimal below 10%), or None when the base is zero."""
    if before == 0:
        return None
    share = (now - before) / abs(before) * 100
    digits = 1 if abs(share) < 10 else 0
    if round(share, digits) == 0:
        return None
    return _signed(format_number(abs(share), digits, lang) + "%", share)


def _change(now: float, before: float, indicator: Mapping[str, Any], lang: str) -> str:
    if _is_rate(indicator, lang):
        return amount(now - before, indicator, lang)
    return _relative(now, before, lang) or amount(now - before, indicator, lang)


def change_sentences(rows: pd.DataFrame, indicator: Mapping[str, Any], lang: str) -> list[str]:
    """The change since the previous period and since the first published one. Nothing when
    the latest value is suppressed or missing; the previous period only when it is published."""
    if rows.empty:
        return []
    latest = rows.iloc[-1]
    published = _published(rows)
    if published.empty or published.index[-1] != rows.index[-1]:
        return []
    now = float(latest["value"])
    sentences = []
    if len(rows) >= 2 and rows.index[-2] in published.index:
        before = rows.iloc[-2]
        sentences.append(_since(now, before, indicator, lang))
    first = published.iloc[0]
    if first.name != rows.index[-1] and (len(rows) < 2 or first.name != rows.index[-2]):
        sentences.append(_since(now, first, indicator, lang))
    return sentences


def _since(now: float, before: pd.Series, indicator: Mapping[str, Any], lang: str) -> str:
    period = format_period(before["period"], before["period_type"], lang)
    if float(before["value"]) == now:
        return t("words.same", lang, period=period)
    return t("words.since", lang, change=_change(now, float(before["value"]), indicator, lang),
             period=period)  # fmt: skip


def target_sentences(
    rows: pd.DataFrame,
    indicator: Mapping[str, Any],
    target: Mapping[str, Any] | None,
    lang: str,
) -> list[str]:
    """The gap to the headline target (or that it is met) and, for a yearly series, the pace
    needed each year until the target's year beside the pace so far. Nothing for a monitoring
    indicator, or when the latest value is not published."""
    direction = str(indicator.get("direction") or "")
    if target is None or direction not in ("increase", "decrease") or rows.empty:
        return []
    goal, goal_year = target.get("target_value"), target.get("target_year")
    if goal is None or goal_year is None or is_missing(goal) or is_missing(goal_year):
        return []
    published = _published(rows)
    if published.empty or published.index[-1] != rows.index[-1]:
        return []
    latest = published.iloc[-1]
    now, goal, goal_year = float(latest["value"]), float(goal), int(float(goal_year))
    shown = display_target(goal, indicator, lang)
    gap = goal - now if direction == "increase" else now - goal
    if gap <= 0:
        return [t("words.met", lang, target=shown, year=goal_year)]
    sentences = [
        t("words.gap", lang, gap=amount(gap, indicator, lang, change=False), target=shown,
          year=goal_year)
    ]  # fmt: skip
    if str(latest["period_type"]) not in YEARLY:
        return sentences
    year = int(latest["year_number"])
    left = goal_year - year
    if left <= 0:
        return sentences
    needed = (goal - now) / left
    first = published.iloc[0]
    so_far_years = year - int(first["year_number"])
    if so_far_years > 0:
        so_far = (now - float(first["value"])) / so_far_years
        sentences.append(
            t("words.pace", lang, pace=amount(needed, indicator, lang), year=goal_year,
              so_far=amount(so_far, indicator, lang))
        )  # fmt: skip
    else:
        sentences.append(
            t("words.pace_only", lang, pace=amount(needed, indicator, lang), year=goal_year)
        )
    return sentences


def in_words(
    rows: pd.DataFrame,
    indicator: Mapping[str, Any],
    target: Mapping[str, Any] | None,
    lang: str,
) -> list[str]:
    """Every sentence about a national series: its changes, then its target."""
    return change_sentences(rows, indicator, lang) + target_sentences(rows, indicator, target, lang)
