"""What a pipeline run rebuilds after ingestion: everything, or only what new data touches.

The warehouse keeps what the last successful build made. A run rebuilds everything when the
project changed since that build (any file of dbt_project/, schemas/ or publish/, or the day:
`pub_milestones` reads today's date), or when no build is recorded. Otherwise it rebuilds only
the dbt models downstream of the raw tables that loaded a file in this run (a new month, a
`_v2` correction), then publishes; when no raw table changed, nothing is rebuilt and the
current release stays (or, if there is none, only the release is published). The record is
`<warehouse>.build.json`, written after a successful run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import dagster as dg

from orchestration import settings

PROJECT_PARTS = ("dbt_project", "schemas", "publish")
_SKIPPED_DIRS = {"target", "logs", "dbt_packages", "__pycache__"}
_SHAPING_SUFFIXES = {".sql", ".yml", ".yaml", ".csv", ".py"}
"""Only these shape a build: dbt's or Spark's own output (metastore_db, derby.log) does not."""


def project_fingerprint(today: date | None = None) -> str:
    """sha256 over every file that shapes a build (paths and bytes) and the day."""
    digest = hashlib.sha256(str(today or date.today()).encode())
    for part in PROJECT_PARTS:
        root = settings.REPO_ROOT / part
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(settings.REPO_ROOT)
            if (
                path.suffix not in _SHAPING_SUFFIXES
                or _SKIPPED_DIRS & set(relative.parts)
                or not path.is_file()
            ):
                continue
            digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _record_path() -> Path:
    return settings.warehouse_path().with_suffix(".build.json")


def recorded_fingerprint() -> str | None:
    try:
        return json.loads(_record_path().read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError):
        return None


def record_build(fingerprint: str) -> None:
    _record_path().write_text(json.dumps({"fingerprint": fingerprint}), encoding="utf-8")


def forget_build() -> None:
    """Before a run that may leave the warehouse half built: the next run rebuilds everything."""
    _record_path().unlink(missing_ok=True)


NEW_FILE_COUNTS = (
    "files_loaded_now",
    "files_failed_now",
    "files_duplicate_now",
    "files_not_read_now",
)
LEDGER_SOURCE = "ingestion"
"""The dbt source of the tables every load writes (ledger, rejects, expected reports)."""


def changed_keys(instance: dg.DagsterInstance, run_ids: Iterable[str]) -> set[dg.AssetKey]:
    """The raw tables that loaded a file (new or correcting) in these runs, and, when any new
    file was seen at all (loaded, failed, duplicate or not read), the ledger's source tables."""
    changed: set[dg.AssetKey] = set()
    ledger_changed = False
    for run_id in run_ids:
        records = instance.get_records_for_run(
            run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        ).records
        for record in records:
            materialization = record.event_log_entry.asset_materialization
            if materialization is None:
                continue
            counts = {
                name: getattr(materialization.metadata.get(name), "value", 0) or 0
                for name in NEW_FILE_COUNTS
            }
            if counts["files_loaded_now"]:
                changed.add(materialization.asset_key)
            ledger_changed = ledger_changed or any(counts.values())
    if ledger_changed:
        changed.add(dg.AssetKey([LEDGER_SOURCE]))  # a marker, resolved in downstream_selection
    return changed


def downstream_selection(
    defs: dg.Definitions, changed: set[dg.AssetKey], exclude: dg.AssetSelection
) -> list[dg.AssetKey]:
    """Every asset of the unpartitioned job that depends on a changed table."""
    graph = defs.resolve_asset_graph()
    roots = {key for key in changed if len(key.path) > 1}
    if dg.AssetKey([LEDGER_SOURCE]) in changed:
        roots |= {key for key in graph.get_all_asset_keys() if key.path[0] == LEDGER_SOURCE}
    selection = dg.AssetSelection.assets(*roots).downstream(include_self=False) - exclude
    keys = [key for key in selection.resolve(graph) if graph.get(key).is_executable]
    return sorted(keys, key=lambda key: key.to_user_string())
