"""Several series on the indicator's trend chart, where the reader compares:

- a breakdown (`sex`, `age_band`, `platform`, any the release carries): each published value
  of it as its own line beside the selected series (the national total, whose target line
  stays);
- `places`: the national line beside one to five regions or provinces (either province list).

The controls (a choice and a multiple select) and the extra series as (label, rows) pairs for
figures.trend_figure. Only what the release publishes for the selection (period type,
breakdowns) is offered, and the page offers the choices again when the selection changes; a
hidden value is a gap.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.components import radio_group
from dashboard.i18n import dim_label, dim_value_label, t
from dashboard.queries import NATIONAL, REGION, SCHEMES, series
from dashboard.release import TOTAL, Release, dimension_columns
from dashboard.views.province_trend import UNKNOWN_GEO

MAX_PLACES = 5
PLACES = "places"
NONE = "none"
PLACE_SCHEMES = (REGION, *SCHEMES)
_SHORT = {
    REGION: {"vi": "vùng", "en": "region"},
    "province_2004": {"vi": "63 tỉnh", "en": "63 provinces"},
    "province_2025": {"vi": "34 tỉnh", "en": "34 provinces"},
}


def modes(release: Release, slug: str, dims: Mapping[str, str], period_type: str) -> list[str]:
    """The comparisons offered for this selection (period type, breakdowns): none, each
    breakdown with two or more published values beside the other selected ones, and places
    when a region or province publishes a value. Recomputed when the selection changes."""
    rows = _published(release, slug, period_type)
    found = [NONE]
    for dimension in dimension_columns(release.values):  # the release's breakdown columns
        if len(_breakdown_values(rows, dimension, dims)) >= 2:
            found.append(dimension)
    if _place_rows(rows, dims).size:
        found.append(PLACES)
    return found


def _published(release: Release, slug: str, period_type: str) -> pd.DataFrame:
    """`slug`'s rows of `period_type` that carry a value (a hidden cell has none)."""
    values = release.values
    rows = values[(values["slug"] == slug) & (values["period_type"] == period_type)]
    return rows[rows["value"].notna()]


def _at(rows: pd.DataFrame, dims: Mapping[str, str], free: str | None = None) -> pd.DataFrame:
    """`rows` at the selected breakdowns (each at its total unless chosen), `free` left free."""
    for column in dimension_columns(rows):
        if column != free:
            rows = rows[rows[column].fillna(TOTAL).astype(str) == dims.get(column, TOTAL)]
    return rows


def _breakdown_values(rows: pd.DataFrame, dimension: str, dims: Mapping[str, str]) -> list[str]:
    """The published values of `dimension` (not its total), nationally, beside the other
    selected breakdowns."""
    if dimension not in rows.columns:
        return []
    national = _at(rows[rows["geo_scheme"] == NATIONAL], dims, free=dimension)
    return [v for v in dict.fromkeys(national[dimension].astype(str)) if v != TOTAL]


def _place_rows(rows: pd.DataFrame, dims: Mapping[str, str]) -> pd.DataFrame:
    places = _at(rows[rows["geo_scheme"].isin(PLACE_SCHEMES)], dims)
    return places[places["geo_code"] != UNKNOWN_GEO]


def place_options(
    release: Release, slug: str, lang: str, period_type: str, dims: Mapping[str, str]
) -> list[dict[str, str]]:
    """Regions, then both province lists, with a published value of `slug` for this period type
    and breakdown ("scheme:code")."""
    rows = _place_rows(_published(release, slug, period_type), dims)
    places = rows.sort_values("period").drop_duplicates(["geo_scheme", "geo_code"], keep="last")
    options = []
    for scheme in PLACE_SCHEMES:
        chosen = places[places["geo_scheme"] == scheme].sort_values("geo_name")
        for row in chosen.itertuples():
            options.append(
                {
                    "label": f"{row.geo_name} ({_SHORT[scheme][lang]})",
                    "value": f"{scheme}:{row.geo_code}",
                }
            )
    return options


def parse_places(text: object, allowed: list[str]) -> list[str]:
    """The first five known "scheme:code" of a list or a comma-separated query value."""
    items = text if isinstance(text, list) else str(text or "").split(",")
    known = [str(i) for i in items if str(i) in allowed]
    return list(dict.fromkeys(known))[:MAX_PLACES]


def controls(
    release: Release,
    slug: str,
    lang: str,
    dims: Mapping[str, str],
    mode: str,
    places: list[str],
    period_type: str,
) -> html.Div:
    """The comparison choice and the places select; hidden (but present for the page's
    callbacks, which offer the choices again when the selection changes) when this selection
    offers nothing to compare."""
    offered = modes(release, slug, dims, period_type)
    return html.Div(
        [
            radio_group(
                t("compare.legend", lang),
                ids.INDICATOR_COMPARE,
                mode_options(offered, lang),
                mode,
                single_as_text=False,  # the options change with the selection
            ),
            html.Div(
                [
                    html.Label(
                        t("compare.places", lang, most=MAX_PLACES),
                        htmlFor=ids.INDICATOR_COMPARE_PLACES,
                    ),
                    dcc.Dropdown(
                        id=ids.INDICATOR_COMPARE_PLACES,
                        options=place_options(release, slug, lang, period_type, dims)
                        if PLACES in offered
                        else [],
                        value=places,
                        multi=True,
                        placeholder=t("compare.places_hint", lang),
                        className="compare-places",
                    ),
                ],
                id=ids.INDICATOR_COMPARE_PLACES_HOLDER,
                hidden=mode != PLACES,
            ),
        ],
        id=ids.INDICATOR_COMPARE_HOLDER,
        className="compare",
        hidden=offered == [NONE],
    )


def mode_options(offered: list[str], lang: str) -> list[dict[str, str]]:
    return [{"label": _mode_label(m, lang), "value": m} for m in offered]


def _mode_label(mode: str, lang: str) -> str:
    if mode in (NONE, PLACES):
        return t(f"compare.{mode}_option", lang)
    return t("compare.by", lang, dimension=dim_label(mode, lang).lower())


def extra_series(
    release: Release,
    slug: str,
    lang: str,
    period_type: str,
    dims: Mapping[str, str],
    mode: str,
    places: list[str],
) -> list[tuple[str, pd.DataFrame]]:
    """(label, rows) of every series drawn beside the selected one."""
    if mode in dimension_columns(release.values):
        values = _breakdown_values(_published(release, slug, period_type), mode, dims)
        return [
            (
                dim_value_label(mode, value, lang),
                series(release, slug, period_type=period_type, dims={**dims, mode: value}),
            )
            for value in values
            if value != dims.get(mode)  # the selected series is drawn already
        ]
    if mode != PLACES:
        return []
    found = []
    for place in places[:MAX_PLACES]:
        scheme, _, code = place.partition(":")
        if scheme not in PLACE_SCHEMES:
            continue
        rows = series(
            release, slug, scheme=scheme, geo_code=code, period_type=period_type, dims=dims
        )
        if not rows.empty:
            found.append((f"{rows['geo_name'].iloc[-1]} ({_SHORT[scheme][lang]})", rows))
    return found
