"""Compression of every text response (flask-compress): HTML, callback answers (JSON), Dash's
JavaScript and CSS, the release's CSV and JSON files. Brotli when the browser accepts it, else
gzip; binary files (XLSX, Parquet, images) are sent as they are.

- Streamed bodies are not compressed (`COMPRESS_STREAMS` off: flask-compress cannot stream
  gzip). The release's text files are therefore read whole by dashboard/server_routes.py, so
  gzip-only clients get gzip too; their strong ETag becomes `"<etag>:<algorithm>"`, which
  flask-compress then honours in `If-None-Match` (304).
- The site's `/assets/` files (the vendored Plotly bundle among them) are sent by Flask as
  file streams; they are read whole first so that they are compressed like Dash's scripts.
- A `206 Partial Content` answer is never compressed: a byte range of a file is not a range of
  its compressed form.
- The compressed form of a static file (Dash's scripts under `/_dash-component-suites/`, the
  site's `/assets/`, both addressed with a version or modification time) is kept per worker
  (`StaticCache`, at most `STATIC_ENTRIES` files), so a first visit does not recompress 2.5 MB
  of JavaScript; nothing else is kept.
- Bodies under 500 bytes (the 400/413 answers of dashboard/edges.py among them) stay as they are.
- Inline scripts are hashed by the browser after decompression, so the Content-Security-Policy
  hashes of dashboard/headers.py are unchanged.
"""

from __future__ import annotations

import threading

import flask
from flask_compress import Compress

ALGORITHMS = ["br", "gzip"]
EXTRA_MIMETYPES = ["text/csv", "application/geo+json"]
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
STATIC_ENTRIES = 256
_NOT_KEPT = "-"


def static_key(request: flask.Request) -> str:
    """flask-compress's cache key: the address of a static file, else a key never kept."""
    if request.method == "GET" and request.path.startswith(STATIC_PREFIXES):
        return request.full_path
    return _NOT_KEPT


class StaticCache:
    """flask-compress's cache backend: the compressed static files of one worker."""

    def __init__(self, max_entries: int = STATIC_ENTRIES) -> None:
        self.max_entries = max_entries
        self._items: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> bytes | None:
        return None if key.endswith(f";{_NOT_KEPT}") else self._items.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(f";{_NOT_KEPT}"):
            return
        with self._lock:
            if key in self._items or len(self._items) < self.max_entries:
                self._items[key] = value


class SiteCompress(Compress):
    def after_request(self, response: flask.Response | None) -> flask.Response:
        if response is not None and response.status_code == 206:
            return response
        if response is not None and response.direct_passthrough and _is_asset(response):
            response.direct_passthrough = False
            response.set_data(response.get_data())  # a small static file, read whole
        return super().after_request(response)


def _is_asset(response: flask.Response) -> bool:
    return response.status_code == 200 and flask.request.path.startswith("/assets/")


def register_compression(server: flask.Flask) -> None:
    server.config.setdefault("COMPRESS_ALGORITHM", ALGORITHMS)
    server.config.setdefault("COMPRESS_STREAMS", False)
    server.config.setdefault("COMPRESS_CACHE_BACKEND", StaticCache)
    server.config.setdefault("COMPRESS_CACHE_KEY", static_key)
    compress = SiteCompress()
    compress.init_app(server)
    mimetypes = server.config["COMPRESS_MIMETYPES"]
    mimetypes.extend(m for m in EXTRA_MIMETYPES if m not in mimetypes)
    compress.compress_mimetypes_set = set(mimetypes)
    server.extensions["static_compress_cache"] = compress.cache
