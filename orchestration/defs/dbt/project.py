"""The dbt project as Dagster sees it. Kept apart from the assets so that preparing the
manifest (dbt parse) does not need the manifest to exist already."""

from dagster_dbt import DbtProject

from orchestration.settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
