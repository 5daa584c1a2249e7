"""The questions the pages ask of a loaded release (`dashboard/release.py`): an indicator's
row, its target, its series, periods and breakdowns, a geography's table, its downloads. Pure:
pandas over the `Release` tables, nothing read from disk but the release's own listed files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.release import TOTAL, Release, dimension_columns, listed_files, release_file

PAGE_DOWNLOAD_KINDS = ("csv", "xlsx")
"""The whole-indicator files the indicator page offers (the JSON is for programs: /releases/)."""

NATIONAL = "national"
REGION = "region"
SCHEMES = ("province_2004", "province_2025")
PERIOD_TYPES = ("year", "school_year", "quarter", "month")


# ---- indicators and targets ------------------------------------------------------------------


def indicator_by_slug(release: Release, slug: str | None) -> dict[str, Any] | None:
    """The indicators.csv row of `slug`, or None when no published indicator has it."""
    if not slug:
        return None
    rows = release.indicators[release.indicators["slug"] == slug]
    return None if rows.empty else rows.iloc[0].to_dict()


def indicator_for(release: Release, key: str | None) -> dict[str, Any] | None:
    """The indicators.csv row whose slug is `key`, else whose code is `key` (any case, so
    `/indicators/IND-03` finds its page), else None."""
    found = indicator_by_slug(release, key)
    if found is not None or not key:
        return found
    codes = release.indicators["indicator_code"].str.upper()
    rows = release.indicators[codes == key.strip().upper()]
    return None if rows.empty else rows.iloc[0].to_dict()


def indicator_by_code(release: Release, code: str | None) -> dict[str, Any] | None:
    rows = release.indicators[release.indicators["indicator_code"] == (code or "")]
    return None if rows.empty else rows.iloc[0].to_dict()


def target_for(release: Release, indicator: Mapping[str, Any]) -> dict[str, Any] | None:
    """The headline target of an indicator (its `target_id`), or None: never invented."""
    target_id = str(indicator.get("target_id") or "").strip()
    if not target_id:
        return None
    rows = release.targets[release.targets["target_id"] == target_id]
    if rows.empty:
        return None
    return rows.sort_values("target_year").iloc[-1].to_dict()


def derived_milestones(release: Release, indicator_code: str) -> pd.DataFrame:
    """Yearly targets marked `derived` for an indicator (not official), oldest first."""
    targets = release.targets
    rows = targets[(targets["indicator_code"] == indicator_code) & (targets["kind"] == "derived")]
    return rows.sort_values("target_year").reset_index(drop=True)


# ---- series, periods, geographies ------------------------------------------------------------


def _select(
    values: pd.DataFrame, dims: Mapping[str, str] | None = None, **equals: object
) -> pd.DataFrame:
    """Rows equal to `equals`, at `dims` (every other disaggregation at its total)."""
    mask = pd.Series(True, index=values.index)
    for column, wanted in equals.items():
        if wanted is not None:
            mask &= values[column] == wanted
    chosen = dict(dims or {})
    for column in dimension_columns(values):
        mask &= values[column] == chosen.get(column, TOTAL)
    return values[mask]


def series(
    release: Release,
    slug: str,
    *,
    scheme: str = NATIONAL,
    geo_code: str | None = None,
    period_type: str | None = None,
    dims: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Rows of one indicator in one scheme (and geography), oldest period first."""
    rows = _select(
        release.values,
        dims,
        slug=slug,
        geo_scheme=scheme,
        geo_code=geo_code,
        period_type=period_type or default_period_type(release, slug),
    )
    return rows.sort_values("period").reset_index(drop=True)


def latest_row(
    release: Release, slug: str, scheme: str = NATIONAL, geo_code: str | None = None
) -> dict[str, Any] | None:
    """The latest total row of an indicator in the coarsest period type it has."""
    rows = series(release, slug, scheme=scheme, geo_code=geo_code)
    return None if rows.empty else rows.iloc[-1].to_dict()


def periods(
    release: Release,
    slug: str,
    scheme: str,
    period_type: str | None = None,
    dims: Mapping[str, str] | None = None,
) -> list[str]:
    """Periods with rows of `slug` in `scheme`, oldest first."""
    rows = _select(
        release.values,
        dims,
        slug=slug,
        geo_scheme=scheme,
        period_type=period_type or default_period_type(release, slug),
    )
    return sorted(rows["period"].unique().tolist())


def geo_table(
    release: Release,
    slug: str,
    period: str,
    scheme: str,
    dims: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Rows of one indicator for one period in one geography scheme, by geo code."""
    rows = _select(release.values, dims, slug=slug, geo_scheme=scheme, period=str(period))
    return rows.sort_values("geo_code").reset_index(drop=True)


def geographies(release: Release, scheme: str) -> pd.DataFrame:
    """geo_code, geo_name of every place of `scheme` in the release, by code."""
    rows = release.values[release.values["geo_scheme"] == scheme]
    latest = rows.sort_values("period").drop_duplicates("geo_code", keep="last")
    return latest[["geo_code", "geo_name"]].sort_values("geo_code").reset_index(drop=True)


def geo_name(release: Release, scheme: str, code: str) -> str | None:
    places = geographies(release, scheme)
    match = places[places["geo_code"] == code]
    return None if match.empty else str(match.iloc[0]["geo_name"])


# ---- period types and breakdowns -------------------------------------------------------------


def indicator_period_types(release: Release, slug: str, scheme: str = NATIONAL) -> list[str]:
    """Period types of an indicator's rows in `scheme`, coarsest first."""
    values = release.values
    present = set(
        values.loc[(values["slug"] == slug) & (values["geo_scheme"] == scheme), "period_type"]
    )
    return [p for p in PERIOD_TYPES if p in present] + sorted(present - set(PERIOD_TYPES))


def default_period_type(release: Release, slug: str) -> str:
    types = indicator_period_types(release, slug)
    return types[0] if types else "year"


def indicator_dimensions(release: Release, slug: str) -> dict[str, list[str]]:
    """{dimension: values, total first} for dimensions where the indicator has more than `_T`,
    in the release's published order (categories.csv; unlisted values after, by name)."""
    rows = release.values[release.values["slug"] == slug]
    result: dict[str, list[str]] = {}
    for column in dimension_columns(release.values):
        present = [v for v in rows[column].dropna().astype(str).unique() if v != TOTAL]
        if present:
            order = _category_order(release, column)
            result[column] = [
                TOTAL,
                *sorted(
                    present,
                    key=lambda v: (order.index(v), v) if v in order else (len(order), v),
                ),
            ]
    return result


def _category_order(release: Release, dimension: str) -> list[str]:
    categories = release.categories
    if categories is None:
        return []
    rows = categories[categories["dimension"] == dimension]
    return rows.sort_values("sort_order", key=lambda s: s.astype(int))["category"].tolist()


# ---- files ------------------------------------------------------------------------------------


def indicator_downloads(release: Release, slug: str) -> dict[str, str]:
    """{"csv": name, "xlsx": name} of the whole-indicator files written at publish time (the
    manifest's "downloads"), only those the release holds; {} for a release without them."""
    names = (release.manifest.get("downloads") or {}).get(slug) or {}
    if not isinstance(names, Mapping):
        return {}
    return {
        kind: name
        for kind, name in names.items()
        if kind in PAGE_DOWNLOAD_KINDS and isinstance(name, str) and release_file(release, name)
    }


def download_name(release: Release, name: str) -> str:
    """The file name a browser saves `name` as: `<slug>_<release id>.<kind>` for an indicator's
    download, else `name`."""
    for slug, names in (release.manifest.get("downloads") or {}).items():
        if isinstance(names, Mapping):
            for kind, file in names.items():
                if file == name:
                    return f"{slug}_{release.release_id}.{kind}"
    return name


def file_sizes(release: Release) -> list[tuple[str, int | None]]:
    """(name, size in bytes or None when missing) of every listed file."""
    result = []
    for name in listed_files(release):
        path = release_file(release, name)
        result.append((name, path.stat().st_size if path else None))
    return result
