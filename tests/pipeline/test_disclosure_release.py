"""Disclosure control on the release the pipeline published (tests/conftest.py): re-audited from
the published file and the public province lists alone, checked against the unsuppressed marts."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest

from publish.disclosure.audit import audit
from publish.disclosure.geography import reference_geography
from publish.disclosure.model import KEY, build_model
from schemas.registry_files import load_registry

PROTECTED = [
    i
    for i in load_registry().indicators
    if i.disclosure.min_cell > 0 and not i.disclosure.same_cells_as
]


@pytest.fixture(scope="module")
def release_values(pipeline_run) -> pd.DataFrame:
    return pd.read_parquet(pipeline_run.release_dir / "indicator_values.parquet")


@pytest.fixture(scope="module")
def restricted(pipeline_run) -> pd.DataFrame:
    with duckdb.connect(str(pipeline_run.warehouse_path), read_only=True) as con:
        return con.execute("select * from marts.fct_indicator_values").df()


def test_the_manifest_reports_the_audit(pipeline_run, release_values):
    manifest = json.loads((pipeline_run.release_dir / "manifest.json").read_text())
    audit_figures = manifest["disclosure"]
    by_code = {f["indicator_code"]: f for f in audit_figures["indicators"]}
    assert set(by_code) == {i.code for i in PROTECTED}
    for indicator in PROTECTED:
        cells = release_values[release_values.indicator_code == indicator.code]
        figures = by_code[indicator.code]
        assert figures["cells"] == len(cells)
        hidden = (cells.obs_status == "suppressed").sum()
        assert figures["primary"] + figures["secondary"] + figures["nested"] == hidden
        assert figures["relations"] > 0
    assert audit_figures["secondary_suppressed"] > 0, "the tiny sample must need complements"


def test_a_nested_indicator_publishes_no_cell_its_container_hides(release_values):
    """IND-02's numerator is part of IND-08's count (registry at_most): a published IND-02
    numerator where IND-08 is hidden would be a lower bound on the hidden count."""
    nested = [i for i in load_registry().indicators if i.disclosure.at_most]
    assert {i.code for i in nested} >= {"IND-02", "IND-07"}
    slugs = {i.slug: i.code for i in load_registry().indicators}
    key = ["period_type", "period", "geo_scheme", "geo_code", "sex", "age_band"]
    for indicator in nested:
        bound = indicator.disclosure.at_most
        mine = release_values[release_values.indicator_code == indicator.code]
        theirs = release_values[release_values.indicator_code == slugs[bound.indicator]]
        hidden = theirs[theirs.obs_status == "suppressed"][key]
        shown = mine[mine[bound.measure].notna()][key]
        assert len(hidden.merge(shown, on=key)) == 0, indicator.code
        both = mine.merge(theirs, on=key, suffixes=("", "_theirs")).dropna(
            subset=[bound.measure, f"{bound.of}_theirs"]
        )
        assert len(both) > 0
        assert (both[bound.measure] <= both[f"{bound.of}_theirs"]).all(), indicator.code


def test_no_small_count_is_published(release_values):
    for indicator in PROTECTED + [
        i for i in load_registry().indicators if i.disclosure.same_cells_as
    ]:
        published = release_values[
            (release_values.indicator_code == indicator.code)
            & (release_values.obs_status != "suppressed")
        ]
        small = published.numerator.between(1, indicator.disclosure.min_cell - 1)
        if not indicator.disclosure.denominator_is_public:
            small |= published.denominator.between(1, indicator.disclosure.min_cell - 1)
        assert not small.any(), published[small].head()
    hidden = release_values[release_values.obs_status == "suppressed"]
    assert hidden[["value", "numerator", "denominator"]].isna().all().all()


@pytest.mark.parametrize("indicator", PROTECTED, ids=lambda i: i.code)
def test_no_hidden_cell_comes_back_from_the_release_alone(indicator, release_values, restricted):
    """The attacker's view: the published file, the relations between its cells and the public
    province lists. No hidden value comes back exactly (but for a zero, which says what a
    published zero says); every hidden small count (known here from the unsuppressed marts) keeps
    an interval at least the threshold wide."""
    cells = release_values[release_values.indicator_code == indicator.code].reset_index(drop=True)
    model = build_model(cells, indicator.published_detail(), reference_geography())
    hidden = [j for j in range(len(cells)) if cells.obs_status.iat[j] == "suppressed"]
    measures = (
        ["numerator"]
        if indicator.disclosure.denominator_is_public
        else ["numerator", "denominator"]
    )
    measures = [m for m in measures if cells[m].notna().any()]
    published = {
        m: {
            **{j: float(cells[m].iat[j]) for j in range(len(cells)) if j not in set(hidden)},
            **dict.fromkeys(model.phantom, 0.0),
        }
        for m in measures
    }
    result = audit(model, published, hidden)
    truth = cells.merge(restricted, on=["indicator_code", *KEY], suffixes=("", "_true"))
    small = {
        (tuple(r[KEY]), m)
        for _, r in truth.iterrows()
        for m in measures
        if 1 <= r[f"{m}_true"] < indicator.disclosure.min_cell
    }
    assert result.intervals
    for interval in result.intervals:
        key = model.keys[interval.column]
        # a value pinned to zero says no event happened, as a published zero does
        recovered = interval.width <= 1e-6 and interval.high > 1e-6
        assert not recovered, f"{indicator.code} {key} comes back exactly"
        if (key, interval.measure) in small:
            assert interval.width >= indicator.disclosure.min_cell - 1e-6, (key, interval)


@pytest.mark.parametrize("indicator", PROTECTED, ids=lambda i: i.code)
def test_the_relation_model_holds_on_the_unsuppressed_marts(indicator, release_values, restricted):
    """dbt's geocoding and aggregation and the disclosure model's relations agree: with every
    cell's true value, some non-negative table of hidden quantities satisfies every relation
    (the audit raises ModelError otherwise)."""
    cells = release_values[release_values.indicator_code == indicator.code]
    true = cells[["indicator_code", *KEY]].merge(restricted, on=["indicator_code", *KEY])
    assert len(true) == len(cells)
    model = build_model(true, indicator.published_detail(), reference_geography())
    values = {j: float(true.numerator.iat[j]) for j in range(len(true))}
    audit(model, {"numerator": {**values, **dict.fromkeys(model.phantom, 0.0)}}, [])


def test_every_published_file_hides_the_same_cells(pipeline_run, release_values):
    """The whole-release CSV and XLSX and each indicator's own download carry the protected
    values (a file written from the unprotected marts would give the complements back)."""
    release = pipeline_run.release_dir
    manifest = json.loads((release / "manifest.json").read_text())
    key = ["indicator_code", *KEY]
    hidden = set(map(tuple, release_values[release_values.obs_status == "suppressed"][key].values))
    files = [pd.read_csv(release / "indicator_values.csv", dtype=str)]
    files.append(pd.read_excel(release / "indicator_values.xlsx", sheet_name="Data", dtype=str))
    downloads = manifest["downloads"].values()
    files += [
        pd.read_csv(release / names["csv"], dtype=str, encoding="utf-8-sig") for names in downloads
    ]
    files += [  # the JSON of each indicator, for programs
        pd.DataFrame(json.loads((release / names["json"]).read_text())["values"]).astype(
            {"period": str, "geo_code": str}
        )
        for names in downloads
    ]
    for frame in files[:2]:
        assert set(map(tuple, frame[frame.obs_status == "suppressed"][key].values)) == hidden
    for per_indicator in (
        pd.concat(files[2 : 2 + len(downloads)]),
        pd.concat(files[2 + len(downloads) :]),
    ):
        assert (
            set(map(tuple, per_indicator[per_indicator.obs_status == "suppressed"][key].values))
            == hidden
        )
    for frame in files:
        assert frame[frame.obs_status == "suppressed"][["value", "numerator"]].isna().all().all()
