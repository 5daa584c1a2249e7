"""The leadership login's shared state: one small SQLite file that every gunicorn worker (and
every instance on the machine serving the same data folder) reads and writes.

- **Attempts**: each sign-in attempt reserves a row per key (`client:<address>`,
  `user:<name>`) inside one `BEGIN IMMEDIATE` transaction, so two workers cannot both take the
  last allowed attempt. A key with `limit` rows in the last `WINDOW_SECONDS` is refused, with the
  seconds until its oldest counted row leaves the window. A successful attempt removes its rows.
- **Sessions**: the cookie carries only a random session id; the row (keyed by the id's
  sha256, so the file holds no usable cookie) keeps the user, the fingerprint of the credential
  it was opened with and when it was opened. Sign-out deletes the row, so a copied cookie is
  refused; sessions end `SESSION_SECONDS` after sign-in whatever the activity.

The file lives in `$COP_SITE_STATE_DIR` (default `$COP_DATA_DIR/site`), folder 0700, file 0600.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard.state_db import StateDb

ENV_STATE_DIR = "COP_SITE_STATE_DIR"
FILE_NAME = "leadership.sqlite3"
WINDOW_SECONDS = 15 * 60
CLIENT_LIMIT = 10  # attempts per client address per window
USER_LIMIT = 20  # attempts per account per window, from all clients together
SESSION_SECONDS = 8 * 3600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (attempt TEXT, key TEXT, at REAL);
CREATE INDEX IF NOT EXISTS attempts_key ON attempts (key, at);
CREATE TABLE IF NOT EXISTS sessions (
    sid_hash TEXT PRIMARY KEY, user TEXT NOT NULL, credential TEXT NOT NULL, opened_at REAL
);
"""


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if explicit := environ.get(ENV_STATE_DIR):
        return Path(explicit)
    from dashboard.release import ENV_DATA_DIR, REPO_ROOT

    return Path(environ.get(ENV_DATA_DIR) or REPO_ROOT / "data") / "site"


@dataclass(frozen=True)
class Session:
    user: str
    credential: str
    opened_at: float


def _sid_hash(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8")).hexdigest()


class LoginStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = StateDb(path, _SCHEMA).connect

    # ---- attempts ----------------------------------------------------------------------

    def reserve_attempt(
        self, limits: Mapping[str, int], now: float | None = None
    ) -> tuple[str | None, int]:
        """(attempt id, 0) when every key is under its limit, else (None, seconds to wait)."""
        now = time.time() if now is None else now
        since = now - WINDOW_SECONDS
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM attempts WHERE at <= ?", (since,))
                wait = 0.0
                for key, limit in limits.items():
                    times = [
                        at
                        for (at,) in db.execute(
                            "SELECT at FROM attempts WHERE key = ? ORDER BY at", (key,)
                        )
                    ]
                    if len(times) >= limit:
                        wait = max(wait, times[len(times) - limit] + WINDOW_SECONDS - now)
                if wait > 0:
                    return None, max(1, int(wait + 0.999))
                attempt = secrets.token_hex(8)
                db.executemany(
                    "INSERT INTO attempts VALUES (?, ?, ?)", [(attempt, k, now) for k in limits]
                )
                return attempt, 0
            finally:
                db.execute("COMMIT")

    def forget_attempt(self, attempt: str) -> None:
        """A successful attempt does not count."""
        with self._db() as db:
            db.execute("DELETE FROM attempts WHERE attempt = ?", (attempt,))

    # ---- sessions ----------------------------------------------------------------------

    def open_session(self, user: str, credential: str, now: float | None = None) -> str:
        sid = secrets.token_urlsafe(32)
        now = time.time() if now is None else now
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE opened_at <= ?", (now - SESSION_SECONDS,))
            db.execute(
                "INSERT INTO sessions VALUES (?, ?, ?, ?)", (_sid_hash(sid), user, credential, now)
            )
        return sid

    def session(self, sid: str, now: float | None = None) -> Session | None:
        """The open session of this id; None when unknown, closed or older than its lifetime."""
        now = time.time() if now is None else now
        with self._db() as db:
            row = db.execute(
                "SELECT user, credential, opened_at FROM sessions WHERE sid_hash = ?",
                (_sid_hash(sid),),
            ).fetchone()
        if row is None or row[2] + SESSION_SECONDS <= now:
            return None
        return Session(*row)

    def close_session(self, sid: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE sid_hash = ?", (_sid_hash(sid),))
