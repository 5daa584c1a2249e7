"""The province page's extra sections: the 1 July 2025 merger in words with links both ways,
the province's rank among the published provinces, and each indicator's trend in the province
against the national line (one chart, an indicator chosen in a plain select)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.figures import LINE_COLOUR, MODE_BAR, separators
from dashboard.formatting import format_period, is_missing
from dashboard.i18n import href, pick, scheme_label, t
from dashboard.lookup import merged_with
from dashboard.queries import NATIONAL, geo_table, indicator_by_slug, series
from dashboard.release import Release
from dashboard.views.values import unit_label

TREND_CHART = "province-trend-chart"
TREND_PICK = "province-trend-indicator"
NATIONAL_COLOUR = "#6b7580"
UNKNOWN_GEO = "_U"  # the unknown-province row is not a province


def merger_note(release: Release, scheme: str, code: str, name: str, lang: str) -> html.P | None:
    """'Hà Nam is part of Ninh Bình from 1 July 2025' (or the reverse), with links."""
    linked = merged_with(release, scheme, code)
    if not linked:
        return None
    links: list[Any] = []
    for index, place in enumerate(linked):
        if index:
            links.append(", ")
        path = f"/provinces/{place['geo_scheme']}/{place['geo_code']}"
        links.append(dcc.Link(str(place["geo_name"]), href=href(path, lang)))
    other = scheme_label(str(linked[0]["geo_scheme"]), lang)
    if scheme == "province_2004":
        same = len(linked) == 1 and str(linked[0]["geo_code"]) == code
        key = "prov.kept" if same else "prov.merged_into"
    else:
        key = "prov.merged_from"
    before, after = t(key, lang, name=name, scheme=other, links="{links}").split("{links}")
    return html.P([before, *links, after], className="merger-note", id="province-merger")


def rank(
    release: Release, indicator: Mapping[str, Any], scheme: str, code: str, period: str
) -> tuple[int, int] | None:
    """(rank, published provinces) of a province for one indicator and period: 1 is the best
    value (the lowest when lower is better, else the highest); ties share a rank. Only
    published values count (never a hidden one); None when the province's own is not."""
    rows = geo_table(release, str(indicator["slug"]), period, scheme)
    rows = rows[(rows["geo_code"] != UNKNOWN_GEO) & rows["value"].notna()]
    rows = rows[rows["obs_status"].astype(str) != "suppressed"]
    own = rows[rows["geo_code"] == code]
    if own.empty:
        return None
    value = float(own.iloc[0]["value"])
    values = rows["value"].astype(float)
    better = values < value if indicator.get("direction") == "decrease" else values > value
    return int(better.sum()) + 1, len(rows)


def trend_indicators(release: Release, scheme: str, code: str) -> list[dict[str, Any]]:
    """Indicators with a published value for this province, in registry order."""
    found = []
    for indicator in release.indicators.to_dict("records"):
        rows = series(release, indicator["slug"], scheme=scheme, geo_code=code)
        if not rows.empty and rows["value"].notna().any():
            found.append(indicator)
    return found


def trend_figure(
    release: Release, slug: str, scheme: str, code: str, name: str, lang: str
) -> go.Figure:
    """The province's series of one indicator beside the national one (same period type)."""
    indicator = indicator_by_slug(release, slug) or {}
    rows = series(release, slug, scheme=scheme, geo_code=code)
    period_type = str(rows["period_type"].iloc[0]) if not rows.empty else None
    national = series(release, slug, scheme=NATIONAL, period_type=period_type)
    fig = go.Figure()
    for frame, label, colour, dash in (
        (national, t("national", lang), NATIONAL_COLOUR, "dot"),
        (rows, name, LINE_COLOUR, "solid"),
    ):
        fig.add_trace(
            go.Scatter(
                x=[
                    format_period(p, period_type, lang).replace("–", "–<br>")
                    for p in frame["period"]
                ],
                y=[None if is_missing(v) else float(v) for v in frame["value"]],
                mode="lines+markers",
                name=label,
                line={"color": colour, "width": 2.5, "dash": dash},
                connectgaps=False,
            )
        )
    unit = unit_label(indicator, lang)
    fig.update_layout(
        separators=separators(lang),
        height=320,
        margin={"l": 8, "r": 8, "t": 40, "b": 8},
        title={"text": pick(indicator, "name", lang), "x": 0, "font": {"size": 14}},
        legend={"orientation": "h", "y": -0.2, "x": 0},
        plot_bgcolor="#ffffff",
    )
    fig.update_xaxes(type="category", automargin=True, fixedrange=True)
    fig.update_yaxes(
        rangemode="tozero",
        ticksuffix="%" if unit.strip() == "%" else "",
        tickformat=",~f",
        gridcolor="#e3e7eb",
        automargin=True,
        fixedrange=True,
        title={"text": unit if unit.strip() != "%" else ""},
    )
    return fig


def trend_section(
    release: Release, scheme: str, code: str, name: str, lang: str, chosen: str | None
) -> html.Section | None:
    indicators = trend_indicators(release, scheme, code)
    if not indicators:
        return None
    slugs = [i["slug"] for i in indicators]
    slug = chosen if chosen is not None and chosen in slugs else slugs[0]
    options: Mapping[str, str] = {
        i["slug"]: f"{i['indicator_code']} · {pick(i, 'name', lang)}" for i in indicators
    }
    return html.Section(
        [
            html.H2(t("prov.trend", lang, name=name)),
            html.Label(t("prov.trend_pick", lang), htmlFor=TREND_PICK),
            dcc.Dropdown(
                id=TREND_PICK,
                options=[{"label": label, "value": value} for value, label in options.items()],
                value=slug,
                clearable=False,
                searchable=False,
            ),
            dcc.Graph(
                id=TREND_CHART,
                figure=trend_figure(release, slug, scheme, code, name, lang),
                config=MODE_BAR,
            ),
        ],
        className="panel",
        id="province-trend",
    )
