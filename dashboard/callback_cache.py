"""Answers of the pure callbacks, cached per release, in each gunicorn worker and shared by all.

A release is immutable, so the page-rendering callback (Dash's `_pages_content` router, which
calls the page layouts) and the indicator page's filter callbacks are functions of (release id,
request body) alone. Their 200 answers are kept in a bounded LRU (`MAX_BYTES` per worker; an
answer over `MAX_ENTRY_BYTES` is not kept) keyed by both, and the whole cache is emptied the
first time a request sees another release id (`publish/current` switched). Behind it, every
answer a worker renders also goes to one SQLite file in the site's state folder
(`SharedAnswers`), so an answer another worker rendered is not rendered again: with a cache per
worker alone, a crowd's repeated requests missed whenever the other worker had rendered them
(warm p95 0.3–2 s at 50 clients in `make bench`). The header `X-Callback-Cache` says `hit`
(this worker's memory), `shared` (the file) or `miss` (rendered now).

Not cached: any request of a signed-in user (the frame links the leadership view for them, and
the leadership pages are theirs alone), the download callback (dashboard/edges.py caps it), any
answer that is not a 200, and any request while no release is published.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

import flask

from dashboard import ids
from dashboard.auth import signed_in_user
from dashboard.login_store import state_dir
from dashboard.release import ReleaseNotFoundError, current_release
from dashboard.state_db import StateDb

CALLBACK_PATH = "/_dash-update-component"
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024
SHARED_MAX_BYTES = 256 * 1024 * 1024
SHARED_FILE_NAME = "callback-answers.sqlite3"
_SHARED_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    release TEXT, key TEXT, body BLOB, content_type TEXT, size INTEGER, PRIMARY KEY (release, key)
);
"""
# The output string of every callback whose answer depends on the release and the body only.
PURE_OUTPUTS = (
    "_pages_content.children",
    f"{ids.INDICATOR_YEAR}.options",
    f"{ids.INDICATOR_CHART}.figure",
    f"{ids.INDICATOR_GRID}.rowData",
)
CACHE_HEADER = "X-Callback-Cache"


class ReleaseCache:
    """A thread-safe LRU of (body, content type) by request body, for one release id at a time."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_entry_bytes: int = MAX_ENTRY_BYTES):
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.release_id: str | None = None
        self._entries: OrderedDict[bytes, tuple[bytes, str]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._size

    def _switch(self, release_id: str) -> None:
        if release_id != self.release_id:
            self._entries.clear()
            self._size = 0
            self.release_id = release_id

    def get(self, release_id: str, key: bytes) -> tuple[bytes, str] | None:
        with self._lock:
            self._switch(release_id)
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, release_id: str, key: bytes, body: bytes, content_type: str) -> None:
        cost = len(key) + len(body)
        if cost > self.max_entry_bytes:
            return
        with self._lock:
            self._switch(release_id)
            if key in self._entries:
                return
            self._entries[key] = (body, content_type)
            self._size += cost
            while self._size > self.max_bytes and self._entries:
                old_key, (old_body, _) = self._entries.popitem(last=False)
                self._size -= len(old_key) + len(old_body)


class SharedAnswers:
    """The answers every worker rendered, in one SQLite file (WAL) of the site's state folder,
    one release at a time (a release is its folder and id) and at most `max_bytes` (the oldest
    answers leave first). Any SQLite error is a miss: the cache only saves work."""

    def __init__(self, path: Path, max_bytes: int = SHARED_MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._db = StateDb(path, _SHARED_SCHEMA, timeout=2).connect

    def get(self, release: str, key: bytes) -> tuple[bytes, str] | None:
        try:
            with self._db() as db:
                row = db.execute(
                    "SELECT body, content_type FROM answers WHERE release = ? AND key = ?",
                    (release, _digest(key)),
                ).fetchone()
        except (OSError, sqlite3.Error):
            return None
        return (bytes(row[0]), row[1]) if row else None

    def put(self, release: str, key: bytes, body: bytes, content_type: str) -> None:
        try:
            with self._db() as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.execute("DELETE FROM answers WHERE release != ?", (release,))
                    db.execute(
                        "INSERT OR IGNORE INTO answers VALUES (?, ?, ?, ?, ?)",
                        (release, _digest(key), body, content_type, len(body)),
                    )
                    (total,) = db.execute("SELECT coalesce(sum(size), 0) FROM answers").fetchone()
                    if total > self.max_bytes:
                        self._evict(db, total - self.max_bytes)
                finally:
                    db.execute("COMMIT")
        except (OSError, sqlite3.Error):
            return

    @staticmethod
    def _evict(db: sqlite3.Connection, excess: int) -> None:
        """Remove the oldest answers until `excess` bytes are gone."""
        gone, rows = 0, []
        for rowid, size in db.execute("SELECT rowid, size FROM answers ORDER BY rowid"):
            if gone >= excess:
                break
            rows.append((rowid,))
            gone += size
        db.executemany("DELETE FROM answers WHERE rowid = ?", rows)


def _digest(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()


def is_pure(body: object) -> bool:
    output = body.get("output") if isinstance(body, dict) else None
    return isinstance(output, str) and any(pure in output for pure in PURE_OUTPUTS)


def register_callback_cache(server: flask.Flask) -> ReleaseCache:
    """Serve the pure callbacks' answers from a per-release cache (wraps the callback view)."""
    cache = ReleaseCache()
    shared = SharedAnswers(state_dir() / SHARED_FILE_NAME)
    view = server.view_functions[CALLBACK_PATH]

    def cached_view(*args, **kwargs):
        request = flask.request
        if not is_pure(request.get_json(silent=True)) or signed_in_user() is not None:
            return view(*args, **kwargs)
        try:
            release = current_release()
        except ReleaseNotFoundError:
            return view(*args, **kwargs)
        release_id = release.release_id
        where = f"{release.path.resolve()}\0{release_id}"  # a release is its folder and id
        key = request.get_data(cache=True)
        if (hit := cache.get(release_id, key)) is not None:
            return _answer(hit, "hit")
        if (found := shared.get(where, key)) is not None:
            cache.put(release_id, key, *found)
            return _answer(found, "shared")
        response = flask.make_response(view(*args, **kwargs))
        if response.status_code == 200 and not response.is_streamed:
            body, content_type = response.get_data(), response.content_type or ""
            cache.put(release_id, key, body, content_type)
            if len(key) + len(body) <= cache.max_entry_bytes:
                shared.put(where, key, body, content_type)
            response.headers[CACHE_HEADER] = "miss"
        return response

    server.view_functions[CALLBACK_PATH] = cached_view
    server.extensions["callback_cache"] = cache
    server.extensions["callback_answers"] = shared
    return cache


def _answer(found: tuple[bytes, str], source: str) -> flask.Response:
    response = flask.Response(found[0], content_type=found[1])
    response.headers[CACHE_HEADER] = source
    return response
