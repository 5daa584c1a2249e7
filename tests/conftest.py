"""Session fixtures: the whole pipeline run once, through Dagster, on a tiny sample.

The environment points every path at a temporary folder before anything imports the Dagster
definitions; the release the pipeline publishes there is what the site's browser tests serve.
"""

from __future__ import annotations

from collections.abc import Iterator
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
def pipeline_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PipelineRun]:
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
    # The variables hold for the session's tests and are restored at its end.
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)

        from orchestration.run_all import ensure_sample, run_pipeline

        ensure_sample(TEST_SCALE, TEST_SEED)
        run_id = run_pipeline()
        yield PipelineRun(
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


_SLOW_FIXTURES = {"pipeline_run", "release_dir"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that needs the session's pipeline run (``make test-fast``
    deselects them with the ``browser`` and ``spark`` tests)."""
    for item in items:
        if _SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
