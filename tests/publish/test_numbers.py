"""Counts written as whole numbers (publish/numbers.py), read back from the files the publish
step writes: a count column has no `.0`, a rate keeps its decimals, every number parses to the
value it had, and the workbook keeps numbers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from publish.downloads import download_names, write_indicator_downloads
from publish.numbers import whole_counts
from tests.dashboard.release_fixture import COUNT, RATE, write_sample_release


@pytest.fixture(scope="module")
def values(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    release = write_sample_release(tmp_path_factory.mktemp("numbers") / "release")
    return pd.read_parquet(release / "indicator_values.parquet")


@pytest.fixture(scope="module")
def downloads(values: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("downloads")
    indicators = pd.DataFrame([{"slug": RATE["slug"]}, {"slug": COUNT["slug"]}])
    write_indicator_downloads(folder, values, indicators, {"release_id": "r1"})
    return folder


def _texts(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return [row[column] for row in csv.DictReader(file)]


def test_a_count_indicators_csv_writes_whole_numbers(downloads: Path, values) -> None:
    texts = _texts(downloads / download_names(COUNT["slug"])["csv"], "value")
    assert texts and all(t.isdigit() for t in texts)  # 11447, never 11447.0
    assert "11447" in texts


def test_a_rate_keeps_its_decimals_and_its_counts_are_whole(downloads: Path, values) -> None:
    path = downloads / download_names(RATE["slug"])["csv"]
    rates = [t for t in _texts(path, "value") if t]
    assert "96.2" in rates and any("." in t for t in rates)
    numerators = [t for t in _texts(path, "numerator") if t]
    assert numerators and all(t.isdigit() for t in numerators)
    assert "" in _texts(path, "numerator")  # the suppressed cell stays empty


@pytest.mark.parametrize("slug", [RATE["slug"], COUNT["slug"]])
def test_every_number_reads_back_as_it_was(downloads: Path, values, slug: str) -> None:
    names = download_names(slug)
    rows = values[values["slug"] == slug].sort_values(["geo_scheme", "period", "geo_code"])
    back = pd.read_csv(downloads / names["csv"], encoding="utf-8-sig", dtype={"geo_code": str})
    for column in ("value", "numerator", "denominator"):
        expected = rows[column].astype(float).tolist()
        assert (
            back[column].astype(float).fillna(-1).tolist()
            == pd.Series(expected).fillna(-1).tolist()
        )
    document = json.loads((downloads / names["json"]).read_text(encoding="utf-8"))
    if slug == COUNT["slug"]:
        assert all(isinstance(row["value"], int) for row in document["values"])
    sheet = openpyxl.load_workbook(downloads / names["xlsx"], read_only=True)["Data"]
    header, *cells = list(sheet.iter_rows(values_only=True))
    numbers = [row[header.index("value")] for row in cells]
    assert all(n is None or isinstance(n, int | float) for n in numbers)  # numeric cells


def test_a_column_of_counts_and_rates_writes_each_as_it_is(values) -> None:
    """indicator_values.csv holds both: a count's value whole, a rate's with its decimals,
    and every number parses back to the double it was."""
    text = whole_counts(values).to_csv(index=False)
    back = pd.read_csv(io.StringIO(text), dtype={"geo_code": str, "period": str})
    with io.StringIO(text) as file:
        rows = list(csv.DictReader(file))
    counts = [r["value"] for r in rows if r["unit"] == "count" and r["value"]]
    rates = [r["value"] for r in rows if r["unit"] == "percent" and r["value"]]
    assert counts and all(t.isdigit() for t in counts)
    assert any("." in t for t in rates) and "96.2" in rates
    for column in ("value", "numerator", "denominator"):
        assert back[column].fillna(-1).tolist() == values[column].astype(float).fillna(-1).tolist()


def test_a_denominator_with_decimals_keeps_them() -> None:
    frame = pd.DataFrame(
        {
            "indicator_code": ["IND-10", "IND-10", "IND-04"],
            "unit": ["per_1000_children", "per_1000_children", "count"],
            "value": [3.67, 4.0, 52.0],
            "numerator": [91084.0, 100.0, 52.0],
            "denominator": [24773813.38, 25000.0, None],
        }
    )
    typed = whole_counts(frame)
    assert typed["value"].tolist()[:2] == [3.67, 4.0]  # a rate that happens to be whole too
    assert typed["value"].tolist()[2] == 52 and isinstance(typed["value"].tolist()[2], int)
    assert typed["numerator"].tolist() == [91084, 100, 52]
    assert typed["denominator"].tolist()[:2] == [24773813.38, 25000.0]
