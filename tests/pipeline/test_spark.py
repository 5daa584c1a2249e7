"""The dbt project is portable: the same models, seeds, unit tests and the project's own data
tests build on local Spark, and give the same published numbers as DuckDB.

The raw tables of the pipeline's warehouse go to Parquet (orchestration/raw_parquet.py); dbt's
on-run-start macro register_raw_parquet makes them Spark tables; `dbt build --target spark` runs
in a temporary folder, with Spark's warehouse there too (COP_SPARK_DIR; the catalog is Spark's
own, in memory), so nothing is written to the repository. Spark's tables are Parquet files,
read back here with DuckDB.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from orchestration.raw_parquet import export_raw_tables
from orchestration.settings import DBT_PROJECT_DIR, dbt_executable
from schemas.reference import DISAGGREGATIONS

pytestmark = pytest.mark.spark

KEY = ["indicator_code", "period_type", "period", "geo_scheme", "geo_code", *DISAGGREGATIONS]
COMPARED = ["value", "numerator", "denominator", "obs_status", "status"]
DBT_OWN_TESTS = [
    f"test_name:{name}" for name in ("not_null", "unique", "accepted_values", "relationships")
]
"""dbt's own generic tests (its cross-database SQL, already run on DuckDB) are left out on Spark,
where each costs a query: the project's own generic and singular tests and every unit test run."""


@pytest.fixture(scope="module")
def spark_build(pipeline_run, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the whole dbt project on Spark from the pipeline's raw tables; Spark's folder."""
    work = tmp_path_factory.mktemp("spark")
    started = time.perf_counter()
    counts = export_raw_tables(pipeline_run.warehouse_path, work / "raw")
    print(
        f"\nraw tables exported to Parquet: {len(counts)} tables, "
        f"{sum(counts.values())} rows in {time.perf_counter() - started:.1f} s"
    )
    dbt = dbt_executable()  # sets COP_DBT and COP_PYTHON, which orchestration/bin/dbt reads
    environment = {
        **os.environ,
        "SPARK_LOCAL_IP": "127.0.0.1",
        "COP_SPARK_DIR": str(work / "spark"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    project = str(DBT_PROJECT_DIR)
    started = time.perf_counter()
    result = subprocess.run(
        [dbt, "--no-use-colors", "build", "--target", "spark",
         "--vars", f"{{raw_parquet_dir: '{work / 'raw'}'}}", "--exclude", *DBT_OWN_TESTS,
         "--project-dir", project, "--profiles-dir", project,
         "--target-path", str(work / "target"), "--log-path", str(work / "logs")],
        cwd=work, env=environment, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    summary = [line for line in result.stdout.splitlines() if "Done. PASS=" in line]
    print(
        f"dbt build --target spark: exit {result.returncode} in {elapsed:.1f} s; "
        f"{summary[-1].split('  ', 1)[-1] if summary else 'no summary'}"
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert summary and "ERROR=0" in summary[-1] and "SKIP=0" in summary[-1], summary
    print(f"dbt on Spark, seconds by resource type: {_seconds_by_type(work / 'target')}")
    return work / "spark"


def _seconds_by_type(target: Path) -> dict[str, float]:
    """Where the Spark build's time goes (run_results.json), for the suite's timing figures."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    seconds: dict[str, float] = {}
    for result in results:
        kind = result["unique_id"].split(".")[0]
        seconds[kind] = round(seconds.get(kind, 0.0) + result["execution_time"], 1)
    return seconds


def _published(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[KEY + COMPARED].sort_values(KEY).reset_index(drop=True)


def test_spark_builds_the_same_indicator_values_as_duckdb(pipeline_run, spark_build: Path):
    table = spark_build / "spark-warehouse" / "public.db" / "pub_indicator_values"
    assert table.is_dir(), f"no Spark table files at {table}"
    with duckdb.connect() as connection:
        spark = connection.execute("select * from read_parquet(?)", [str(table / "*.parquet")]).df()
    with duckdb.connect(str(pipeline_run.warehouse_path), read_only=True) as connection:
        duck = connection.execute("select * from public.pub_indicator_values").df()

    # the whole table: same cells, same suppression
    assert len(spark) == len(duck)
    assert (
        spark.groupby("obs_status").size().to_dict() == duck.groupby("obs_status").size().to_dict()
    )

    # every published cell of every indicator, one by one
    spark_values, duck_values = _published(spark), _published(duck)
    assert set(duck_values.indicator_code) == set(duck.indicator_code)
    assert len(spark_values) == len(duck_values) > 0
    pd.testing.assert_frame_equal(
        spark_values[KEY + ["obs_status", "status"]], duck_values[KEY + ["obs_status", "status"]]
    )
    for column in ("value", "numerator", "denominator"):
        assert spark_values[column].isna().tolist() == duck_values[column].isna().tolist(), column
        assert spark_values[column].fillna(0).tolist() == pytest.approx(
            duck_values[column].fillna(0).tolist(), rel=1e-9, abs=1e-9
        ), column
