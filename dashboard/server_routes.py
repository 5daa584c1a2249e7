"""Plain Flask routes beside the Dash pages: the release's files (only those the manifest
lists, so no path traversal is possible; static, with ETag and Last-Modified, so a repeated
download is a 304; the indicator page's whole-indicator CSV/XLSX are such files), and
/favicon.ico (Dash's icon; browsers ask for it on the pages Dash does not render, such as the
sign-in form)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import flask

from dashboard.queries import download_name
from dashboard.release import Release, ReleaseNotFoundError, current_release, release_file

FILES_PREFIX = "/release-files"
RELEASES_PREFIX = "/releases"  # stable: /releases/<release id>/<file>, /releases/latest/<file>
LATEST = "latest"
IMMUTABLE = "public, max-age=31536000, immutable"
_RELEASE_ID = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")

_MIME = {
    ".csv": "text/csv",  # Werkzeug adds "; charset=utf-8" to text types
    ".json": "application/json",
    ".parquet": "application/vnd.apache.parquet",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xml": "application/xml",
    ".png": "image/png",  # the preview cards (publish/previews.py), shown, not downloaded
}
_TEXT = ("text/", "application/json", "application/xml")


def file_url(name: str) -> str:
    return f"{FILES_PREFIX}/{name}"


def release_url(release: Release, name: str) -> str:
    """The stable address of a file of `release` (cached for good: it never changes)."""
    return f"{RELEASES_PREFIX}/{release.release_id}/{name}"


def register_routes(server: flask.Flask) -> None:
    server.add_url_rule("/favicon.ico", "favicon", server.view_functions["/_favicon.ico"])

    @server.route(f"{FILES_PREFIX}/<path:name>")
    def release_files(name: str):
        release = _current_or_404()
        path = release_file(release, name)
        if path is None:
            flask.abort(404)
        # The same address serves the next release's file once `current` switches: caches must
        # ask again (a 304 while the ETag, made from the release's path, is unchanged).
        return _send(path, download_name(release, name), release.release_id, "no-cache")

    @server.route(f"{RELEASES_PREFIX}/<release_id>/<name>")
    def release_files_by_id(release_id: str, name: str):
        """The stable address of a release's file: `latest` is the current release (asked again
        each time), a release id is that release for good (cached for a year, immutable)."""
        current = _current_or_404()
        if release_id == LATEST:
            return release_files(name)
        if release_id == current.release_id:
            path, saved_as = release_file(current, name), download_name(current, name)
        elif not _RELEASE_ID.match(release_id):
            flask.abort(404)
        else:
            path, saved_as = _past_release_file(current.path.parent / release_id, name)
        if path is None:
            flask.abort(404)
        return _send(path, saved_as, release_id, IMMUTABLE)


def _current_or_404() -> Release:
    try:
        return current_release()
    except ReleaseNotFoundError:
        flask.abort(404)


def _past_release_file(folder: Path, name: str) -> tuple[Path | None, str]:
    """A file an earlier release's manifest lists, in that release's folder (kept on disk)."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, name
    if name not in (manifest.get("files") or []) or name.startswith(".") or "/" in name:
        return None, name
    path = folder / name
    return (path if path.is_file() else None), name


def _send(path: Path, download_as: str, release_id: str, cache_control: str) -> flask.Response:
    mimetype = _MIME.get(path.suffix, "application/octet-stream")
    response = flask.send_file(
        path,
        mimetype=mimetype,
        as_attachment=not mimetype.startswith("image/"),
        download_name=download_as,
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
    response.headers["Cache-Control"] = cache_control
    response.headers["X-Release-Id"] = release_id
    return response
