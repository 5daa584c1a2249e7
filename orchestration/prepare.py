"""Prepare dbt so the Dagster definitions can load: render the registry macro and unit tests and
the raw tables' dbt sources and contract tables (from their pandera models), then write dbt's
manifest (dbt parse). `python -m orchestration.prepare`; make, run_all and the
tests call it.

`dbt parse` is skipped when nothing it reads changed since the manifest was written: every file
of the dbt project (after the generated ones are rendered), dbt's version, the profile's
connection (the warehouse path and DuckDB's settings) and the manifest's own bytes (nothing else
rewrote it). The record is `target/prepared.json`; `--force` parses anyway.

The manifest holds only the database name of the path, but dbt's partial-parse file
(`target/partial_parse.msgpack`, which each Dagster dbt step starts from) holds a hash of the
whole connection: a parse for another warehouse path made every later dbt step parse the whole
project again ("Unable to do partial parsing because profile has changed"), 5-8 s a step.
"""

import hashlib
import json
import subprocess
import sys
from importlib.metadata import version

from orchestration import settings
from schemas import raw_contract
from schemas.dbt_registry import write_generated
from schemas.raw import MODELS
from schemas.registry_files import load_registry

# dbt's output and caches, and `.user.yml` (the anonymous id dbt writes on its first run)
_NOT_READ = {
    "target", "logs", "dbt_packages", "__pycache__", "metastore_db", "spark-warehouse", ".user.yml",
}  # fmt: skip
_RECORD = "prepared.json"


def parse_inputs() -> str:
    """sha256 over what `dbt parse` reads: the project's files, dbt's version, the profile's
    connection (the warehouse path, DuckDB's memory limit)."""
    digest = hashlib.sha256(version("dbt-core").encode() + b"\0")
    digest.update(f"{settings.warehouse_path()}\0{settings.duckdb_memory_limit()}\0".encode())
    root = settings.DBT_PROJECT_DIR
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if _NOT_READ & set(relative.parts) or not path.is_file() or path.suffix == ".log":
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _manifest_sha() -> str | None:
    manifest = settings.DBT_PROJECT_DIR / "target" / "manifest.json"
    return hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest.exists() else None


def _recorded() -> dict:
    try:
        return json.loads((settings.DBT_PROJECT_DIR / "target" / _RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def prepare(force: bool = False) -> bool:
    """Render the generated files and parse the project unless the manifest is current; say
    whether dbt parse ran."""
    settings.export_for_dbt()
    write_generated(load_registry(), settings.DBT_PROJECT_DIR)
    raw_contract.write_generated(MODELS)
    inputs = parse_inputs()
    recorded = _recorded()
    manifest = _manifest_sha()
    if not force and manifest and recorded == {"inputs": inputs, "manifest": manifest}:
        return False
    project = str(settings.DBT_PROJECT_DIR)
    subprocess.run(
        [settings.dbt_executable(), "parse", "--quiet", "--project-dir", project,
         "--profiles-dir", project],
        check=True,
    )  # fmt: skip
    record = {"inputs": inputs, "manifest": _manifest_sha()}
    (settings.DBT_PROJECT_DIR / "target" / _RECORD).write_text(json.dumps(record), "utf-8")
    return True


if __name__ == "__main__":
    prepare(force="--force" in sys.argv[1:])
