"""The dbt unit tests (each indicator's logic on hand-written rows, and those generated from the
registry) run here, once per suite, against a copy of the session's warehouse. The pipeline's
builds leave them out (`--exclude-resource-type unit_test`, dbt's advice: unit tests belong to
development and CI, not to every production build); they took 38 of the 62 s of a scale-1
`dbt build`, and the suite builds several times."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

from orchestration.settings import DBT_PROJECT_DIR, dbt_executable


def test_every_dbt_unit_test_passes(pipeline_run, tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(pipeline_run.warehouse_path, warehouse)  # the session's stays as it was
    project = str(DBT_PROJECT_DIR)
    result = subprocess.run(
        [dbt_executable(), "--no-use-colors", "test", "--select", "test_type:unit",
         "--project-dir", project, "--profiles-dir", project,
         "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")],
        env={**os.environ, "COP_WAREHOUSE_PATH": str(warehouse)},
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    ran = {r["unique_id"]: r["status"] for r in results if r["unique_id"].startswith("unit_test.")}
    assert set(ran) == set(manifest["unit_tests"]), "every unit test of the project runs"
    assert len(ran) >= 60
    assert set(ran.values()) == {"pass"}, {k: v for k, v in ran.items() if v != "pass"}
