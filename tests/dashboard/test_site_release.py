"""Pure tests of dashboard/release.py against the hand-made release."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import queries as q
from dashboard import release as rel
from tests.dashboard.release_fixture import COUNT, RATE, RELEASE_ID, write_sample_release


@pytest.fixture(scope="module")
def release(sample_release_dir: Path) -> rel.Release:
    return rel.load_release(sample_release_dir)


def test_default_release_dir_follows_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COP_RELEASE_DIR", raising=False)
    monkeypatch.delenv("COP_DATA_DIR", raising=False)
    assert rel.default_release_dir() == rel.REPO_ROOT / "data" / "publish" / "current"
    monkeypatch.setenv("COP_DATA_DIR", str(tmp_path))
    assert rel.default_release_dir() == tmp_path / "publish" / "current"
    monkeypatch.setenv("COP_RELEASE_DIR", str(tmp_path / "r1"))
    assert rel.default_release_dir() == tmp_path / "r1"


def test_load_release_reads_every_file(release: rel.Release) -> None:
    assert release.release_id == RELEASE_ID
    assert release.is_sample is True
    assert release.data_as_of == "2025-12-31"
    assert release.indicators["indicator_code"].tolist() == [RATE["code"], COUNT["code"]]
    assert release.indicators["decimals"].tolist() == [1, 0]
    assert release.targets["target_value"].tolist() == [100.0]
    assert set(release.values["geo_scheme"]) == {"national", "province_2004", "province_2025"}
    assert release.values["geo_code"].str.fullmatch(r"VN|\d\d").all()


def test_missing_release_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(rel.ReleaseNotFoundError):
        rel.load_release(tmp_path / "nothing-here")


def test_csv_is_read_when_parquet_is_absent(sample_release_dir: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(sample_release_dir, tmp_path / "csv-only")
    (copy / "indicator_values.parquet").unlink()
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["release_id"] = "csv-only"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    from_csv = rel.load_release(copy).values
    from_parquet = rel.load_release(sample_release_dir).values
    pd.testing.assert_frame_equal(from_csv, from_parquet, check_dtype=False)


def test_cache_follows_the_current_symlink(tmp_path: Path) -> None:
    first = write_sample_release(tmp_path / "releases" / "a")
    second = write_sample_release(tmp_path / "releases" / "b")
    manifest = json.loads((second / "manifest.json").read_text())
    manifest["release_id"] = "b"
    (second / "manifest.json").write_text(json.dumps(manifest))
    current = tmp_path / "current"
    current.symlink_to(first)
    a = rel.load_release(current)
    assert rel.load_release(current) is a  # cached
    tmp_link = tmp_path / "current.tmp"
    tmp_link.symlink_to(second)
    tmp_link.replace(current)  # the atomic swap publish does
    b = rel.load_release(current)
    assert b.release_id == "b"
    assert b.path == second.resolve()


def test_latest_national_value_per_indicator(release: rel.Release) -> None:
    rate, count = (q.latest_row(release, slug) for slug in (RATE["slug"], COUNT["slug"]))
    assert rate is not None and count is not None
    assert rate["period"] == "2025"
    assert rate["value"] == pytest.approx(96.2)
    assert rate["status"] == "at_risk"
    assert count["value"] == 15210
    assert count["status"] == "monitoring"


def test_targets_are_never_invented(release: rel.Release) -> None:
    rate = q.indicator_by_slug(release, RATE["slug"])
    count = q.indicator_by_slug(release, COUNT["slug"])
    target = q.target_for(release, rate)
    assert (target["target_id"], target["target_value"], target["kind"]) == ("T2", 100, "official")
    assert target["target_year"] == 2025
    assert q.target_for(release, count) is None
    assert q.derived_milestones(release, RATE["code"]).empty


def test_unknown_slug_is_none(release: rel.Release) -> None:
    assert q.indicator_by_slug(release, "no-such-indicator") is None
    assert q.indicator_by_slug(release, None) is None


def test_national_series_is_ordered(release: rel.Release) -> None:
    series = q.series(release, RATE["slug"])
    assert series["period"].tolist() == ["2021", "2022", "2023", "2024", "2025"]
    assert series["value"].iloc[0] == pytest.approx(82.4)
    assert (series["geo_code"] == "VN").all()


def test_province_table_by_scheme_and_year(release: rel.Release) -> None:
    assert q.periods(release, RATE["slug"], "province_2004") == [
        "2021", "2022", "2023", "2024", "2025",
    ]  # fmt: skip
    assert q.periods(release, RATE["slug"], "province_2025") == ["2025"]
    old = q.geo_table(release, RATE["slug"], "2025", "province_2004")
    new = q.geo_table(release, RATE["slug"], "2025", "province_2025")
    assert (len(old), len(new)) == (63, 34)
    assert old["geo_code"].is_monotonic_increasing
    assert q.geo_table(release, RATE["slug"], "2021", "province_2025").empty


def test_suppressed_cell_keeps_its_row_without_a_value(release: rel.Release) -> None:
    table = q.geo_table(release, RATE["slug"], "2025", "province_2004")
    cell = table[table["geo_code"] == "02"].iloc[0]
    assert cell["obs_status"] == "suppressed"
    assert math.isnan(cell["value"]) and math.isnan(cell["numerator"])


def test_extended_release_totals_dimensions_and_period_types(tmp_path: Path) -> None:
    from tests.dashboard.release_fixture import write_extended_release

    release = rel.load_release(write_extended_release(tmp_path / "extended"))
    assert rel.dimension_columns(release.values) == ["sex", "age_band"]
    assert q.indicator_dimensions(release, RATE["slug"]) == {
        "sex": ["_T", "male", "female"],
        "age_band": ["_T", "11-14"],
    }
    assert q.indicator_dimensions(release, COUNT["slug"]) == {}
    # Totals only: the latest national value is unchanged by the extra rows.
    assert q.latest_row(release, RATE["slug"])["value"] == pytest.approx(96.2)  # type: ignore[index]
    assert q.latest_row(release, COUNT["slug"])["value"] == 15210  # type: ignore[index]
    assert q.indicator_period_types(release, COUNT["slug"]) == ["year", "quarter"]
    quarterly = q.series(release, COUNT["slug"], period_type="quarter")
    assert quarterly["period"].tolist() == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    female = q.series(release, RATE["slug"], dims={"sex": "female"})
    assert female["value"].iloc[-1] == pytest.approx(98.2)
    assert len(q.geo_table(release, RATE["slug"], "2025", "province_2004")) == 63
    assert release.milestones is not None and release.milestones["activity"].tolist() == ["4a"]
    assert rel.release_file(release, "datapackage.json") is not None
    assert rel.release_file(release, "manifest.json") is None  # not listed
    assert rel.release_file(release, "../extended/datapackage.json") is None


def test_release_history_lists_sibling_releases(tmp_path: Path) -> None:
    first = write_sample_release(tmp_path / "releases" / "a")
    second = write_sample_release(tmp_path / "releases" / "b")
    manifest = json.loads((second / "manifest.json").read_text())
    manifest.update(release_id="b", created_at="2026-02-01T00:00:00Z")
    (second / "manifest.json").write_text(json.dumps(manifest))
    history = rel.release_history(rel.load_release(first))
    assert [h["release_id"] for h in history] == ["b", RELEASE_ID]
    assert [h["is_current"] for h in history] == [False, True]
