"""Session fixtures: the whole pipeline run once, through Dagster, on a tiny sample.

The environment points every path at a temporary folder before anything imports the Dagster
definitions; the release the pipeline publishes there is what the site's browser tests serve.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

TEST_SCALE = 0.02
TEST_SEED = 830


@dataclass(frozen=True)
class PipelineRun:
    data_dir: Path
    landing_dir: Path
    warehouse_path: Path
    publish_dir: Path
    run_id: str

    @property
    def release_dir(self) -> Path:
        return (self.publish_dir / "current").resolve()


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    data_dir = tmp_path_factory.mktemp("data")
    (data_dir / "dagster_home").mkdir()
    environment = {
        "COP_DATA_DIR": str(data_dir),
        "COP_LANDING_DIR": str(data_dir / "landing"),
        "COP_WAREHOUSE_PATH": str(data_dir / "warehouse" / "warehouse.duckdb"),
        "COP_PUBLISH_DIR": str(data_dir / "publish"),
        "DAGSTER_HOME": str(data_dir / "dagster_home"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    os.environ.update(environment)

    from orchestration.run_all import ensure_sample, run_pipeline

    ensure_sample(TEST_SCALE, TEST_SEED)
    run_id = run_pipeline()
    return PipelineRun(
        data_dir=data_dir,
        landing_dir=data_dir / "landing",
        warehouse_path=data_dir / "warehouse" / "warehouse.duckdb",
        publish_dir=data_dir / "publish",
        run_id=run_id,
    )


@pytest.fixture(scope="session")
def release_dir(pipeline_run: PipelineRun) -> Path:
    """The release the real pipeline published (the site's browser tests serve it)."""
    return pipeline_run.release_dir
