"""One SQLite file of the site's state folder, opened by every gunicorn worker (and every
instance serving the same data folder): the folder 0700, the file 0600, WAL, its schema created
on first use, autocommit (a caller opens its own `BEGIN IMMEDIATE` where it needs one)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StateDb:
    def __init__(self, path: Path, schema: str, timeout: float = 10) -> None:
        self.path = path
        self.schema = schema
        self.timeout = timeout
        self._ready = False

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.path.touch(mode=0o600, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            if not self._ready:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(self.schema)
                self._ready = True
            yield db
        finally:
            db.close()
