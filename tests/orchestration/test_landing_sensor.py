"""The landing sensor: a missing folder is a failed tick, a file no source reads still gets a run
(so that its not_read ledger row is written)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.landing import LandingError
from orchestration.defs.ingestion.sensors import pending_partitions


def test_a_missing_landing_folder_fails_the_tick(tmp_path: Path) -> None:
    with pytest.raises(LandingError):
        pending_partitions(tmp_path / "nowhere", set(), {})


def test_an_xls_correction_requests_its_quarter(tmp_path: Path) -> None:
    (tmp_path / "training/2024-Q3").mkdir(parents=True)
    (tmp_path / "training/2024-Q3/01_v2.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    pending = pending_partitions(tmp_path, set(), {})
    assert list(pending) == ["training_events"]
    assert list(pending["training_events"]) == ["2024-Q3"]
