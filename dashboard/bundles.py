"""The JavaScript a first visit needs, and no more.

- **Plotly**: the site draws only scatter traces (lines and markers, dashboard/figures.py), so it
  loads plotly.js's *basic* partial bundle (scatter, bar, pie), vendored in
  `assets/vendor/` (see its README), instead of the full plotly.js Dash would fetch (4.8 MB,
  1.4 MB compressed). dcc.Graph draws with `window.Plotly` when it is already defined and only
  otherwise fetches its own bundle; the vendored file, an asset script, defines it before
  Dash renders anything, so the full bundle is never requested.
- **AG Grid**: Dash puts every imported component library's main script on every page;
  dash-ag-grid's is 1.3 MB (350 kB compressed) although only the province page shows a grid.
  Its main script is marked lazy here, and `assets/ag-grid-lazy.js` stands in for the
  `dash_ag_grid` namespace: the first grid to render loads the real script (its address is
  in the `cop-ag-grid-src` meta tag), then draws the real grid with the same props. AG Grid's
  own community chunk was already loaded on demand by that script.
- **Cache lifetimes**: Dash's component scripts carry a version in their name and are cached
  for a year by Dash; the site's `/assets/` files carry their modification time (`?m=`) and
  are given the same lifetime here.
"""

from __future__ import annotations

import os

import dash
import dash_ag_grid
import flask
from dash.fingerprint import build_fingerprint

PLOTLY_ASSET = "vendor/plotly-basic-4.1.1.min.js"
AG_GRID_SCRIPT = "dash_ag_grid.min.js"
AG_GRID_META = "cop-ag-grid-src"
YEAR = 31_536_000


def lazy_ag_grid() -> None:
    """Mark dash-ag-grid's main script lazy: served on request, not written into every page."""
    for resource in dash_ag_grid._js_dist:  # noqa: SLF001  (the package's resource list)
        if resource.get("relative_package_path") == AG_GRID_SCRIPT:
            resource.pop("dynamic", None)
            resource["async"] = "lazy"


def ag_grid_src(prefix: str = "/") -> str:
    """The fingerprinted address Dash serves dash-ag-grid's main script at."""
    path = os.path.join(os.path.dirname(dash_ag_grid.__file__), AG_GRID_SCRIPT)
    stamp = int(os.stat(path).st_mtime)
    name = build_fingerprint(AG_GRID_SCRIPT, dash_ag_grid.__version__, stamp)
    return f"{prefix}_dash-component-suites/dash_ag_grid/{name}"


def meta_tags() -> list[dict[str, str]]:
    return [{"name": AG_GRID_META, "content": ag_grid_src()}]


def register_bundles(app: dash.Dash) -> None:
    """Long cache lifetimes for the site's versioned assets."""
    lazy_ag_grid()

    @app.server.after_request
    def _asset_lifetime(response: flask.Response) -> flask.Response:
        request = flask.request
        versioned = request.path.startswith("/assets/") and "m" in request.args
        if versioned and response.status_code == 200:
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
        return response
