"""Write dbt's manifest (dbt parse) so the Dagster definitions can load: `python -m
orchestration.prepare`. Run by make before anything loads the definitions."""

from dagster_dbt import DbtCliResource

from orchestration import settings
from orchestration.defs.dbt.project import dbt_project
from orchestration.settings import export_for_dbt


def prepare() -> None:
    export_for_dbt()
    DbtCliResource(project_dir=dbt_project, dbt_executable=settings.dbt_executable()).cli(
        ["parse", "--quiet"]
    ).wait()


if __name__ == "__main__":
    prepare()
