"""/indicators/<slug>: one template serves every published indicator."""

from __future__ import annotations

from typing import Any

import dash
import dash_ag_grid as dag
import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import ids
from dashboard.components import notice, status_badge
from dashboard.figures import target_line, trend_figure
from dashboard.labels import (
    MISSING,
    NO_TARGET,
    SCHEME_LABELS,
    SUPPRESSED,
    TARGET_KIND_LABELS,
    format_number,
    format_target,
    format_value,
    is_missing,
    status_label,
)
from dashboard.release import (
    SCHEMES,
    Release,
    ReleaseNotFoundError,
    current_release,
    derived_milestones,
    indicator_by_slug,
    indicator_rows,
    national_series,
    province_table,
    province_years,
    target_for,
)

DEFAULT_SCHEME = "province_2004"


def _title(slug: str | None = None, **_: Any) -> str:
    try:
        indicator = indicator_by_slug(current_release(), slug)
    except (ReleaseNotFoundError, OSError, ValueError):
        indicator = None
    if indicator is None:
        return "Không tìm thấy chỉ số"
    return f"{indicator['indicator_code']} · {indicator['name_vi']}"


dash.register_page(__name__, path_template="/indicators/<slug>", name="Chỉ số", title=_title)


def layout(slug: str | None = None, **_query: Any) -> html.Div:
    try:
        release = current_release()
    except ReleaseNotFoundError:
        return notice("Chưa có dữ liệu", "Chưa có bản phát hành dữ liệu nào.")
    indicator = indicator_by_slug(release, slug)
    if indicator is None:
        return html.Div(
            [
                notice(
                    "Không tìm thấy chỉ số",
                    "Không có chỉ số nào được công bố với địa chỉ này. "
                    "No published indicator has this address.",
                    kind="warning",
                ),
                dcc.Link("← Xem danh sách các chỉ số", href="/", className="back-link"),
            ]
        )
    return html.Div(
        [
            dcc.Store(id=ids.INDICATOR_SLUG, data=indicator["slug"]),
            dcc.Link("← Tất cả chỉ số", href="/", className="back-link"),
            _heading(release, indicator),
            _trend_section(release, indicator),
            _province_section(release, indicator),
        ],
        className="indicator-page",
    )


def _heading(release: Release, indicator: dict[str, Any]) -> html.Section:
    target = target_for(release, indicator)
    series = national_series(release, indicator["slug"])
    latest = series.iloc[-1].to_dict() if not series.empty else {}
    unit_vi = indicator["unit_label_vi"] or indicator["unit"]
    unit_en = indicator["unit_label_en"] or indicator["unit"]
    facts = [
        ("Đơn vị (unit)", unit_vi if unit_vi == unit_en else f"{unit_vi} ({unit_en})"),
        ("Nguồn số liệu", indicator["source"] or MISSING),
        ("Hoạt động Kế hoạch 838", indicator["plan_activity"] or MISSING),
    ]
    if latest:
        facts.insert(0, (f"Toàn quốc {latest['period']}", _display_value(latest, indicator)))
    return html.Section(
        [
            html.Div(
                [
                    html.Span(indicator["indicator_code"], className="code"),
                    status_badge(latest.get("status") if latest else None),
                ],
                className="card-top",
            ),
            html.H1(indicator["name_vi"], className="page-title"),
            html.P(indicator["name_en"], lang="en", className="en subtitle"),
            html.P(indicator["definition_vi"], className="definition"),
            html.P(indicator["definition_en"], lang="en", className="en definition"),
            html.Dl([html.Div([html.Dt(k), html.Dd(v)]) for k, v in facts], className="facts"),
            _target_box(target, indicator),
        ],
        className="indicator-heading",
    )


def _target_box(target: dict[str, Any] | None, indicator: dict[str, Any]) -> html.Aside:
    if target is None:
        return html.Aside(
            [
                html.H2("Mục tiêu"),
                html.P(NO_TARGET, className="target-value"),
                html.P(
                    "Chỉ số này không có mục tiêu định lượng; số liệu được công bố để theo dõi. "
                    "This indicator has no quantified target; it is published for monitoring."
                ),
            ],
            className="target-box target-box--none",
        )
    value = format_target(target["target_value"], indicator["unit_label_vi"], indicator["decimals"])
    kind = str(target.get("kind") or "")
    lines = [
        html.H2(f"Mục tiêu {target['target_year']}"),
        html.P(value, className="target-value"),
        html.P(target.get("text_vi") or ""),
        html.P(target.get("text_en") or "", lang="en", className="en"),
        html.P(TARGET_KIND_LABELS.get(kind, kind), className=f"target-kind target-kind--{kind}"),
    ]
    if target.get("is_aspirational"):
        lines.append(html.P("Mục tiêu phấn đấu (aspirational).", className="target-kind"))
    return html.Aside(lines, className="target-box")


def _trend_section(release: Release, indicator: dict[str, Any]) -> html.Section:
    slug = indicator["slug"]
    series = national_series(release, slug)
    target = target_for(release, indicator)
    line = target_line(target["target_value"], target["target_year"]) if target else None
    derived = derived_milestones(release, indicator["indicator_code"])
    if target is not None:
        derived = derived[derived["target_id"] != target["target_id"]]
    milestones = [
        (int(row.target_year), float(row.target_value))
        for row in derived.itertuples()
        if not is_missing(row.target_value) and not is_missing(row.target_year)
    ]
    figure = trend_figure(
        series,
        unit_label=indicator["unit_label_vi"],
        decimals=int(indicator["decimals"]),
        target=line,
        milestones=milestones,
    )
    return html.Section(
        [
            html.H2("Xu hướng toàn quốc 2021–2025"),
            dcc.Graph(
                id=ids.INDICATOR_CHART,
                figure=figure,
                config={"displaylogo": False, "responsive": True, "displayModeBar": False},
                className="trend-chart",
            ),
            html.Details(
                [
                    html.Summary("Bảng số liệu toàn quốc (national data table)"),
                    _national_table(series, indicator),
                ],
                className="data-details",
            ),
        ],
        className="panel",
    )


def _national_table(series: pd.DataFrame, indicator: dict[str, Any]) -> html.Table:
    rows = [
        html.Tr(
            [
                html.Td(row["period"]),
                html.Td(_display_value(row, indicator), className="num"),
                html.Td(status_label(row.get("status"))),
            ]
        )
        for row in series.to_dict("records")
    ]
    head = html.Thead(html.Tr([html.Th("Năm"), html.Th("Giá trị"), html.Th("Trạng thái")]))
    return html.Table([head, html.Tbody(rows)], className="simple-table")


def _province_section(release: Release, indicator: dict[str, Any]) -> html.Section:
    slug = indicator["slug"]
    schemes = [s for s in SCHEMES if province_years(release, slug, s)] or [DEFAULT_SCHEME]
    scheme = DEFAULT_SCHEME if DEFAULT_SCHEME in schemes else schemes[0]
    years = province_years(release, slug, scheme)
    year = years[-1] if years else None
    rows = grid_rows(release, indicator, year, scheme)
    return html.Section(
        [
            html.H2("Theo tỉnh, thành phố"),
            html.Div(
                [
                    html.Fieldset(
                        [
                            html.Legend("Danh mục tỉnh (province list)"),
                            dcc.RadioItems(
                                id=ids.INDICATOR_SCHEME,
                                options=[{"label": SCHEME_LABELS[s], "value": s} for s in schemes],
                                value=scheme,
                                className="choice",
                            ),
                        ]
                    ),
                    html.Fieldset(
                        [
                            html.Legend("Năm (year)"),
                            dcc.RadioItems(
                                id=ids.INDICATOR_YEAR,
                                options=_year_options(years),
                                value=year,
                                className="choice choice--inline",
                            ),
                        ]
                    ),
                ],
                className="controls",
            ),
            html.P(
                _row_count_text(len(rows)),
                id=ids.INDICATOR_ROW_COUNT,
                className="row-count",
                **{"aria-live": "polite"},
            ),
            dag.AgGrid(
                id=ids.INDICATOR_GRID,
                rowData=rows,
                columnDefs=_column_defs(indicator, release),
                defaultColDef={"sortable": True, "resizable": True, "minWidth": 90},
                columnSize="responsiveSizeToFit",
                getRowId="params.data.geo_code",
                dashGridOptions={
                    "localeText": {"noRowsToShow": "Không có số liệu"},
                    "suppressCellFocus": True,
                },
                style={"height": "480px"},
                className="province-grid",
            ),
            html.P(
                f"{SUPPRESSED}: số liệu nhỏ hơn 5 được ẩn để bảo vệ danh tính trẻ em "
                "(small counts are suppressed to protect children).",
                className="note",
            ),
            html.Div(
                [
                    html.Button(
                        "Tải dữ liệu chỉ số (CSV)",
                        id=ids.INDICATOR_DOWNLOAD_BUTTON,
                        className="button",
                        type="button",
                    ),
                    dcc.Download(id=ids.INDICATOR_DOWNLOAD),
                ],
                className="downloads",
            ),
        ],
        className="panel",
    )


def _year_options(years: list[str]) -> list[dict[str, str]]:
    return [{"label": y, "value": y} for y in years]


def _row_count_text(count: int) -> str:
    return f"{format_number(count)} tỉnh, thành phố"


def _display_value(row: dict[str, Any], indicator: dict[str, Any]) -> str:
    if row.get("obs_status") == "suppressed":
        return SUPPRESSED
    return format_value(row.get("value"), indicator["unit_label_vi"], int(indicator["decimals"]))


def _count_text(row: dict[str, Any], count: object) -> str:
    return SUPPRESSED if row.get("obs_status") == "suppressed" else format_number(count)


def _column_defs(indicator: dict[str, Any], release: Release) -> list[dict[str, Any]]:
    has_ratio = indicator_rows(release, indicator["slug"])["denominator"].notna().any()
    columns: list[dict[str, Any]] = [
        {"field": "geo_code", "headerName": "Mã", "maxWidth": 90, "minWidth": 70},
        {"field": "geo_name", "headerName": "Tỉnh, thành phố", "minWidth": 150},
        {
            "field": "value",
            "headerName": f"Giá trị ({indicator['unit_label_vi']})",
            "type": "rightAligned",
            "valueFormatter": {"function": "params.data.value_display"},
        },
    ]
    if has_ratio:
        columns += [
            {
                "field": "numerator",
                "headerName": "Tử số",
                "type": "rightAligned",
                "valueFormatter": {"function": "params.data.numerator_display"},
            },
            {
                "field": "denominator",
                "headerName": "Mẫu số",
                "type": "rightAligned",
                "valueFormatter": {"function": "params.data.denominator_display"},
            },
        ]
    columns.append({"field": "status_label", "headerName": "Trạng thái", "minWidth": 120})
    return columns


def grid_rows(
    release: Release, indicator: dict[str, Any], year: str | None, scheme: str
) -> list[dict[str, Any]]:
    """Province grid rows: numbers stay numbers (for sorting), `*_display` says how to show them."""
    if year is None:
        return []
    table = province_table(release, indicator["slug"], year, scheme)
    rows = []
    for row in table.to_dict("records"):
        rows.append(
            {
                "geo_code": row["geo_code"],
                "geo_name": row["geo_name"],
                "value": None if is_missing(row["value"]) else float(row["value"]),
                "numerator": None if is_missing(row["numerator"]) else float(row["numerator"]),
                "denominator": None
                if is_missing(row["denominator"])
                else float(row["denominator"]),
                "value_display": _display_value(row, indicator),
                "numerator_display": _count_text(row, row["numerator"]),
                "denominator_display": _count_text(row, row["denominator"]),
                "status_label": status_label(row.get("status")),
                "obs_status": row["obs_status"],
            }
        )
    return rows


@dash.callback(
    Output(ids.INDICATOR_YEAR, "options"),
    Output(ids.INDICATOR_YEAR, "value"),
    Input(ids.INDICATOR_SCHEME, "value"),
    State(ids.INDICATOR_YEAR, "value"),
    State(ids.INDICATOR_SLUG, "data"),
    prevent_initial_call=True,
)
def _on_scheme(scheme: str, year: str | None, slug: str):
    years = province_years(current_release(), slug, scheme)
    keep = year if year in years else (years[-1] if years else None)
    return _year_options(years), keep


@dash.callback(
    Output(ids.INDICATOR_GRID, "rowData"),
    Output(ids.INDICATOR_ROW_COUNT, "children"),
    Input(ids.INDICATOR_SCHEME, "value"),
    Input(ids.INDICATOR_YEAR, "value"),
    State(ids.INDICATOR_SLUG, "data"),
    prevent_initial_call=True,
)
def _on_selection(scheme: str, year: str | None, slug: str):
    release = current_release()
    indicator = indicator_by_slug(release, slug)
    if indicator is None or scheme not in SCHEMES:
        return [], _row_count_text(0)
    rows = grid_rows(release, indicator, year, scheme)
    return rows, _row_count_text(len(rows))


@dash.callback(
    Output(ids.INDICATOR_DOWNLOAD, "data"),
    Input(ids.INDICATOR_DOWNLOAD_BUTTON, "n_clicks"),
    State(ids.INDICATOR_SLUG, "data"),
    prevent_initial_call=True,
)
def _on_download(_clicks: int | None, slug: str):
    release = current_release()
    if indicator_by_slug(release, slug) is None:
        return dash.no_update
    rows = indicator_rows(release, slug)
    filename = f"{slug}_{release.release_id}.csv"
    # A byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.
    return dcc.send_string("\ufeff" + rows.to_csv(index=False), filename)
