"""`make bench`'s floor and incremental case (orchestration/bench*.py): figures only, so these
tests check what the figures stand on, never a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orchestration.bench import CORRECTED_MONTH, correct_one_month
from orchestration.bench_floor import FloorMismatch, check_against_release, run_floor
from orchestration.bench_table import markdown


def test_floor_computes_the_releases_figures(pipeline_run) -> None:
    floor, seconds = run_floor(pipeline_run.landing_dir)
    assert seconds > 0
    assert check_against_release(floor, pipeline_run.release_dir) >= 5  # the years and figures


def test_floor_fails_on_a_figure_that_differs(pipeline_run) -> None:
    floor, _ = run_floor(pipeline_run.landing_dir)
    floor.loc[floor.index[-1], "contacts"] += 1
    with pytest.raises(FloorMismatch, match="online_contact_share denominator"):
        check_against_release(floor, pipeline_run.release_dir)


def test_correction_changes_one_contact_of_one_month(pipeline_run, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    (landing / "hotline").mkdir(parents=True)
    name = f"contacts_{CORRECTED_MONTH}.csv"
    shutil.copy(pipeline_run.landing_dir / "hotline" / name, landing / "hotline" / name)
    corrected = correct_one_month(landing)
    before = (landing / "hotline" / name).read_text(encoding="utf-8").splitlines()
    after = corrected.read_text(encoding="utf-8").splitlines()
    assert corrected.name == f"contacts_{CORRECTED_MONTH}_v2.csv"
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and ",Zalo," in changed[0][1]


def _figures(**more) -> dict:
    run = {"seconds": 50.0, "start_up": 2.0, "dbt_parse": 3.0, "steps": {"release": 2.5},
           "dagster_overhead": 4.0, "peak_rss_mib": 900}  # fmt: skip
    return {
        "machine": "x86_64, 2 cores", "scale": 1.0, "generate_s": 20.0, "pipeline": run,
        "floor": {"seconds": 5.0, "figures_equal_to_release": 35},
        "incremental": {**run, "seconds": 7.0, "fraction_of_full": 0.14},
        **more,
    }  # fmt: skip


def test_table_puts_each_figure_beside_its_target() -> None:
    table = markdown(_figures())
    assert "| **pipeline to a published release** | **50.0 s** | ≤ 60 s |" in table
    assert "| pipeline: step `release` | 2.5 s | ≤ 3 s |" in table
    assert "(14% of full)" in table


def test_table_shows_the_expensive_burst_and_the_test_layers() -> None:
    figures = _figures(
        site=None,
        site_heavy={"expensive_clients": 50, "burst_s": 9.0,
                    "home": {"requests": 80, "errors": 0, "p50_ms": 40.0, "p95_ms": 210.0},
                    "expensive": {"pdf": {"requests": 17, "statuses": {"200": 16, "503": 1},
                                          "p50_ms": 3000.0, "max_ms": 9000.0}}},
        tests={"lint": {"seconds": 20.0, "exit_code": 0, "summary": "ok"},
               "spark": {"seconds": 200.0, "exit_code": 1, "summary": "1 failed"},
               "total_s": 220.0},
    )  # fmt: skip
    table = markdown(figures)
    assert (
        "concurrent expensive requests, p50 / p95 (80 requests, 0 errors) | 40.0 / 210.0 ms"
        in table
    )
    assert "| p95 ≤ 300 ms |" in table
    assert "`pdf` (16× 200, 1× 503)" in table
    assert "| **`make test`, sum of its layers** | **220.0 s** | ≤ 8 min |" in table
    assert "tests: spark (1 failed, exit 1) | 200.0 s" in table
