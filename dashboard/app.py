"""The Dash app: factory, page shell, and `server` for gunicorn (`dashboard.app:server`).

Nothing here reads data at import time. The shell is a layout function, so every page load
reads the (cached) release: banner and footer follow `publish/current` without a restart.
"""

from __future__ import annotations

from pathlib import Path

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.labels import (
    SAMPLE_BANNER,
    SAMPLE_BANNER_DETAIL,
    SITE_SUBTITLE,
    SITE_TITLE,
    format_date,
)
from dashboard.release import CONFIG_KEY, Release, ReleaseNotFoundError, current_release

PACKAGE_DIR = Path(__file__).resolve().parent

INDEX_STRING = """<!DOCTYPE html>
<html lang="vi">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def create_app(release_dir: Path | None = None) -> dash.Dash:
    """A new site. `release_dir` overrides COP_RELEASE_DIR / COP_DATA_DIR for this app."""
    app = dash.Dash(
        "dashboard",
        use_pages=True,
        pages_folder=str(PACKAGE_DIR / "pages"),
        assets_folder=str(PACKAGE_DIR / "assets"),
        serve_locally=True,
        title="Chỉ số bảo vệ trẻ em trên môi trường mạng",
        update_title=None,
        # Layouts are functions of the request; Dash must not call them to validate at start-up.
        suppress_callback_exceptions=True,
        meta_tags=[
            {"name": "description", "content": SITE_TITLE},
            {"name": "theme-color", "content": "#0b3d6e"},
        ],
    )
    app.index_string = INDEX_STRING
    app.server.config[CONFIG_KEY] = str(release_dir) if release_dir else None
    app.layout = shell
    return app


def shell() -> html.Div:
    """Header, nav, sample banner, the page, footer."""
    try:
        release: Release | None = current_release()
    except ReleaseNotFoundError:
        release = None
    return html.Div(
        [
            html.A("Bỏ qua, đến nội dung chính", href="#main", className="skip-link"),
            _sample_banner(release),
            html.Header(
                html.Div(
                    [
                        dcc.Link(
                            [
                                html.Span(SITE_TITLE, className="site-title"),
                                html.Span(SITE_SUBTITLE, className="site-subtitle", lang="en"),
                            ],
                            href="/",
                            className="site-brand",
                        ),
                        _nav(release),
                    ],
                    className="wrap",
                ),
                className="site-header",
            ),
            html.Main(html.Div(dash.page_container, className="wrap"), id="main"),
            _footer(release),
        ],
        className="site",
    )


def _sample_banner(release: Release | None) -> html.Div | None:
    if release is None or not release.is_sample:
        return html.Div(id=ids.SHELL_BANNER, hidden=True)
    return html.Div(
        [html.Strong(SAMPLE_BANNER), html.Span(SAMPLE_BANNER_DETAIL)],
        id=ids.SHELL_BANNER,
        className="sample-banner",
        role="note",
    )


def _nav(release: Release | None) -> html.Nav:
    links = [dcc.Link("Tổng quan", href="/", className="nav-link")]
    if release is not None:
        links += [
            dcc.Link(
                row.indicator_code,
                href=f"/indicators/{row.slug}",
                className="nav-link",
                title=row.name_vi,
            )
            for row in release.indicators.itertuples()
        ]
    return html.Nav(links, id=ids.SHELL_NAV, className="site-nav", **{"aria-label": "Chỉ số"})


def _footer(release: Release | None) -> html.Footer:
    if release is None:
        about = "Chưa có bản phát hành dữ liệu. No data release has been published yet."
    else:
        about = (
            f"Bản phát hành (release): {release.release_id} · "
            f"Số liệu tính đến (data as of): {format_date(release.data_as_of)}"
        )
    return html.Footer(
        html.Div(
            [
                html.P(about, id=ids.SHELL_FOOTER),
                html.P(
                    "Chương trình Bảo vệ và hỗ trợ trẻ em tương tác lành mạnh, sáng tạo trên "
                    "môi trường mạng giai đoạn 2021–2025 (Quyết định 830/QĐ-TTg); Kế hoạch "
                    "838/QĐ-LĐTBXH. Tổng đài quốc gia bảo vệ trẻ em: 111.",
                    className="footer-note",
                ),
            ],
            className="wrap",
        ),
        className="site-footer",
    )


_app: dash.Dash | None = None


def __getattr__(name: str):
    """`server` (and `app`) are made on first use, so importing this module creates nothing."""
    global _app
    if name in {"server", "app"}:
        if _app is None:
            _app = create_app()
        return _app.server if name == "server" else _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
