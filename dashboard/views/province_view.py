"""The province view of an indicator: scheme and period choice, a tile-grid map and a
sortable table (AG Grid), both for the same selection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import ids
from dashboard.components import radio_group
from dashboard.figures import tile_map_figure
from dashboard.i18n import (
    format_number,
    format_period,
    href,
    is_missing,
    scheme_label,
    status_label,
    t,
)
from dashboard.release import SCHEMES, Release, geo_table, periods
from dashboard.views.values import display_count, display_value, unit_label

DEFAULT_SCHEME = "province_2004"


def schemes_with_rows(release: Release, slug: str, period_type: str | None = None) -> list[str]:
    return [s for s in SCHEMES if periods(release, slug, s, period_type)] or [DEFAULT_SCHEME]


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
    schemes = schemes_with_rows(release, slug, period_type)
    if scheme not in schemes:
        scheme = DEFAULT_SCHEME if DEFAULT_SCHEME in schemes else schemes[0]
    available = periods(release, slug, scheme, period_type, dims)
    if period not in available:
        period = available[-1] if available else None
    rows = grid_rows(release, indicator, period, scheme, lang, dims)
    return html.Section(
        [
            html.H2(t("ind.provinces", lang)),
            html.Div(
                [
                    radio_group(
                        t("ind.scheme", lang),
                        ids.INDICATOR_SCHEME,
                        [{"label": scheme_label(s, lang), "value": s} for s in schemes],
                        scheme,
                        inline=False,
                    ),
                    radio_group(
                        t("ind.view_period", lang),
                        ids.INDICATOR_YEAR,
                        period_options(available, period_type, lang),
                        period,
                    ),
                ],
                className="controls",
            ),
            html.P(
                row_count_text(province_count(rows), lang),
                id=ids.INDICATOR_ROW_COUNT,
                className="row-count",
                **{"aria-live": "polite"},
            ),
            html.Div(
                [
                    html.Figure(
                        [
                            dcc.Graph(
                                id=ids.INDICATOR_MAP,
                                figure=tile_map_figure(
                                    rows, scheme, lang=lang, unit_label=unit_label(indicator, lang)
                                ),
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


def row_count_text(count: int, lang: str) -> str:
    return t("ind.rows", lang, n=format_number(count, 0, lang))


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
    indicator: dict[str, Any],
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
        link = href(f"/provinces/{scheme}/{row['geo_code']}", lang)
        rows.append(
            {
                "geo_code": row["geo_code"],
                "geo_name": name,
                "geo_link": f"[{name.replace('[', '(').replace(']', ')')}]({link})",
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
