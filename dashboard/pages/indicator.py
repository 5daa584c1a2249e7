"""/indicators/<slug> (and /en/indicators/<slug>): one template serves every indicator.

The sections live in dashboard/views/; this module holds the layout and the callbacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import dash
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html

from dashboard import ids, lookup
from dashboard.components import attributes, notice
from dashboard.figures import graph_config
from dashboard.formatting import format_date
from dashboard.frame import frame, no_release_page, try_release
from dashboard.i18n import href, pick, t
from dashboard.queries import (
    SCHEMES,
    default_period_type,
    indicator_by_slug,
    indicator_dimensions,
    indicator_downloads,
    indicator_for,
    indicator_period_types,
    periods,
)
from dashboard.release import current_release, release_file
from dashboard.routing import PATH_ARG, register_pages
from dashboard.selections import dimension_choices, dimension_combinations
from dashboard.server_routes import file_url
from dashboard.views import compare, downloads, fallback, indicator_parts, province_view

DIM_TYPE = indicator_parts.DIM_TYPE


def _title(lang: str, slug: str | None = None, **_: Any) -> str:
    indicator = lookup.indicator(slug)
    if indicator is None:
        return t("ind.not_found", lang)
    return f"{indicator['indicator_code']} · {pick(indicator, 'name', lang)}"


def layout(lang: str = "vi", slug: str | None = None, **query: Any) -> html.Div:
    path = f"/indicators/{slug}"
    query.pop(PATH_ARG, None)
    release = try_release()
    if release is None:
        return no_release_page(lang, path, query)
    indicator = indicator_for(release, slug)
    if indicator is None:
        body = [
            notice(t("ind.not_found", lang), t("ind.not_found_body", lang), kind="warning"),
            dcc.Link(t("back.all", lang), href=href("/", lang), className="back-link"),
        ]
        return frame(lang, body, path=path, query=query, release=release)
    slug = indicator["slug"]
    types = indicator_period_types(release, slug) or ["year"]
    asked_type = query.get("period_type")
    period_type = asked_type if isinstance(asked_type, str) and asked_type in types else types[0]
    dimensions = indicator_dimensions(release, slug)
    asked = {d: str(query.get(d)) if query.get(d) in v else "_T" for d, v in dimensions.items()}
    dims, offered = dimension_choices(dimension_combinations(release, slug), dimensions, asked)
    mode = query.get("compare")
    mode = mode if mode in compare.modes(release, slug, dims, period_type) else compare.NONE
    allowed = [o["value"] for o in compare.place_options(release, slug, lang, period_type, dims)]
    places = compare.parse_places(query.get("places"), allowed)
    others = compare.extra_series(release, slug, lang, period_type, dims, mode, places)
    figure, summary, table, empty = indicator_parts.trend_parts(
        release, indicator, lang, period_type, dims, others
    )
    datapackage = release_file(release, "datapackage.json")
    body = [
        dcc.Store(id=ids.INDICATOR_STATE, data={"slug": slug, "lang": lang}),
        dcc.Store(id=ids.INDICATOR_QUERY, data=None),
        html.Div(id=ids.INDICATOR_QUERY_SYNC, hidden=True),
        dcc.Link(t("back.all", lang), href=href("/", lang), className="back-link"),
        indicator_parts.heading(release, indicator, lang),
        html.Section(
            [
                html.H2(t("ind.filters", lang), className="visually-hidden"),
                indicator_parts.filter_controls(types, period_type, offered, dims, lang),
                compare.controls(release, slug, lang, dims, mode, places, period_type),
            ],
            className="filters",
        ),
        html.Section(
            [
                html.H2(t("ind.trend", lang)),
                html.Figure(
                    [
                        html.Div(
                            dcc.Graph(
                                id=ids.INDICATOR_CHART,
                                figure=figure,
                                config=graph_config(f"{slug}_{release.release_id}"),
                                className="trend-chart",
                            ),
                            id=ids.INDICATOR_CHART_HOLDER,
                            hidden=empty,  # no empty axes: the caption says why
                        ),
                        export_buttons(ids.INDICATOR_CHART, f"{slug}_{release.release_id}", lang),
                        html.Figcaption(summary, id=ids.INDICATOR_CHART_SUMMARY),
                    ]
                ),
                html.Details(
                    [
                        html.Summary(t("ind.table", lang)),
                        html.Div(table, id=ids.INDICATOR_TREND_TABLE),
                    ],
                    className="data-details",
                ),
            ],
            className="panel",
        ),
        province_view.section(
            release,
            indicator,
            lang,
            period_type,
            dims,
            scheme=query.get("scheme"),
            period=query.get("period"),
        ),
        indicator_parts.metadata(indicator, lang),
        html.Section(
            [
                html.H2(t("ind.downloads", lang)),
                html.Div(
                    [
                        html.Button(
                            t("ind.dl_shown", lang),
                            id=ids.INDICATOR_DL_SHOWN,
                            className="button",
                            type="button",
                        ),
                        *(
                            html.A(
                                t(f"ind.dl_all_{kind}", lang),
                                id=f"{ids.INDICATOR_DL_FILE_PREFIX}{kind}",
                                href=file_url(name),
                                download=f"{slug}_{release.release_id}.{kind}",
                                className="button button--link",
                            )
                            for kind, name in indicator_downloads(release, slug).items()
                        ),
                        html.A(
                            t("ind.datapackage", lang),
                            href=file_url("datapackage.json"),
                            className="button button--link",
                        )
                        if datapackage
                        else None,
                        html.A(
                            t("ind.embed", lang),
                            href=href(f"/embed/{slug}", lang),
                            className="button button--link",
                        ),
                        dcc.Download(id=ids.INDICATOR_DOWNLOAD),
                    ],
                    className="downloads",
                ),
                html.P(
                    t(
                        "ind.release",
                        lang,
                        release=release.release_id,
                        as_of=format_date(release.data_as_of, lang),
                    ),
                    className="note",
                ),
            ],
            className="panel",
        ),
    ]
    return frame(
        lang, html.Div(body, className="indicator-page"), path=path, query=query, release=release
    )


register_pages(
    __name__,
    layout,
    path_template="/indicators/<slug>",
    title=_title,
    description=lookup.indicator_description,
    exists=lookup.indicator_exists,
    canonical=lookup.indicator_canonical("/indicators"),
    image=lookup.indicator_preview,
    fallback=fallback.indicator_fallback,
)


dash.clientside_callback(
    ClientsideFunction(namespace="readers", function_name="pushQuery"),
    Output(ids.INDICATOR_QUERY_SYNC, "children"),
    Input(ids.INDICATOR_QUERY, "data"),
    prevent_initial_call=True,
)


def export_buttons(graph_id: str, filename: str, lang: str) -> html.Div:
    """PNG and SVG of a chart, title and credits included (readers.js)."""
    return html.Div(
        [
            html.Button(
                t(f"chart.{kind}", lang),
                type="button",
                className="button button--quiet",
                **attributes(
                    {"data-export": kind, "data-graph": graph_id, "data-filename": filename}
                ),
            )
            for kind in ("png", "svg")
        ],
        className="chart-tools",
    )


def _dims(values: list[str] | None, dim_ids: list[dict[str, str]] | None) -> dict[str, str]:
    return {i["dim"]: v for i, v in zip(dim_ids or [], values or [], strict=False)}


@dash.callback(
    Output(ids.INDICATOR_YEAR, "options"),
    Output(ids.INDICATOR_YEAR, "value"),
    Input(ids.INDICATOR_SCHEME, "value"),
    Input(ids.INDICATOR_PERIOD_TYPE, "value"),
    Input({"type": DIM_TYPE, "dim": ALL}, "value"),
    State({"type": DIM_TYPE, "dim": ALL}, "id"),
    State(ids.INDICATOR_YEAR, "value"),
    State(ids.INDICATOR_STATE, "data"),
    prevent_initial_call=True,
)
def _indicator_on_scheme(scheme, period_type, dim_values, dim_ids, period, state):
    release = current_release()
    available = periods(release, state["slug"], scheme, period_type, _dims(dim_values, dim_ids))
    keep = period if period in available else (available[-1] if available else None)
    return province_view.period_options(available, period_type, state["lang"]), keep


def _query(period_type, scheme, period, dims, mode, places) -> str:
    """The query string of the page's filters (readers.js pushQuery puts it in the address)."""
    query = {"period_type": period_type, "scheme": scheme, "period": period}
    query.update({d: v for d, v in dims.items() if v != "_T"})
    if mode and mode != compare.NONE:
        query["compare"] = mode
        if mode == compare.PLACES and places:
            query["places"] = ",".join(places)
    return "?" + urlencode({k: v for k, v in query.items() if v})


@dash.callback(
    Output(ids.INDICATOR_CHART, "figure"),
    Output(ids.INDICATOR_CHART_SUMMARY, "children"),
    Output(ids.INDICATOR_TREND_TABLE, "children"),
    Output(ids.INDICATOR_CHART_HOLDER, "hidden"),
    Output({"type": DIM_TYPE, "dim": ALL}, "options"),
    Output({"type": DIM_TYPE, "dim": ALL}, "value"),
    Output(ids.INDICATOR_COMPARE_HOLDER, "hidden"),
    Output(ids.INDICATOR_COMPARE, "options"),
    Output(ids.INDICATOR_COMPARE, "value"),
    Output(ids.INDICATOR_COMPARE_PLACES_HOLDER, "hidden"),
    Output(ids.INDICATOR_COMPARE_PLACES, "options"),
    Output(ids.INDICATOR_COMPARE_PLACES, "value"),
    Output(ids.INDICATOR_QUERY, "data", allow_duplicate=True),
    Input(ids.INDICATOR_PERIOD_TYPE, "value"),
    Input({"type": DIM_TYPE, "dim": ALL}, "value"),
    Input(ids.INDICATOR_COMPARE, "value"),
    Input(ids.INDICATOR_COMPARE_PLACES, "value"),
    State({"type": DIM_TYPE, "dim": ALL}, "id"),
    State(ids.INDICATOR_SCHEME, "value"),
    State(ids.INDICATOR_YEAR, "value"),
    State(ids.INDICATOR_STATE, "data"),
    prevent_initial_call=True,
)
def _indicator_on_filters(period_type, dim_values, mode, places, dim_ids, scheme, period, state):
    release = current_release()
    slug, lang = state["slug"], state["lang"]
    indicator = indicator_by_slug(release, slug)
    if indicator is None:
        return (dash.no_update,) * 4 + ([dash.no_update] * len(dim_ids or []),) * 2 + (
            dash.no_update,) * 6  # fmt: skip
    period_type = period_type or default_period_type(release, slug)
    changed = dash.ctx.triggered_id
    keep = changed.get("dim") if isinstance(changed, Mapping) else None
    dimensions = indicator_dimensions(release, slug)
    dims, offered = dimension_choices(
        dimension_combinations(release, slug), dimensions, _dims(dim_values, dim_ids), keep
    )
    # the comparisons and places offered follow the period type and the breakdowns
    offered_modes = compare.modes(release, slug, dims, period_type)
    place_options = compare.place_options(release, slug, lang, period_type, dims)
    places = compare.parse_places(places, [o["value"] for o in place_options])
    asked_mode, mode = mode, (mode if mode in offered_modes else compare.NONE)
    others = compare.extra_series(release, slug, lang, period_type, dims, mode, places)
    parts = indicator_parts.trend_parts(release, indicator, lang, period_type, dims, others)
    order = [i["dim"] for i in dim_ids or []]
    options = [indicator_parts.dim_options(d, offered.get(d, []), lang) for d in order]
    # the address follows a comparison, or its end when the selection no longer offers it (the
    # other filters push it from _indicator_on_selection)
    compared = changed in (ids.INDICATOR_COMPARE, ids.INDICATOR_COMPARE_PLACES)
    query: str | dash.NoUpdate
    if compared or mode != asked_mode:
        query = _query(period_type, scheme, period, dims, mode, places)
    else:
        query = dash.no_update
    return (*parts, options, [dims.get(d, "_T") for d in order],
            offered_modes == [compare.NONE], compare.mode_options(offered_modes, lang), mode,
            mode != compare.PLACES, place_options, places, query)  # fmt: skip


@dash.callback(
    Output(ids.INDICATOR_GRID, "rowData"),
    Output(ids.INDICATOR_ROW_COUNT, "children"),
    Output(ids.INDICATOR_MAP, "figure"),
    Output(ids.INDICATOR_MAP_SUMMARY, "children"),
    Output(ids.INDICATOR_MAP_HOLDER, "hidden"),
    Output(ids.INDICATOR_GEO_NOTE, "children"),
    Output(ids.INDICATOR_GEO_NOTE, "hidden"),
    Output(ids.SHELL_LANG, "href"),
    Output(ids.INDICATOR_QUERY, "data"),
    Input(ids.INDICATOR_SCHEME, "value"),
    Input(ids.INDICATOR_YEAR, "value"),
    State(ids.INDICATOR_PERIOD_TYPE, "value"),
    State({"type": DIM_TYPE, "dim": ALL}, "value"),
    State({"type": DIM_TYPE, "dim": ALL}, "id"),
    State(ids.INDICATOR_COMPARE, "value"),
    State(ids.INDICATOR_COMPARE_PLACES, "value"),
    State(ids.INDICATOR_STATE, "data"),
    prevent_initial_call=True,
)
def _indicator_on_selection(scheme, period, period_type, dim_values, dim_ids, mode, places, state):
    release = current_release()
    lang = state["lang"]
    indicator = indicator_by_slug(release, state["slug"])
    if indicator is None or scheme not in province_view.GEO_SCHEMES:
        return ([], province_view.row_count_text(0, lang), dash.no_update, "", True, "", True,
                dash.no_update, dash.no_update)  # fmt: skip
    dims = _dims(dim_values, dim_ids)
    rows = province_view.grid_rows(release, indicator, period, scheme, lang, dims)
    note = province_view.geo_note(release, indicator, scheme, period, lang, dims)
    # the comparison as the new selection offers it (its own control may not have caught up)
    kind = period_type or default_period_type(release, state["slug"])
    if mode not in compare.modes(release, state["slug"], dims, kind):
        mode = compare.NONE
    search = _query(period_type, scheme, period, dims, mode, places or [])
    other = "vi" if lang == "en" else "en"
    switch = href(f"/indicators/{state['slug']}", other) + search
    return (
        rows,
        province_view.row_count_text(province_view.province_count(rows), lang, scheme),
        province_view.map_figure(release, indicator, rows, scheme, lang),
        province_view.map_summary(rows, period, period_type, lang),
        scheme not in SCHEMES,
        note,
        not note,
        switch,
        search,  # the address follows the filters (readers.js pushQuery)
    )


@dash.callback(
    Output(ids.INDICATOR_DOWNLOAD, "data"),
    Input(ids.INDICATOR_DL_SHOWN, "n_clicks"),
    State(ids.INDICATOR_PERIOD_TYPE, "value"),
    State({"type": DIM_TYPE, "dim": ALL}, "value"),
    State({"type": DIM_TYPE, "dim": ALL}, "id"),
    State(ids.INDICATOR_SCHEME, "value"),
    State(ids.INDICATOR_YEAR, "value"),
    State(ids.INDICATOR_STATE, "data"),
    prevent_initial_call=True,
)
def _indicator_on_download(_shown, period_type, dim_values, dim_ids, scheme, period, state):
    """What you see, as CSV: a selection of the release already in memory (no query). The whole
    indicator is a file of the release, linked above (publish/downloads.py)."""
    release = current_release()
    slug = state["slug"]
    if indicator_by_slug(release, slug) is None:
        return dash.no_update
    shown = downloads.shown_rows(
        release,
        slug,
        period_type=period_type or default_period_type(release, slug),
        dims=_dims(dim_values, dim_ids),
        scheme=scheme,
        period=period,
    )
    return downloads.csv_download(shown, f"{slug}_{release.release_id}_selection.csv")
