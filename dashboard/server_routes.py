"""Plain Flask routes beside the Dash pages: the release's files (only those the manifest
lists, so no path traversal is possible; static, with ETag and Last-Modified, so a repeated
download is a 304; the indicator page's whole-indicator CSV/XLSX are such files), and
/favicon.ico (Dash's icon; browsers ask for it on the pages Dash does not render, such as the
sign-in form)."""

from __future__ import annotations

import flask

from dashboard.release import (
    ReleaseNotFoundError,
    current_release,
    download_name,
    release_file,
)

FILES_PREFIX = "/release-files"

_MIME = {
    ".csv": "text/csv",  # Werkzeug adds "; charset=utf-8" to text types
    ".json": "application/json",
    ".parquet": "application/vnd.apache.parquet",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_TEXT = ("text/", "application/json")


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
        response = flask.send_file(
            path,
            mimetype=mimetype,
            as_attachment=True,
            download_name=download_name(release, name),
            conditional=True,  # If-None-Match / If-Modified-Since → 304, Range → 206
            etag=True,
            last_modified=path.stat().st_mtime,
        )
        if response.status_code == 200 and mimetype.startswith(_TEXT):
            # whole rather than streamed, so that dashboard/compression.py compresses it
            streamed = response.response
            response.direct_passthrough = False
            response.set_data(path.read_bytes())
            if hasattr(streamed, "close"):
                streamed.close()
        # The same address serves the next release's file once `current` switches: caches must
        # ask again (a 304 while the ETag, made from the release's path, is unchanged).
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Release-Id"] = release.release_id
        return response
