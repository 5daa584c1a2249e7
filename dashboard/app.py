"""The Dash app: factory and `server` for gunicorn (`dashboard.app:server`).

Nothing here reads data at import time. Each page builds its own frame (frame.py) from the
release it is rendered for, so banner and footer follow `publish/current` without a restart; the
rendered answers are cached per release id (callback_cache.py) and every text response is
compressed (compression.py).
Vietnamese pages live at their address, English ones under /en (routing.py).
"""

from __future__ import annotations

import threading
from pathlib import Path

import dash
from dash import ClientsideFunction, Input, Output, State, html

from dashboard import ids, page_head
from dashboard.auth import register_auth
from dashboard.bundles import meta_tags, register_bundles
from dashboard.callback_cache import register_callback_cache
from dashboard.compression import register_compression
from dashboard.edges import register_edges
from dashboard.headers import register_headers
from dashboard.i18n import t
from dashboard.release import CONFIG_KEY
from dashboard.report_routes import register_report_routes
from dashboard.routing import PATH_ARG
from dashboard.server_routes import register_routes

PACKAGE_DIR = Path(__file__).resolve().parent
PAGES_LOCATION = "_pages_location"  # dash's own dcc.Location of the page router

INDEX_STRING = """<!DOCTYPE html>
<html lang="{lang}">
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


class SiteDash(dash.Dash):
    """Dash whose index page has the language, title and meta tags of the address it serves
    (page_head.py)."""

    def interpolate_index(self, **kwargs):  # type: ignore[override]
        page = super().interpolate_index(**kwargs)
        return page_head.interpolate(page, kwargs.get("metas", ""), kwargs.get("title", ""))


def create_app(release_dir: Path | None = None) -> dash.Dash:
    """A new site. `release_dir` overrides COP_RELEASE_DIR / COP_DATA_DIR for this app."""
    app = SiteDash(
        "dashboard",
        use_pages=True,
        pages_folder=str(PACKAGE_DIR / "pages"),
        assets_folder=str(PACKAGE_DIR / "assets"),
        serve_locally=True,
        title=t("site.name", "vi"),
        update_title="",  # the title does not change while callbacks run
        include_pages_meta=False,  # page_head.py writes them, in the address's language
        # Layouts are functions of the request; Dash must not call them to validate at start-up.
        suppress_callback_exceptions=True,
        routing_callback_inputs={PATH_ARG: State(PAGES_LOCATION, "pathname")},
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "theme-color", "content": "#0b3d6e"},
            *meta_tags(),
        ],
    )
    app.index_string = INDEX_STRING
    app.server.config[CONFIG_KEY] = str(release_dir) if release_dir else None
    app.layout = html.Div([dash.page_container, html.Div(id=ids.SHELL_LANG_SYNC, hidden=True)])
    app.clientside_callback(
        ClientsideFunction(namespace="site", function_name="syncLang"),
        Output(ids.SHELL_LANG_SYNC, "children"),
        Input(PAGES_LOCATION, "pathname"),
    )
    _serialise_setup(app)
    register_routes(app.server)
    register_auth(app.server)
    register_report_routes(app.server)
    register_edges(app)  # after _serialise_setup: its checks run before anything else
    register_callback_cache(app.server)  # after register_edges: a hit skips the callback
    register_headers(app)
    register_compression(app.server)
    register_bundles(app)  # a partial Plotly bundle, AG Grid on demand, long-lived assets
    return app


def _serialise_setup(app: dash.Dash) -> None:
    """Dash sets itself up on a worker's first request (registering the script paths it will
    serve) but marks that done before doing it: with gunicorn threads, the parallel script
    requests of a worker whose first request is not a page (`make run` has 2 workers) can be
    refused as "not a registered library" (HTTP 500). Run Dash's set-up under a lock first."""
    lock = threading.Lock()
    done = False

    def setup_once() -> None:
        nonlocal done
        if done:
            return
        with lock:
            if not done:
                app._setup_server()  # noqa: SLF001  (idempotent; Dash calls it again after us)
                done = True

    app.server.before_request_funcs.setdefault(None, []).insert(0, setup_once)


_app: dash.Dash | None = None


def __getattr__(name: str):
    """`server` (and `app`) are made on first use, so importing this module creates nothing."""
    global _app
    if name in {"server", "app"}:
        if _app is None:
            _app = create_app()
        return _app.server if name == "server" else _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
