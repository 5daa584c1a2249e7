"""Several series on the indicator's trend chart, where the reader compares:

- a breakdown the release publishes (`sex`, `age_band`, `platform`, any other column of
  `Release.dimensions`): each published value of it as its own line beside the selected series
  (the national total, whose target line stays);
- `places`: the national line beside one to five regions or provinces (either province list).

The controls (a choice and a multiple select) and the extra series as (label, rows) pairs for
figures.trend_figure. Only what the release publishes is offered; a hidden value is a gap.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.components import radio_group
from dashboard.i18n import dim_label, dim_value_label, t
from dashboard.queries import REGION, SCHEMES, series
from dashboard.release import Release
from dashboard.selections import dimension_combinations

MAX_PLACES = 5
PLACES = "places"
NONE = "none"
PLACE_SCHEMES = (REGION, *SCHEMES)
_SHORT = {
    REGION: {"vi": "vùng", "en": "region"},
    "province_2004": {"vi": "63 tỉnh", "en": "63 provinces"},
    "province_2025": {"vi": "34 tỉnh", "en": "34 provinces"},
}


def modes(release: Release, slug: str, dims: Mapping[str, str]) -> list[str]:
    """The comparisons this indicator offers: none, each breakdown with two or more published
    values (the other breakdowns as selected), and places when it has any."""
    found = [NONE]
    combinations = dimension_combinations(release, slug)
    for dimension in combinations[0]:  # the release's breakdown columns
        values = _breakdown_values(combinations, dimension, dims)
        if len(values) >= 2:
            found.append(dimension)
    if place_options(release, slug, "vi"):
        found.append(PLACES)
    return found


def _breakdown_values(
    combinations: list[dict[str, str]], dimension: str, dims: Mapping[str, str]
) -> list[str]:
    """The published values of `dimension` (not its total) beside the other selected ones."""
    found = [
        c[dimension]
        for c in combinations
        if dimension in c
        and all(c.get(other, "_T") == value for other, value in dims.items() if other != dimension)
    ]
    return [v for v in dict.fromkeys(found) if v != "_T"]


def place_options(release: Release, slug: str, lang: str) -> list[dict[str, str]]:
    """Regions, then both province lists, with a published value of `slug` ("scheme:code")."""
    values = release.values
    rows = values[(values["slug"] == slug) & values["geo_scheme"].isin(PLACE_SCHEMES)]
    rows = rows[(rows["geo_code"] != "_U") & rows["value"].notna()]
    places = rows.drop_duplicates(["geo_scheme", "geo_code"])
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
    release: Release, slug: str, lang: str, dims: Mapping[str, str], mode: str, places: list[str]
) -> html.Div:
    """The comparison choice and the places select; hidden (but present for the page's
    callbacks) when the indicator offers nothing to compare."""
    offered = modes(release, slug, dims)
    options = [{"label": _mode_label(m, lang), "value": m} for m in offered]
    return html.Div(
        [
            radio_group(t("compare.legend", lang), ids.INDICATOR_COMPARE, options, mode),
            html.Div(
                [
                    html.Label(
                        t("compare.places", lang, most=MAX_PLACES),
                        htmlFor=ids.INDICATOR_COMPARE_PLACES,
                    ),
                    dcc.Dropdown(
                        id=ids.INDICATOR_COMPARE_PLACES,
                        options=place_options(release, slug, lang) if PLACES in offered else [],
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
        className="compare",
        hidden=offered == [NONE],
    )


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
    combinations = dimension_combinations(release, slug) if mode not in (NONE, PLACES) else [{}]
    if mode in combinations[0]:
        values = _breakdown_values(combinations, mode, dims)
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
