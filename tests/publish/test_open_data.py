"""The release for machines: SDMX-CSV read back with pysdmx against its own data structure, and
each indicator's JSON, hold the same cells as indicator_values.csv and hide what it hides; the
release's CSVs write a count as a whole number."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from pysdmx.io import get_datasets, read_sdmx

from publish.sdmx import DATA_FILE, STRUCTURE_FILE, area_codes, category_code, dimension_id
from schemas.reference import DISAGGREGATIONS, TOTAL, UNKNOWN

CODED = {
    "INDICATOR": "CL_INDICATOR",
    "REF_AREA": "CL_AREA",
    **{dimension_id(d): f"CL_{dimension_id(d)}" for d in DISAGGREGATIONS},
    "UNIT_MEASURE": "CL_UNIT",
    "OBS_STATUS": "CL_OBS_STATUS",
    "CONF_STATUS": "CL_CONF_STATUS",
}


@pytest.fixture(scope="module")
def values(release_dir: Path) -> pd.DataFrame:
    return pd.read_csv(release_dir / "indicator_values.csv", dtype={"geo_code": str})


def test_sdmx_csv_reads_back_with_its_structure_and_matches_the_release(release_dir, values):
    structure = read_sdmx(str(release_dir / STRUCTURE_FILE))  # validated against SDMX-ML 3.0 XSD
    codelists = {cl.id: {code.id for code in cl.items} for cl in structure.get_codelists()}
    (dataset,) = get_datasets(str(release_dir / DATA_FILE), str(release_dir / STRUCTURE_FILE))
    data = dataset.data
    assert len(data) == len(values)
    for column, codelist in CODED.items():
        assert set(data[column].astype(str)) <= codelists[codelist], column
    # row by row: the same cell, the same number, hidden where the release hides it
    assert list(data["INDICATOR"]) == list(values["indicator_code"])
    assert list(data["REF_AREA"]) == list(area_codes(values))
    for dimension in DISAGGREGATIONS:
        codes = [category_code(dimension, c) for c in values[dimension]]
        assert list(data[dimension_id(dimension)]) == codes, dimension
    suppressed = values["obs_status"].eq("suppressed")
    assert suppressed.any()
    assert list(data["CONF_STATUS"]) == ["C" if s else "F" for s in suppressed]
    published = pd.to_numeric(data["OBS_VALUE"].replace("", None), errors="coerce").astype(float)
    for column in ("OBS_VALUE", "NUMERATOR", "DENOMINATOR"):
        written = pd.to_numeric(data[column].replace("", None), errors="coerce")
        assert written[suppressed.to_numpy()].isna().all(), column
    expected = values["value"].where(~suppressed)
    for got, want in zip(published, expected, strict=True):
        assert (math.isnan(got) and math.isnan(want)) or math.isclose(got, want, rel_tol=1e-12)


def test_sdmx_codelists_hold_every_category_of_the_reference_data(release_dir, values):
    """Each breakdown of calendar.yml is a dimension with its codelist (sex, age band, and the
    platform of IND-19's takedown notices), read back from the structure file."""
    structure = read_sdmx(str(release_dir / STRUCTURE_FILE))
    codelists = {cl.id: [code.id for code in cl.items] for cl in structure.get_codelists()}
    for dimension, categories in DISAGGREGATIONS.items():
        expected = [category_code(dimension, c) for c in [TOTAL, *categories, UNKNOWN]]
        assert codelists[f"CL_{dimension_id(dimension)}"] == expected, dimension
    assert codelists["CL_SEX"] == ["_T", "M", "F", "_U"]
    assert codelists["CL_AGE"][1:3] == ["Y0T5", "Y6T10"]
    assert "FACEBOOK" in codelists["CL_PLATFORM"]
    (dataset,) = get_datasets(str(release_dir / DATA_FILE), str(release_dir / STRUCTURE_FILE))
    platforms = dataset.data.loc[dataset.data["PLATFORM"] != TOTAL, ["INDICATOR", "PLATFORM"]]
    assert set(platforms["INDICATOR"]) == {"IND-19"}
    assert set(platforms["PLATFORM"]) >= {"FACEBOOK", "TIKTOK"}


def test_school_years_are_sdmx_time_ranges(release_dir, values):
    (dataset,) = get_datasets(str(release_dir / DATA_FILE), str(release_dir / STRUCTURE_FILE))
    school = values["period_type"].eq("school_year").to_numpy()
    assert school.any()
    periods = dataset.data["TIME_PERIOD"].astype(str)
    assert all(p.endswith("-09-01/P9M") for p in periods[school])
    assert set(periods[~school]) == set(values.loc[~school, "period"].astype(str))


def test_each_indicators_json_holds_its_rows_with_suppressed_numbers_as_null(release_dir, values):
    manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
    checked = 0
    for slug, names in manifest["downloads"].items():
        document = json.loads((release_dir / names["json"]).read_text(encoding="utf-8"))
        rows = values[values["slug"] == slug]
        assert document["release"]["release_id"] == manifest["release_id"]
        assert document["release"]["is_sample"] == manifest["is_sample"]
        assert document["indicator"]["slug"] == slug
        assert len(document["values"]) == len(rows)
        hidden = [r for r in document["values"] if r["obs_status"] == "suppressed"]
        assert len(hidden) == int(rows["obs_status"].eq("suppressed").sum())
        assert all(r["value"] is None and r["numerator"] is None for r in hidden)
        shown = sum(r["value"] for r in document["values"] if r["value"] is not None)
        assert math.isclose(shown, rows["value"].sum(), rel_tol=1e-9)
        checked += 1
    assert checked == len(values["slug"].unique())


def test_counts_are_whole_numbers_in_every_csv_and_every_number_is_unchanged(release_dir):
    """indicator_values.csv and each indicator's CSV write a count as 80, never 80.0, a rate
    with its decimals, and parse to the very doubles of the release's Parquet (the SDMX-CSV
    writes its doubles as its data structure types them: publish/numbers.py)."""
    parquet = pd.read_parquet(release_dir / "indicator_values.parquet")
    exact = {"float_precision": "round_trip", "dtype": {"geo_code": str, "period": str}}
    back = pd.read_csv(release_dir / "indicator_values.csv", **exact)
    for column in ("value", "numerator", "denominator"):
        assert back[column].fillna(-1).tolist() == parquet[column].fillna(-1).tolist(), column
    with (release_dir / "indicator_values.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    counts = [r["value"] for r in rows if r["unit"] == "count" and r["value"]]
    assert counts and all(text.isdigit() for text in counts)
    assert any("." in r["value"] for r in rows if r["unit"] == "percent")
    assert all(r["numerator"].isdigit() for r in rows if r["unit"] == "count" and r["numerator"])
    manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
    for slug, names in manifest["downloads"].items():
        path = release_dir / names["csv"]
        one = pd.read_csv(path, encoding="utf-8-sig", **exact)
        rows = parquet[parquet["slug"] == slug].sort_values(["geo_scheme", "period", "geo_code"],
                                                            kind="stable")  # fmt: skip
        assert one["value"].fillna(-1).tolist() == rows["value"].fillna(-1).tolist(), slug
