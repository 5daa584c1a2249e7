"""Write dbt's manifest (dbt parse) so the Dagster definitions can load: `python -m
orchestration.prepare`. Run before anything loads the definitions (make, run_all, the tests)."""

import subprocess

from orchestration import settings


def prepare() -> None:
    settings.export_for_dbt()
    project = str(settings.DBT_PROJECT_DIR)
    subprocess.run(
        [settings.dbt_executable(), "parse", "--quiet", "--project-dir", project,
         "--profiles-dir", project],
        check=True,
    )  # fmt: skip


if __name__ == "__main__":
    prepare()
