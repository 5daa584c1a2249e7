"""The ledger of landing files, and corrections: a later delivery supersedes an earlier one.

Every file ever picked up has one ledger row per content (path + sha256). A file *unit* is a month
(hotline, portal) or a province-quarter (training). Within a unit the current delivery is the
loaded file with the highest version (``_v2`` > no suffix), then the latest loaded; every other
loaded file of the unit, every earlier content of the same path, and every failed file older than
the current one becomes ``superseded`` (``superseded_by`` = the current path). Only a ``loaded``
delivery supersedes anything (the loader never marks a file that loaded no row ``loaded`` while
another delivery of its path or unit is): a failed re-export, a duplicate
or an empty correction leaves the current file in place. A superseded file's rows leave the raw
table and its rejects leave the rejects table; its ledger row keeps the counts it had when
loaded, so the history stays honest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb

from ingestion.periods import FileUnit
from ingestion.tables import LEDGER_TABLE, REJECTS_TABLE, quoted

LIVE = ("loaded", "failed", "duplicate")
"""Statuses a newer delivery can supersede."""


@dataclass(frozen=True)
class _Entry:
    file_path: str
    sha256: str
    loaded_at: dt.datetime
    version: int
    status: str
    period: str | None
    province_code: str | None

    @property
    def order(self) -> tuple[int, dt.datetime, str]:
        return (self.version, self.loaded_at, self.file_path)


def ledger_state(
    con: duckdb.DuckDBPyConnection, source: str
) -> tuple[set[tuple[str, str]], dict[str, str]]:
    """(path, sha256) pairs already in the ledger, and sha256 → path of the current loaded files."""
    rows = con.execute(
        f"SELECT file_path, sha256, status FROM {quoted(LEDGER_TABLE)} WHERE source = ?", [source]
    ).fetchall()
    seen = {(path, sha) for path, sha, _ in rows}
    loaded_sha: dict[str, str] = {}
    for path, sha, status in sorted(rows):
        if status == "loaded":
            loaded_sha.setdefault(sha, path)
    return seen, loaded_sha


@dataclass
class CurrentFiles:
    """The loaded file of each path and unit, to name what stays when a delivery fails."""

    by_path: set[str]
    by_unit: dict[tuple[str | None, str | None], str]
    versions: dict[str, int] = field(default_factory=dict)
    """Version of each path loaded in this batch (a later, higher version wins its unit)."""

    def loaded(self, path: str, unit: FileUnit) -> None:
        """``path`` has just loaded (it is current unless a higher version is)."""
        self.by_path.add(path)
        self.versions[path] = unit.version
        if unit.period is None:
            return
        key = (unit.period, unit.province_code)
        winner = self.by_unit.get(key)
        if winner is None or self.versions.get(winner, 0) < unit.version:
            self.by_unit[key] = path

    def kept(self, path: str, unit: FileUnit) -> str | None:
        """The loaded file that stays in place of a failed ``path``."""
        if path in self.by_path:
            return path
        return self.by_unit.get((unit.period, unit.province_code)) if unit.period else None


def current_files(con: duckdb.DuckDBPyConnection, source: str) -> CurrentFiles:
    """The current (``loaded``) files of ``source``, by path and by unit (the winner of each)."""
    rows = con.execute(
        "SELECT file_path, period, province_code, coalesce(version, 1) FROM "
        f"{quoted(LEDGER_TABLE)} WHERE source = ? AND status = 'loaded' "
        "ORDER BY coalesce(version, 1) DESC, loaded_at DESC, file_path DESC",
        [source],
    ).fetchall()
    out = CurrentFiles(set(), {})
    for path, period, province, version in rows:
        out.by_path.add(path)
        out.versions[path] = int(version)
        out.by_unit.setdefault((period, province), path)
    return out


def _superseded(group: list[_Entry]) -> list[tuple[_Entry, str]]:
    """Which entries of one unit the current delivery supersedes, with its path: every other
    loaded entry, and every failed one older than it. Duplicates and failed entries newer than
    the current one stay as they are (they replaced nothing)."""
    current = [e for e in group if e.status == "loaded"]
    if not current:
        return []
    winner = max(current, key=lambda e: e.order)
    return [
        (entry, winner.file_path)
        for entry in group
        if entry is not winner
        and entry.status != "duplicate"
        and (entry.status == "loaded" or entry.order < winner.order)
    ]


def supersede(
    con: duckdb.DuckDBPyConnection,
    source: str,
    table: str,
    units: set[tuple[str, str | None]],
) -> list[tuple[str, str]]:
    """Apply corrections within ``units`` ((period, province_code) pairs) of ``source``.

    Marks the superseded ledger rows, deletes their raw rows and rejects (matched by path and
    load time, so a newer content of the same path is kept). Returns (superseded path, by path).
    Runs inside the caller's transaction.
    """
    if not units:
        return []
    rows = con.execute(
        "SELECT file_path, sha256, loaded_at, coalesce(version, 1), status, period, province_code "
        f"FROM {quoted(LEDGER_TABLE)} WHERE source = ? AND status IN (?, ?, ?)",
        [source, *LIVE],
    ).fetchall()
    groups: dict[tuple[str | None, str | None], list[_Entry]] = defaultdict(list)
    for row in rows:
        entry = _Entry(*row)
        key = (entry.period, entry.province_code)
        if entry.period is not None and key in units:
            groups[key].append(entry)
    changes = [change for group in groups.values() for change in _superseded(group)]
    for entry, by in changes:
        con.execute(
            f"UPDATE {quoted(LEDGER_TABLE)} SET status = 'superseded', superseded_by = ? "
            "WHERE source = ? AND file_path = ? AND sha256 = ?",
            [by, source, entry.file_path, entry.sha256],
        )
        con.execute(
            f"DELETE FROM {quoted(table)} WHERE _source_file = ? AND _loaded_at = ?",
            [entry.file_path, entry.loaded_at],
        )
        con.execute(
            f"DELETE FROM {quoted(REJECTS_TABLE)} WHERE file_path = ? AND rejected_at = ?",
            [entry.file_path, entry.loaded_at],
        )
    return [(entry.file_path, by) for entry, by in changes]
