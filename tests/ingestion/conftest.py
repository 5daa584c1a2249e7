"""Fixtures of the ingestion tests: one tiny generated landing folder per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ingestion.sample import SampleSummary, generate

WINDOW = ("2025-06", "2025-09")
"""Four months across the 1 July 2025 switch: training 2025-Q2 (63 codes) and 2025-Q3 (34)."""


@pytest.fixture(scope="session")
def tiny_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SampleSummary]:
    """A generated landing folder at scale 0.01 (read-only: copy it before changing files)."""
    out = tmp_path_factory.mktemp("landing_template")
    summary = generate(out, scale=0.01, seed=830, start=WINDOW[0], end=WINDOW[1])
    return out, summary


@pytest.fixture
def landing(tiny_sample: tuple[Path, SampleSummary], tmp_path: Path) -> Path:
    """A private, writable copy of the tiny landing folder."""
    target = tmp_path / "landing"
    shutil.copytree(tiny_sample[0], target)
    return target


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB file in the test's temporary folder."""
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    yield connection
    connection.close()
