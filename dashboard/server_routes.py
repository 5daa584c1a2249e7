"""Plain Flask routes beside the Dash pages: the release's files (only those the manifest
lists, so no path traversal is possible), and /favicon.ico (Dash's icon; browsers ask for it on
the pages Dash does not render, such as the sign-in form)."""

from __future__ import annotations

import flask

from dashboard.release import ReleaseNotFoundError, current_release, release_file

FILES_PREFIX = "/release-files"

_MIME = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".parquet": "application/vnd.apache.parquet",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_url(name: str) -> str:
    return f"{FILES_PREFIX}/{name}"


def register_routes(server: flask.Flask) -> None:
    server.add_url_rule("/favicon.ico", "favicon", server.view_functions["/_favicon.ico"])

    @server.route(f"{FILES_PREFIX}/<path:name>")
    def release_files(name: str):
        try:
            release = current_release()
        except ReleaseNotFoundError:
            flask.abort(404)
        path = release_file(release, name)
        if path is None:
            flask.abort(404)
        mimetype = _MIME.get(path.suffix, "application/octet-stream")
        response = flask.send_file(path, mimetype=mimetype, as_attachment=True, download_name=name)
        response.headers["X-Release-Id"] = release.release_id
        return response
