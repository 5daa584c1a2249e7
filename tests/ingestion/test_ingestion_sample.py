"""The sample generator: deterministic, shaped and sized like the real sources."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from ingestion.sample import generate
from ingestion.sample.hotline import cases_year, contacts_year
from ingestion.sample.training import write_training
from schemas.reference import province_lists


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    first = _digest_of_run(tmp_path / "a", seed=830)
    again = _digest_of_run(tmp_path / "b", seed=830)
    other = _digest_of_run(tmp_path / "c", seed=831)
    assert first == again
    assert any(path.endswith(".xlsx") for path in first)
    assert first != other


def _digest_of_run(out: Path, seed: int) -> dict[str, str]:
    generate(out, scale=0.01, seed=seed, start="2024-06", end="2024-06")
    return _digest(out)


def test_layout_follows_the_contract(tiny_sample) -> None:
    landing, summary = tiny_sample
    files = {p.relative_to(landing).as_posix() for p in landing.rglob("*") if p.is_file()}
    for month in ("2025-06", "2025-07", "2025-08", "2025-09"):
        assert f"hotline/contacts_{month}.csv" in files
        assert f"hotline/cases_{month}.csv" in files
        assert f"portal/analytics_{month}.json" in files
    q2 = {f for f in files if f.startswith("training/2025-Q2/")}
    q3 = {f for f in files if f.startswith("training/2025-Q3/")}
    first = {f for f in q2 | q3 if "_v" not in f}
    assert 40 <= len(first & q2) <= 63 and 20 <= len(first & q3) <= 34  # some miss a quarter
    codes_2025 = set(province_lists().p2025.index)
    assert {Path(f).stem.split("_")[0] for f in q3} <= codes_2025
    assert summary.files["training_events"] == len(q2) + len(q3)
    assert summary.deliveries["training_reports"] == len(first)
    again = {f.replace("_v2", "") for f in (q2 | q3) - first}
    assert again <= first  # a second delivery always follows a first one
    assert "hotline/contacts_2025-07_v2.csv" in files


def test_exports_carry_identifying_columns_to_drop(tiny_sample) -> None:
    landing, _ = tiny_sample
    contacts = pd.read_csv(landing / "hotline/contacts_2025-06.csv", dtype=str)
    assert {"caller_name", "caller_phone", "notes"} <= set(contacts.columns)
    cases = pd.read_csv(landing / "hotline/cases_2025-06.csv", dtype=str)
    assert {"child_name", "caller_phone", "address", "notes"} <= set(cases.columns)


def test_sample_labels_in_xlsx_and_json(tiny_sample) -> None:
    landing, _ = tiny_sample
    report = next((landing / "training/2025-Q2").glob("*.xlsx"))
    rows = list(load_workbook(report, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert "DỮ LIỆU MẪU" in rows[0][0]
    assert "Số người tham dự - Nữ" in rows[4] and "Điểm sau" in rows[4]
    assert rows[-1][0] == "Tổng cộng"
    document = json.loads((landing / "portal/analytics_2025-07.json").read_text("utf-8"))
    assert document["is_sample"] is True


def test_contact_volume_is_proportional_to_scale() -> None:
    small = contacts_year(2021, 0.01, 830)
    double = contacts_year(2021, 0.02, 830)
    assert len(small) == round(507_861 * 0.01)
    assert len(double) == round(507_861 * 0.02)
    assert len(contacts_year(2023, 0.01, 830)) == round(323_615 * 0.01)


@cache
def _full_scale(year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A year's contacts and case-children at scale 1, in memory (no files written)."""
    return contacts_year(year, 1.0, 830), cases_year(year, 1.0, 830)


PUBLISHED = {  # PROGRAMME.md §3: contacts, app + Zalo notifications, support / intervention cases
    2021: (507_861, 1_651, 1_257),
    2022: (368_346, 9_679, 1_561),
    2023: (323_615, 1_313, 1_230),
}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_scale_one_reproduces_published_magnitudes(year: int) -> None:
    contacts, cases = _full_scale(year)
    in_year = pd.to_datetime(contacts["received_at"]).dt.year == year
    app_zalo = contacts["channel"].isin(["Ứng dụng", "Zalo"])
    opened = pd.to_datetime(cases["opened_at"], format="%d/%m/%Y %H:%M").dt.year == year
    found = (
        int(in_year.sum()),
        int((app_zalo & in_year).sum()),
        cases[opened]["case_id"].nunique(),
    )
    names = ("contacts", "app+zalo", "cases")
    for name, got, published in zip(names, found, PUBLISHED[year], strict=True):
        assert abs(got - published) <= 0.03 * published, (year, name, got, published)


def test_contact_mix_at_full_scale() -> None:
    frame = _full_scale(2022)[0]
    channels = frame["channel"].value_counts()
    assert channels["Ứng dụng"] + channels["Zalo"] == 9_679
    assert channels["Điện thoại"] / len(frame) > 0.95
    outcomes = frame["outcome"].value_counts(normalize=True)
    assert 0.06 < outcomes["information"] + outcomes["in_depth_counselling"] < 0.085
    assert frame["outcome"].eq("intervention_request").sum() == 1_561
    months = frame.groupby("_month").size()
    assert months[2] < months[7]  # Tết dip, summer rise


def test_cases_children_and_online_trend() -> None:
    early = _full_scale(2021)[1]
    late = cases_year(2025, 1.0, 830)
    assert early["case_id"].nunique() == 1_257
    assert 1.08 < len(early) / early["case_id"].nunique() < 1.16
    share = [f.drop_duplicates("case_id")["online_related"].mean() for f in (early, late)]
    assert 0.02 < share[0] < 0.06 and 0.07 < share[1] < 0.13


def test_new_province_codes_from_july_2025() -> None:
    frame = contacts_year(2025, 0.05, 830)
    stamps = pd.to_datetime(frame["received_at"])
    coded = frame["province"].str.fullmatch(r"\d{2}")
    after = set(frame.loc[coded & (stamps >= "2025-07-01"), "province"])
    before = set(frame.loc[coded & (stamps < "2025-07-01"), "province"])
    assert after <= set(province_lists().p2025.index)
    assert before <= set(province_lists().p2004.index) and len(before) > 34


@pytest.mark.parametrize("quarter", [2])
def test_children_trained_share_at_full_scale(tmp_path: Path, quarter: int) -> None:
    written = write_training(tmp_path, 2023, quarter, 1.0, 830)
    files, events, children = written.files, written.events, written.children
    yearly_share = children * 4 / 24_776_733
    assert files > 40 and events > files
    assert 0.005 <= yearly_share <= 0.03
    assert np.isfinite(yearly_share)


def test_a_sample_from_an_older_generator_is_rewritten(tmp_path: Path, monkeypatch) -> None:
    """make run reuses a landing folder only when seed, scale and generator version match."""
    import ingestion.sample as sample
    from orchestration.run_all import ensure_sample

    monkeypatch.setenv("COP_LANDING_DIR", str(tmp_path))
    calls: list[tuple[float, int]] = []

    def fake_generate(out: Path, scale: float, seed: int, **_kwargs: object):
        calls.append((scale, seed))
        sample.write_sample_marker(out, scale=scale, seed=seed)
        return sample.SampleSummary()

    monkeypatch.setattr(sample, "generate", fake_generate)
    ensure_sample(0.01, 830)
    marker = json.loads((tmp_path / sample.SAMPLE_MARKER).read_text("utf-8"))
    assert marker["generator_version"] == sample.GENERATOR_VERSION
    ensure_sample(0.01, 830)  # same seed, scale and generator: reused
    assert calls == [(0.01, 830)]
    marker["generator_version"] = sample.GENERATOR_VERSION - 1  # written by an older generator
    (tmp_path / sample.SAMPLE_MARKER).write_text(json.dumps(marker), encoding="utf-8")
    ensure_sample(0.01, 830)
    assert calls == [(0.01, 830), (0.01, 830)]
    del marker["generator_version"]  # written before the marker had a version
    (tmp_path / sample.SAMPLE_MARKER).write_text(json.dumps(marker), encoding="utf-8")
    ensure_sample(0.01, 830)
    assert len(calls) == 3
