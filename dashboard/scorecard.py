"""The leadership scorecard as data: pure queries over loaded releases (no file access, no Dash).

Everything here is computed from the public release: the leadership view adds analysis
(status grid, what moved, lagging provinces, milestones by lead unit), never unpublished figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dashboard.programmes import chosen_programme, programme_targets, programme_years
from dashboard.queries import (
    derived_milestones,
    geo_table,
    indicator_by_code,
    latest_row,
    periods,
    series,
    target_for,
)
from dashboard.release import Release

LAGGING_SCHEME = "province_2025"
UNKNOWN_GEO = "_U"
MILESTONE_STATUSES = ("done", "done_late", "due", "not_reported")
# The first year of a targeted series is where its derived trajectory starts: it is the
# baseline, not "on track" by construction.
BASELINE = "baseline"


@dataclass(frozen=True)
class TargetLine:
    """One row of the scorecard: a target (T1–T3) or an indicator with a target."""

    target_id: str
    indicator_code: str
    indicator: Mapping[str, Any] | None  # None: the indicator is not published yet
    target: Mapping[str, Any] | None  # the headline target row of targets.csv
    statuses: Mapping[str, str]  # programme year -> status (no_data when absent)
    row: Mapping[str, Any] | None  # national total row of the chosen period
    trajectory: float | None  # the derived (not official) value for that year, if any

    @property
    def official(self) -> bool:
        return self.target is not None and str(self.target.get("kind")) == "official"


@dataclass(frozen=True)
class Change:
    """How an indicator's latest national total differs between two releases."""

    indicator_code: str
    indicator: Mapping[str, Any]
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    fields: tuple[str, ...]  # among: new, removed, period, value, status


@dataclass(frozen=True)
class Lagging:
    indicator: Mapping[str, Any]
    period: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    suppressed: int = 0
    published: int = 0
    highest_first: bool = False  # True when lower is better: the highest values lag
    met: int = 0  # published provinces that met the target (never listed as lagging)
    target: float | None = None  # the target the gaps are measured to, if any


# ---- status grid and values --------------------------------------------------------------


def target_lines(
    release: Release, period: str | None = None, programme_id: str | None = None
) -> list[TargetLine]:
    """The programme's targets (by target id: official for an adopted programme, illustrative
    for a draft) and every other indicator with a target in it; statuses over its years.

    `period`: a year ('2024'), a quarter ('2024-Q2') or None for the latest national value.
    `programme_id`: None for the current adopted programme (``chosen_programme``).
    """
    programme = chosen_programme(release, programme_id)
    if programme is None:
        return []
    chosen = str(programme["programme_id"])
    years = programme_years(programme)
    lines: list[TargetLine] = []
    seen: set[str] = set()
    typed_in = programme_targets(release, chosen).sort_values(["target_id", "target_year"])
    for target in typed_in.drop_duplicates("target_id", keep="last").to_dict("records"):
        code = str(target.get("indicator_code") or "")
        indicator = indicator_by_code(release, code)
        lines.append(
            _line(release, str(target["target_id"]), code, indicator, target, period, years)
        )
        seen.add(code)
    for indicator in release.indicators.to_dict("records"):
        code = str(indicator["indicator_code"])
        if code in seen or not str(indicator.get("target_id") or "").strip():
            continue
        target = target_for(release, indicator)
        if target is not None and str(target.get("programme_id") or chosen) != chosen:
            continue
        lines.append(
            _line(release, str(indicator["target_id"]), code, indicator, target, period, years)
        )
    return lines


def _line(
    release: Release,
    target_id: str,
    code: str,
    indicator: Mapping[str, Any] | None,
    target: Mapping[str, Any] | None,
    period: str | None,
    years: list[str],
) -> TargetLine:
    statuses = {year: "no_data" for year in years}
    row = None
    trajectory = None
    if indicator is not None:
        slug = str(indicator["slug"])
        yearly = series(release, slug, period_type=_yearly_type(release, slug))
        yearly = yearly[yearly["year_number"].astype(str).isin(statuses)]
        first = _baseline_period(yearly)
        for record in yearly.to_dict("records"):
            year = str(record["year_number"])
            if year in statuses:
                status = str(record.get("status") or "no_data")
                statuses[year] = BASELINE if record["period"] == first else status
        row = value_row(release, slug, period)
        if row is not None and str(row["year_number"]) not in statuses:
            row = None  # a value of another programme's years (a draft's have none yet)
        if row is not None and first is not None and row["period"] == first:
            row = {**row, "status": BASELINE}
        if row is not None:
            if str(row.get("target_kind")) == "derived" and not _missing(row.get("target_value")):
                trajectory = float(row["target_value"])
            elif str(row.get("target_kind")) != "official":
                trajectory = _derived_for_year(release, code, str(row["year_number"]))
    return TargetLine(target_id, code, indicator, target, statuses, row, trajectory)


def _baseline_period(yearly) -> str | None:
    """The first period with a published value of a yearly series, or None."""
    published = yearly[yearly["value"].notna() & (yearly["obs_status"] != "suppressed")]
    return None if published.empty else str(published.iloc[0]["period"])


def gap_to_target(line: TargetLine) -> float | None:
    """How far the chosen value is from the official target, in the indicator's unit
    (positive: still to go; 0 when met), or None without a value or a target."""
    if line.row is None or line.target is None or _missing(line.row.get("value")):
        return None
    if _missing(line.target.get("target_value")):
        return None
    value, target = float(line.row["value"]), float(line.target["target_value"])
    lower_is_better = str((line.indicator or {}).get("direction") or "") == "decrease"
    return max(0.0, value - target if lower_is_better else target - value)


def _yearly_type(release: Release, slug: str) -> str | None:
    """The period type an indicator's status is judged on: year, else school year."""
    values = release.values
    kinds = set(values.loc[values["slug"] == slug, "period_type"])
    return next((kind for kind in ("year", "school_year") if kind in kinds), None)


def value_row(release: Release, slug: str, period: str | None) -> dict[str, Any] | None:
    """The national total row of `slug` at `period` (year or quarter), or the latest one. A
    school-year indicator answers with the school year ending in the period's year."""
    if period is None:
        return latest_row(release, slug)
    yearly = _yearly_type(release, slug)
    if yearly == "school_year":
        rows = series(release, slug, period_type=yearly)
        rows = rows[rows["year_number"].astype(str) == _report_year(period)]
    else:
        period_type = "quarter" if "-Q" in period else yearly
        rows = series(release, slug, period_type=period_type)
        rows = rows[rows["period"].astype(str) == period]
    return None if rows.empty else rows.iloc[-1].to_dict()


def _derived_for_year(release: Release, code: str, year: str) -> float | None:
    derived = derived_milestones(release, code)
    match = derived[derived["target_year"].astype(str) == year]
    return None if match.empty else float(match.iloc[0]["target_value"])


def _missing(value: object) -> bool:
    try:
        return value is None or math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


# ---- what moved since the previous release -----------------------------------------------


def _snapshot(release: Release, code: str) -> dict[str, Any] | None:
    indicator = indicator_by_code(release, code)
    if indicator is None:
        return None
    row = latest_row(release, str(indicator["slug"]))
    if row is None:
        return {"period": None, "period_type": None, "value": None, "status": "no_data"}
    return {
        "period": str(row["period"]),
        "period_type": str(row.get("period_type") or "year"),
        "value": None if _missing(row.get("value")) else float(row["value"]),
        "status": str(row.get("status") or ""),
        "obs_status": str(row.get("obs_status") or ""),
    }


def changes_since(previous: Release | None, current: Release) -> list[Change] | None:
    """Indicators whose latest national total (period, value or status) differs from the
    previous release's; new and withdrawn indicators too. None when there is no previous
    release."""
    if previous is None:
        return None
    codes = list(current.indicators["indicator_code"])
    codes += [c for c in previous.indicators["indicator_code"] if c not in codes]
    changes = []
    for code in codes:
        before, after = _snapshot(previous, code), _snapshot(current, code)
        indicator = indicator_by_code(current, code) or indicator_by_code(previous, code) or {}
        if before is None:
            fields: tuple[str, ...] = ("new",)
        elif after is None:
            fields = ("removed",)
        else:
            fields = tuple(
                name
                for name, differs in (
                    ("period", before["period"] != after["period"]),
                    ("value", not _same_number(before["value"], after["value"])),
                    ("status", before["status"] != after["status"]),
                )
                if differs
            )
        if fields:
            changes.append(Change(code, indicator, before, after, fields))
    return changes


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


# ---- provinces lagging on each target ----------------------------------------------------


def lagging_provinces(
    release: Release,
    indicator: Mapping[str, Any],
    year: str | None = None,
    n: int = 5,
    scheme: str = LAGGING_SCHEME,
) -> Lagging:
    """The `n` provinces of `scheme` furthest from the target in `year` (default: the latest
    year with province rows), among the published ones that have not met it: the lowest
    values, or the highest when lower is better. Without a target: the lowest (highest)
    published values. Suppressed cells are left out and counted; the unknown-province row is
    ignored; each row gets its `gap` to the target."""
    slug = str(indicator["slug"])
    highest_first = str(indicator.get("direction") or "") == "decrease"
    years = periods(release, slug, scheme, _yearly_type(release, slug))
    if year is not None:
        year_numbers = _year_numbers(release)
        years = [p for p in years if year_numbers.get(p) == str(year)]
    if not years:
        return Lagging(indicator, None, highest_first=highest_first)
    period = years[-1]
    rows = geo_table(release, slug, period, scheme)
    rows = rows[rows["geo_code"] != UNKNOWN_GEO]
    hidden = (rows["obs_status"] == "suppressed") | rows["value"].isna()
    published = rows[~hidden].copy()
    headline = target_for(release, indicator)
    fallback = None if headline is None else headline.get("target_value")
    headline_target = None if fallback is None or _missing(fallback) else float(fallback)
    target = published["target_value"]
    if headline_target is not None:
        target = target.fillna(headline_target)
    published["gap"] = (
        (published["value"] - target) if highest_first else (target - published["value"])
    )
    has_target = bool(published["gap"].notna().any())
    met = published["gap"].le(0) | published["status"].eq("achieved")
    if has_target:
        behind = published[~met].sort_values(["gap", "geo_code"], ascending=[False, True])
    else:
        behind = published.sort_values(["value", "geo_code"], ascending=[not highest_first, True])
    return Lagging(
        indicator,
        str(period),
        rows=behind.head(n).to_dict("records"),
        suppressed=int((rows["obs_status"] == "suppressed").sum()),
        published=len(published),
        highest_first=highest_first,
        met=int(met.sum()) if has_target else 0,
        target=headline_target,
    )


# ---- Plan 838 milestones -----------------------------------------------------------------


def milestones_by_unit(release: Release) -> list[tuple[str, list[dict[str, Any]]]]:
    """(lead unit, milestones by due date) in order of the first due date of each unit."""
    milestones = release.milestones
    if milestones is None or milestones.empty:
        return []
    frame = milestones.copy()
    if "lead_unit" not in frame.columns:
        frame["lead_unit"] = ""
    if "due_date" in frame.columns:
        frame = frame.sort_values("due_date", kind="stable")
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in frame.to_dict("records"):
        groups.setdefault(str(row.get("lead_unit") or ""), []).append(row)
    return list(groups.items())


def milestone_counts(release: Release) -> dict[str, int]:
    """Milestones per status (done, done_late, due, not_reported)."""
    milestones = release.milestones
    if milestones is None or milestones.empty or "status" not in milestones.columns:
        return {}
    counts = milestones["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in MILESTONE_STATUSES}


# ---- periods of the report ---------------------------------------------------------------


def report_years(release: Release, programme_id: str | None = None) -> list[str]:
    """The programme's years (the current adopted one by default) with at least one national
    row, oldest first; all its years when none has one."""
    programme = chosen_programme(release, programme_id)
    if programme is None:
        return []
    values = release.values
    national = values[values["geo_scheme"] == "national"]
    present = {str(y) for y in national["year_number"].dropna().astype(int)}
    years = programme_years(programme)
    return [year for year in years if year in present] or years


def _report_year(period: str) -> str:
    """The year of a report period the reader chose: '2024' or '2024-Q2' → '2024'."""
    return str(period)[:4]


def _year_numbers(release: Release) -> dict[str, str]:
    """period → its programme year (periods.csv's year_number, carried on every row)."""
    pairs = release.values[["period", "year_number"]].dropna().drop_duplicates("period")
    years = pairs["year_number"].astype(int).astype(str)
    return dict(zip(pairs["period"].astype(str), years, strict=True))


def report_quarters(release: Release, year: str) -> list[str]:
    """Quarter numbers ('1'–'4') of `year` with national quarterly rows."""
    values = release.values
    rows = values[(values["geo_scheme"] == "national") & (values["period_type"] == "quarter")]
    found = {p.split("-Q", 1)[1] for p in rows["period"].astype(str) if p.startswith(f"{year}-Q")}
    return sorted(found)
