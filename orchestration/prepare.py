"""Prepare dbt so the Dagster definitions can load: render the registry macro and unit tests and
the raw tables' dbt sources and contract tables (from their pandera models), then write dbt's
manifest (dbt parse). `python -m orchestration.prepare`; make, run_all and the
tests call it."""

import subprocess

from orchestration import settings
from schemas import raw_contract
from schemas.dbt_registry import write_generated
from schemas.raw import MODELS
from schemas.registry import load_registry


def prepare() -> None:
    settings.export_for_dbt()
    write_generated(load_registry(), settings.DBT_PROJECT_DIR)
    raw_contract.write_generated(MODELS)
    project = str(settings.DBT_PROJECT_DIR)
    subprocess.run(
        [settings.dbt_executable(), "parse", "--quiet", "--project-dir", project,
         "--profiles-dir", project],
        check=True,
    )  # fmt: skip


if __name__ == "__main__":
    prepare()
