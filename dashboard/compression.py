"""Compression of every text response (flask-compress): HTML, callback answers (JSON), Dash's
JavaScript and CSS, the release's CSV and JSON files. Brotli when the browser accepts it, else
gzip; binary files (XLSX, Parquet, images) are sent as they are.

- Streamed bodies are not compressed (`COMPRESS_STREAMS` off: flask-compress cannot stream
  gzip). The release's text files are therefore read whole by dashboard/server_routes.py, so
  gzip-only clients get gzip too; their strong ETag becomes `"<etag>:<algorithm>"`, which
  flask-compress then honours in `If-None-Match` (304).
- A `206 Partial Content` answer is never compressed: a byte range of a file is not a range of
  its compressed form.
- Bodies under 500 bytes (the 400/413 answers of dashboard/edges.py among them) stay as they are.
- Inline scripts are hashed by the browser after decompression, so the Content-Security-Policy
  hashes of dashboard/headers.py are unchanged.
"""

from __future__ import annotations

import flask
from flask_compress import Compress

ALGORITHMS = ["br", "gzip"]
EXTRA_MIMETYPES = ["text/csv", "application/geo+json"]


class SiteCompress(Compress):
    def after_request(self, response: flask.Response | None) -> flask.Response:  # type: ignore[override]
        if response is not None and response.status_code == 206:
            return response
        return super().after_request(response)


def register_compression(server: flask.Flask) -> None:
    server.config.setdefault("COMPRESS_ALGORITHM", ALGORITHMS)
    server.config.setdefault("COMPRESS_STREAMS", False)
    compress = SiteCompress()
    compress.init_app(server)
    mimetypes = server.config["COMPRESS_MIMETYPES"]
    mimetypes.extend(m for m in EXTRA_MIMETYPES if m not in mimetypes)
    compress.compress_mimetypes_set = set(mimetypes)
