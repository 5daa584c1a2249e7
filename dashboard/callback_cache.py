"""Answers of the pure callbacks, cached per release in each gunicorn worker.

A release is immutable, so the page-rendering callback (Dash's `_pages_content` router, which
calls the page layouts) and the indicator page's filter callbacks are functions of (release id,
request body) alone. Their 200 answers are kept in a bounded LRU (`MAX_BYTES` per worker; an
answer over `MAX_ENTRY_BYTES` is not kept) keyed by both, and the whole cache is emptied the
first time a request sees another release id (`publish/current` switched).

Not cached: any request of a signed-in user (the frame links the leadership view for them, and
the leadership pages are theirs alone), the download callback (dashboard/edges.py caps it), any
answer that is not a 200, and any request while no release is published.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import flask

from dashboard import ids
from dashboard.auth import signed_in_user
from dashboard.release import ReleaseNotFoundError, current_release

CALLBACK_PATH = "/_dash-update-component"
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024
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


def is_pure(body: object) -> bool:
    output = body.get("output") if isinstance(body, dict) else None
    return isinstance(output, str) and any(pure in output for pure in PURE_OUTPUTS)


def register_callback_cache(server: flask.Flask) -> ReleaseCache:
    """Serve the pure callbacks' answers from a per-release cache (wraps the callback view)."""
    cache = ReleaseCache()
    view = server.view_functions[CALLBACK_PATH]

    def cached_view(*args, **kwargs):
        request = flask.request
        if not is_pure(request.get_json(silent=True)) or signed_in_user() is not None:
            return view(*args, **kwargs)
        try:
            release_id = current_release().release_id
        except ReleaseNotFoundError:
            return view(*args, **kwargs)
        key = request.get_data(cache=True)
        if (hit := cache.get(release_id, key)) is not None:
            response = flask.Response(hit[0], content_type=hit[1])
            response.headers[CACHE_HEADER] = "hit"
            return response
        response = flask.make_response(view(*args, **kwargs))
        if response.status_code == 200 and not response.is_streamed:
            cache.put(release_id, key, response.get_data(), response.content_type or "")
            response.headers[CACHE_HEADER] = "miss"
        return response

    server.view_functions[CALLBACK_PATH] = cached_view
    server.extensions["callback_cache"] = cache
    return cache
