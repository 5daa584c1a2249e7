"""Session fixtures: the whole pipeline run once, through Dagster, on a tiny sample.

The environment points every path at a temporary folder before anything imports the Dagster
definitions; the release the pipeline publishes there is what the site's browser tests serve.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

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
def pipeline_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[PipelineRun]:
    # Under pytest-xdist (`make test` runs two workers) the workers share one run: the first to
    # take the lock runs the pipeline, the others wait for it and read what it wrote.
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    data_dir = shared / "pipeline-data"
    environment = {
        "COP_DATA_DIR": str(data_dir),
        "COP_LANDING_DIR": str(data_dir / "landing"),
        "COP_WAREHOUSE_PATH": str(data_dir / "warehouse" / "warehouse.duckdb"),
        "COP_PUBLISH_DIR": str(data_dir / "publish"),
        "DAGSTER_HOME": str(data_dir / "dagster_home"),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    # The variables hold for the session's tests and are restored at its end.
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)
        done = shared / "pipeline-run-id"
        with FileLock(shared / "pipeline.lock"):
            if not done.exists():
                from orchestration.run_all import ensure_sample, run_pipeline

                (data_dir / "dagster_home").mkdir(parents=True, exist_ok=True)
                ensure_sample(TEST_SCALE, TEST_SEED)
                done.write_text(run_pipeline())
        yield PipelineRun(
            data_dir=data_dir,
            landing_dir=data_dir / "landing",
            warehouse_path=data_dir / "warehouse" / "warehouse.duckdb",
            publish_dir=data_dir / "publish",
            run_id=done.read_text(),
        )


@pytest.fixture(scope="session")
def release_dir(pipeline_run: PipelineRun) -> Path:
    """The release the real pipeline published (the site's browser tests serve it)."""
    return pipeline_run.release_dir


_SLOW_FIXTURES = {"pipeline_run", "release_dir"}


SPARK = "tests/pipeline/test_spark.py"
RERUNS = "tests/orchestration/test_kill_and_rerun.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that needs the session's pipeline run (``make test-fast``
    deselects them with the ``browser`` and ``spark`` tests), and order the modules for the
    two pytest-xdist workers (``--dist loadscope --no-loadscope-reorder`` keeps this order):
    the Spark build first (the longest: its worker runs the session pipeline, then Spark), then
    every module that needs no pipeline run (the other worker runs them meanwhile instead of
    waiting on the pipeline's lock), then the rerun sequence, then the rest."""
    for item in items:
        if _SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    waits = {
        _module(item)
        for item in items
        if item.get_closest_marker("slow") or item.get_closest_marker("spark")
    }

    def rank(item: pytest.Item) -> int:
        module = _module(item)
        if module == SPARK:
            return 0
        if module not in waits:
            return 1
        return 2 if module == RERUNS else 3

    items.sort(key=rank)  # stable: within a rank, pytest's order


def _module(item: pytest.Item) -> str:
    return item.nodeid.split("::")[0]
