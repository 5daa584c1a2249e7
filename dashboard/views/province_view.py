"""The geography view of an indicator: national, the 6 regions or either province list, a
period, a tile-grid map (provinces only) and a sortable table (AG Grid) of the same selection.

When most province cells of a selection are suppressed, the view says so in words and, unless
the address asked for a scheme, leads with the regions, which carry those counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import ids
from dashboard.components import attributes, radio_group
from dashboard.formatting import format_number, format_period, is_missing
from dashboard.i18n import href, scheme_label, status_label, t
from dashboard.queries import NATIONAL, REGION, SCHEMES, geo_table, periods, target_for
from dashboard.release import Release
from dashboard.tile_map import tile_map_figure
from dashboard.views.values import display_count, display_value, unit_label

DEFAULT_SCHEME = "province_2004"
GEO_SCHEMES = (NATIONAL, REGION, *SCHEMES)
MOSTLY_HIDDEN = 0.5  # more than half of the province cells suppressed


def schemes_with_rows(
    release: Release,
    slug: str,
    period_type: str | None = None,
    dims: Mapping[str, str] | None = None,
) -> list[str]:
    found = [s for s in GEO_SCHEMES if periods(release, slug, s, period_type, dims)]
    return found or [DEFAULT_SCHEME]


def hidden_count(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """(suppressed, all) province rows of a selection, the unknown-province row left out."""
    places = [r for r in rows if r["geo_code"] != UNKNOWN_GEO]
    return sum(r["obs_status"] == "suppressed" for r in places), len(places)


def mostly_hidden(rows: list[dict[str, Any]]) -> bool:
    hidden, total = hidden_count(rows)
    return total > 0 and hidden / total > MOSTLY_HIDDEN


def choose_scheme(
    release: Release,
    indicator: Mapping[str, Any],
    period_type: str,
    dims: Mapping[str, str],
    asked: str | None,
    lang: str,
) -> tuple[str, list[str]]:
    """(scheme to show, schemes offered): the one asked for if offered; else the default
    province list, or the regions when most of its cells are suppressed."""
    schemes = schemes_with_rows(release, indicator["slug"], period_type, dims)
    if asked in schemes:
        return str(asked), schemes
    scheme = DEFAULT_SCHEME if DEFAULT_SCHEME in schemes else schemes[-1]
    if REGION in schemes and scheme in SCHEMES:
        available = periods(release, indicator["slug"], scheme, period_type, dims)
        period = available[-1] if available else None
        if mostly_hidden(grid_rows(release, indicator, period, scheme, lang, dims)):
            scheme = REGION
    return scheme, schemes


def geo_note(
    release: Release,
    indicator: Mapping[str, Any],
    scheme: str,
    period: str | None,
    lang: str,
    dims: Mapping[str, str] | None = None,
) -> str:
    """A sentence when most province cells of this selection are suppressed, else ''."""
    province, rows = scheme, grid_rows(release, indicator, period, scheme, lang, dims)
    if scheme not in SCHEMES:  # the province list with rows for this period, else the latest
        for province in (DEFAULT_SCHEME, *SCHEMES):
            available = [p for p in periods(release, indicator["slug"], province, None, dims)
                         if period is None or p <= period]  # fmt: skip
            rows = grid_rows(release, indicator, available[-1] if available else None,
                             province, lang, dims)  # fmt: skip
            if rows:
                break
    if not mostly_hidden(rows):
        return ""
    hidden, total = hidden_count(rows)
    key = "ind.geo_hidden_regions" if scheme not in SCHEMES else "ind.geo_hidden_choose"
    numbers = {"hidden": format_number(hidden, 0, lang), "n": format_number(total, 0, lang)}
    return t(key, lang, scheme=scheme_label(province, lang), **numbers)


def map_target(release: Release, indicator: Mapping[str, Any]) -> float | None:
    """The value the map's colour scale is anchored on: the indicator's target, if any."""
    target = target_for(release, indicator)
    value = None if target is None else target.get("target_value")
    return None if is_missing(value) else float(value)  # type: ignore[arg-type]


def map_figure(release: Release, indicator: Mapping[str, Any], rows, scheme: str, lang: str):
    links = {r["geo_code"]: href(f"/provinces/{scheme}/{r['geo_code']}", lang) for r in rows}
    return tile_map_figure(
        rows,
        scheme,
        lang=lang,
        unit_label=unit_label(indicator, lang),
        target=map_target(release, indicator),
        links=links,
    )


def period_options(values: list[str], period_type: str | None, lang: str) -> list[dict[str, str]]:
    return [{"label": format_period(v, period_type, lang), "value": v} for v in values]


def section(
    release: Release,
    indicator: dict[str, Any],
    lang: str,
    period_type: str,
    dims: Mapping[str, str],
    scheme: str | None = None,
    period: str | None = None,
) -> html.Section:
    slug = indicator["slug"]
    scheme, schemes = choose_scheme(release, indicator, period_type, dims, scheme, lang)
    available = periods(release, slug, scheme, period_type, dims)
    if period not in available:
        period = available[-1] if available else None
    rows = grid_rows(release, indicator, period, scheme, lang, dims)
    note = geo_note(release, indicator, scheme, period, lang, dims)
    return html.Section(
        [
            html.H2(t("ind.provinces", lang)),
            html.P(
                note,
                id=ids.INDICATOR_GEO_NOTE,
                className="notice notice--info geo-note",
                hidden=not note,
                role="status",
            ),
            html.Div(
                [
                    radio_group(
                        t("ind.scheme", lang),
                        ids.INDICATOR_SCHEME,
                        [{"label": scheme_label(s, lang), "value": s} for s in schemes],
                        scheme,
                        inline=False,
                    ),
                    period_picker(
                        release, slug, period_options(available, period_type, lang), period, lang
                    ),
                ],
                className="controls",
            ),
            html.P(
                row_count_text(province_count(rows), lang, scheme),
                id=ids.INDICATOR_ROW_COUNT,
                className="row-count",
                **attributes({"aria-live": "polite"}),
            ),
            html.Div(
                [
                    html.Figure(
                        [
                            dcc.Graph(
                                id=ids.INDICATOR_MAP,
                                figure=map_figure(release, indicator, rows, scheme, lang),
                                config={"displayModeBar": False, "responsive": True},
                                className="tile-map",
                            ),
                            html.Figcaption(
                                [
                                    html.Strong(t("ind.map", lang) + ". "),
                                    html.Span(
                                        map_summary(rows, period, period_type, lang),
                                        id=ids.INDICATOR_MAP_SUMMARY,
                                    ),
                                    " " + t("ind.map_note", lang),
                                ]
                            ),
                        ],
                        className="map-figure",
                        id=ids.INDICATOR_MAP_HOLDER,
                        hidden=scheme not in SCHEMES,  # tiles are provinces
                    ),
                    html.Div(
                        dag.AgGrid(
                            id=ids.INDICATOR_GRID,
                            rowData=rows,
                            columnDefs=column_defs(indicator, release, lang),
                            defaultColDef={"sortable": True, "resizable": True, "minWidth": 90},
                            columnSize="responsiveSizeToFit",
                            getRowId="params.data.geo_code",
                            dashGridOptions={
                                "localeText": {"noRowsToShow": t("ind.no_rows", lang)},
                                "suppressCellFocus": False,
                                "ensureDomOrder": True,
                            },
                            style={"height": "620px"},
                            className="province-grid ag-theme-alpine",
                        ),
                        className="grid-holder",
                    ),
                ],
                className="province-layout",
            ),
            html.P(t("suppressed.note", lang), className="note"),
        ],
        className="panel",
    )


def period_picker(
    release: Release, slug: str, options: list[dict[str, str]], period: str | None, lang: str
) -> Any:
    """Radio buttons for a few years; a select where quarters or months are offered (20 or 60
    radio buttons are a wall on a phone)."""
    values = release.values
    sub_year = values["period_type"].isin(("quarter", "month"))
    if not bool(((values["slug"] == slug) & sub_year).any()):
        return radio_group(t("ind.view_period", lang), ids.INDICATOR_YEAR, options, period)
    return html.Div(
        [
            html.Label(t("ind.view_period", lang), htmlFor=ids.INDICATOR_YEAR),
            dcc.Dropdown(
                id=ids.INDICATOR_YEAR,
                options=options,
                value=period,
                clearable=False,
                searchable=False,
                className="period-select",
            ),
        ],
        className="period-picker",
    )


def row_count_text(count: int, lang: str, scheme: str = DEFAULT_SCHEME) -> str:
    key = "ind.rows_region" if scheme == REGION else "ind.rows"
    return t(key, lang, n=format_number(count, 0, lang))


def column_defs(indicator: dict[str, Any], release: Release, lang: str) -> list[dict[str, Any]]:
    rows = release.values[release.values["slug"] == indicator["slug"]]
    has_ratio = rows["denominator"].notna().any()
    unit = unit_label(indicator, lang)
    columns: list[dict[str, Any]] = [
        {"field": "geo_code", "headerName": t("code", lang), "maxWidth": 90, "minWidth": 70},
        {
            "field": "geo_link",
            "headerName": t("province", lang),
            "minWidth": 150,
            "cellRenderer": "markdown",
            "comparator": {"function": "(a, b) => a.localeCompare(b, 'vi')"},
        },
        {
            "field": "value",
            "headerName": f"{t('value', lang)} ({unit})" if unit else t("value", lang),
            "type": "rightAligned",
            "valueFormatter": {"function": "params.data.value_display"},
        },
    ]
    if has_ratio:
        for field in ("numerator", "denominator"):
            columns.append(
                {
                    "field": field,
                    "headerName": t(field, lang),
                    "type": "rightAligned",
                    "valueFormatter": {"function": f"params.data.{field}_display"},
                }
            )
    columns.append({"field": "status_label", "headerName": t("status", lang), "minWidth": 120})
    return columns


def _num(value: object) -> float | None:
    return None if is_missing(value) else float(value)  # type: ignore[arg-type]


def grid_rows(
    release: Release,
    indicator: Mapping[str, Any],
    period: str | None,
    scheme: str,
    lang: str = "vi",
    dims: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Province rows: numbers stay numbers (for sorting), `*_display` says how to show them."""
    if period is None:
        return []
    table = geo_table(release, indicator["slug"], period, scheme, dims)
    rows = []
    for row in table.to_dict("records"):
        name = str(row["geo_name"])
        label = name.replace("[", "(").replace("]", ")")
        if scheme in SCHEMES and row["geo_code"] != UNKNOWN_GEO:
            link = href(f"/provinces/{scheme}/{row['geo_code']}", lang)
            label = f"[{label}]({link})"
        rows.append(
            {
                "geo_code": row["geo_code"],
                "geo_name": name,
                "geo_link": label,
                "value": _num(row["value"]),
                "numerator": _num(row["numerator"]),
                "denominator": _num(row["denominator"]),
                "value_display": display_value(row, indicator, lang),
                "numerator_display": display_count(row, row["numerator"], lang),
                "denominator_display": display_count(row, row["denominator"], lang),
                "status_label": status_label(row.get("status"), lang),
                "obs_status": row["obs_status"],
            }
        )
    return rows


UNKNOWN_GEO = "_U"  # events whose province was not recorded: a table row, not a province


def province_count(rows: list[dict[str, Any]]) -> int:
    return sum(1 for r in rows if r["geo_code"] != UNKNOWN_GEO)


def map_summary(
    rows: list[dict[str, Any]], period: str | None, period_type: str | None, lang: str
) -> str:
    rows = [r for r in rows if r["geo_code"] != UNKNOWN_GEO]
    shown = [r for r in rows if r["value"] is not None]
    if not shown or period is None:
        return t("ind.no_rows", lang) + "."
    top = max(shown, key=lambda r: r["value"])
    bottom = min(shown, key=lambda r: r["value"])
    return t(
        "ind.map_summary",
        lang,
        n=len(rows),
        period=format_period(period, period_type, lang),
        top=top["geo_name"],
        top_value=top["value_display"],
        bottom=bottom["geo_name"],
        bottom_value=bottom["value_display"],
        hidden=len(rows) - len(shown),
    )
