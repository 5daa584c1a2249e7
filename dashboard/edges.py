"""The site's edges: what a request may be, and the status it gets when it is not.

- A body over `MAX_BODY_BYTES` is refused with 413 before it is read (a larger Content-Length
  at once; a chunked body as soon as the reading passes the limit).
- A query string repeating a parameter (`/search?q=a&q=b`) is refused with 400.
- A callback request (`/_dash-update-component`) whose body is not the shape Dash's renderer
  sends is refused with 400; so is one whose callback raises on the values it was sent: the
  log gets one line (the exception's class and message), not a traceback.
- A file Dash does not serve under `/_dash-component-suites/` is 404, as is an address no page
  serves or whose page says it names nothing, such as an unknown indicator (the page still
  renders its friendly "not found" text); an address with a canonical form elsewhere (an
  indicator's code) is redirected there (308).
- The download callbacks of the indicator page run under `limits.DOWNLOADS` (a cap and a time
  limit per worker).
- `COP_PROXY_HOPS=n`: the site is behind n reverse proxies; the client address and scheme are
  read from their X-Forwarded-For / X-Forwarded-Proto (the login limits count per client).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

import dash
import flask
from dash.exceptions import DependencyException
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard import ids
from dashboard.limits import Gate, run_limited
from dashboard.routing import canonical_path, find_page

MAX_BODY_BYTES = 1024 * 1024
CALLBACK_PATH = "/_dash-update-component"
INDEX_ENDPOINT = "/<path:path>"
ENV_PROXY_HOPS = "COP_PROXY_HOPS"
# The indicator page's CSV/XLSX downloads: 2 at a time per worker, 30 s each at most.
DOWNLOADS = Gate("download", slots=2, timeout=30.0)
_EXPENSIVE_OUTPUTS = (f"{ids.INDICATOR_DOWNLOAD}.data",)

log = logging.getLogger(__name__)


def plain(status: int, text: str) -> flask.Response:
    return flask.Response(text + "\n", status=status, mimetype="text/plain; charset=utf-8")


def callback_body_ok(body: Any) -> bool:
    """True for the shape of a request Dash's renderer sends to `/_dash-update-component`."""
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return False
    if not isinstance(body.get("outputs"), dict | list):
        return False
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict | list) for i in items):
            return False
    return isinstance(body.get("changedPropIds", []), list)


def is_known_page(path: str) -> bool:
    return find_page(path)[0] is not None


def register_edges(app: dash.Dash) -> None:
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    if hops := int(os.environ.get(ENV_PROXY_HOPS) or 0):
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=hops, x_proto=hops)

    def check_request() -> flask.Response | None:
        request = flask.request
        if (request.content_length or 0) > MAX_BODY_BYTES:
            return plain(413, f"Request body over {MAX_BODY_BYTES} bytes.")
        if any(len(values) > 1 for values in request.args.listvalues()):
            return plain(400, "A query parameter is repeated.")
        callback = request.path == CALLBACK_PATH and request.method == "POST"
        if callback and not callback_body_ok(request.get_json(silent=True)):
            return plain(400, "Malformed callback request.")
        return None

    # First, before Dash sets itself up or anything else reads the body.
    server.before_request_funcs.setdefault(None, []).insert(0, check_request)
    _wrap(server, CALLBACK_PATH, _limit_downloads)
    _wrap(server, INDEX_ENDPOINT, _status_of_page)

    @server.errorhandler(Exception)
    def _on_error(error: Exception):
        if isinstance(error, HTTPException):
            return error
        if isinstance(error, DependencyException):
            return plain(404, "Not found.")
        if flask.request.path == CALLBACK_PATH:
            log.warning(
                "callback refused (client %s): %s: %s",
                flask.request.remote_addr,
                type(error).__name__,
                str(error)[:200],
            )
            return plain(400, "The callback could not use the values it was sent.")
        server.log_exception((type(error), error, error.__traceback__))
        return plain(500, "Internal error.")


def _wrap(server: flask.Flask, endpoint: str, wrapper: Callable) -> None:
    view = server.view_functions[endpoint]
    server.view_functions[endpoint] = lambda *args, **kwargs: wrapper(view, *args, **kwargs)


def _limit_downloads(view: Callable):
    body = flask.request.get_json(silent=True) or {}
    if any(output in body.get("output", "") for output in _EXPENSIVE_OUTPUTS):
        return run_limited(DOWNLOADS, view)
    return view()


def _status_of_page(view: Callable, *args, **kwargs):
    if target := canonical_path(flask.request.path):
        query = flask.request.query_string.decode("latin-1")
        return flask.redirect(target + (f"?{query}" if query else ""), code=308)
    response = flask.make_response(view(*args, **kwargs))
    if not is_known_page(flask.request.path):
        response.status_code = 404
    return response
