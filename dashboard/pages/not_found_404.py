"""Any address no page serves."""

from __future__ import annotations

from typing import Any

import dash
from dash import dcc, html

from dashboard.components import notice

dash.register_page(__name__, title="Không tìm thấy trang")


def layout(**_query: Any) -> html.Div:
    return html.Div(
        [
            notice(
                "Không tìm thấy trang",
                "Địa chỉ này không có trên trang web. This page does not exist.",
                kind="warning",
            ),
            dcc.Link("← Về trang chủ", href="/", className="back-link"),
        ]
    )
