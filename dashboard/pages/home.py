"""Home: every published indicator with its latest national value, target and status."""

from __future__ import annotations

from typing import Any

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.components import notice, status_badge
from dashboard.labels import NO_DATA, NO_TARGET, SUPPRESSED, format_target, format_value
from dashboard.release import (
    Release,
    ReleaseNotFoundError,
    current_release,
    latest_national,
    target_for,
)

dash.register_page(
    __name__,
    path="/",
    name="Tổng quan",
    title="Chỉ số bảo vệ trẻ em trên môi trường mạng 2021–2025",
    description="Các chỉ số của Chương trình bảo vệ trẻ em trên môi trường mạng 2021–2025.",
)


def layout(**_query: Any) -> html.Div:
    try:
        release = current_release()
    except ReleaseNotFoundError:
        return notice(
            "Chưa có dữ liệu",
            "Chưa có bản phát hành dữ liệu nào. No data release has been published yet.",
        )
    latest = latest_national(release)
    return html.Div(
        [
            html.H1("Các chỉ số của Chương trình", className="page-title"),
            html.P(
                [
                    "Giá trị toàn quốc mới nhất của từng chỉ số, so với mục tiêu đến năm 2025. ",
                    html.Span(
                        "Latest national value of each indicator, against the 2025 target.",
                        lang="en",
                        className="en",
                    ),
                ],
                className="lede",
            ),
            html.Ul(
                [_card(release, row) for row in latest.to_dict("records")],
                id=ids.HOME_LIST,
                className="indicator-list",
            ),
        ]
    )


def _card(release: Release, row: dict[str, Any]) -> html.Li:
    unit_label = row.get("unit_label_vi", "")
    decimals = int(row.get("decimals") or 0)
    if row.get("obs_status") == "suppressed":
        value = SUPPRESSED
    elif isinstance(row.get("period"), str):
        value = format_value(row.get("value"), unit_label, decimals)
    else:
        value = NO_DATA
    period = row["period"] if isinstance(row.get("period"), str) else ""
    target = target_for(release, row)
    if target is None:
        target_text = NO_TARGET
    else:
        target_text = (
            f"{format_target(target['target_value'], unit_label, decimals)} "
            f"vào năm {target['target_year']}"
        )
    href = f"/indicators/{row['slug']}"
    return html.Li(
        [
            html.Div(
                [
                    html.Span(row["indicator_code"], className="code"),
                    status_badge(row.get("status")),
                ],
                className="card-top",
            ),
            html.H2(
                dcc.Link(
                    [
                        html.Span(row["name_vi"], className="name-vi"),
                        html.Span(row["name_en"], className="name-en", lang="en"),
                    ],
                    href=href,
                ),
                className="card-title",
            ),
            html.Dl(
                [
                    html.Div(
                        [
                            html.Dt(f"Toàn quốc {period}".strip()),
                            html.Dd(value, className="indicator-value"),
                        ]
                    ),
                    html.Div(
                        [html.Dt("Mục tiêu"), html.Dd(target_text, className="indicator-target")]
                    ),
                ],
                className="card-figures",
            ),
            dcc.Link(f"Xem chi tiết {row['indicator_code']} →", href=href, className="card-more"),
        ],
        className="indicator-card",
        **{"data-code": row["indicator_code"]},
    )
