"""The hand-made release the site's tests serve (release_fixture.py) is held to what the
pipeline publishes: every file and column it writes is in the release contract (the public
models' YAML), every coded value is one the contract accepts, and its indicators and target
are the registry's, so a site test cannot pass on a release the pipeline could never write."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from publish.release import PUBLIC_TABLES
from schemas.registry_files import default_registry
from tests.dashboard.release_fixture import write_extended_release, write_sample_release

CONTRACT = Path(__file__).parents[2] / "dbt_project/models/marts/public/_public.yml"


def _contract() -> dict[str, dict[str, dict]]:
    """{file stem: {column: its YAML}} of the release's public tables."""
    models = {m["name"]: m for m in yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))["models"]}
    return {
        stem: {column["name"]: column for column in models[table]["columns"]}
        for table, stem in PUBLIC_TABLES.items()
    }


def _accepted(column: dict) -> set[str] | None:
    for test in column.get("data_tests", []):
        if isinstance(test, dict) and "accepted_values" in test:
            return {str(v) for v in test["accepted_values"]["arguments"]["values"]}
    return None


def _not_null(column: dict) -> bool:
    tests = column.get("data_tests", [])
    constraints = [c.get("type") for c in column.get("constraints", [])]
    return "not_null" in tests or "not_null" in constraints


def contract_violations(release: Path) -> list[str]:
    contract = _contract()
    found = []
    for csv in sorted(release.glob("*.csv")):
        if csv.stem == "geographies":  # the public reference lists, not a dbt model
            continue
        if csv.stem not in contract:
            found.append(f"{csv.name}: not a file of the release contract")
            continue
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
        columns = contract[csv.stem]
        for name in frame.columns:
            if name not in columns:
                found.append(f"{csv.name}: column {name} is not in the contract")
                continue
            accepted = _accepted(columns[name])
            values = set(frame[name]) - {""}
            if accepted is not None and values - accepted:
                found.append(f"{csv.name}.{name}: {sorted(values - accepted)} not accepted")
            if _not_null(columns[name]) and (frame[name] == "").any():
                found.append(f"{csv.name}.{name}: empty where the contract says not null")
    return found


@pytest.mark.parametrize("write", [write_sample_release, write_extended_release])
def test_the_fixture_release_keeps_the_release_contract(tmp_path, write):
    assert contract_violations(write(tmp_path / "release")) == []


def test_the_contract_check_sees_a_status_the_engine_never_gives(tmp_path):
    release = write_sample_release(tmp_path / "release")
    values = pd.read_csv(release / "indicator_values.csv", dtype=str)
    values.loc[0, "status"] = "baseline_ok"
    values["colour"] = "red"
    values.to_csv(release / "indicator_values.csv", index=False)
    found = contract_violations(release)
    assert "indicator_values.csv.status: ['baseline_ok'] not accepted" in found
    assert "indicator_values.csv: column colour is not in the contract" in found


def test_the_fixture_describes_its_indicators_and_target_as_the_registry_does(tmp_path):
    release = write_sample_release(tmp_path / "release")
    registry = default_registry()
    indicators = pd.read_csv(release / "indicators.csv", dtype=str, keep_default_na=False)
    for row in indicators.to_dict("records"):
        indicator = registry.indicator(row["slug"])
        assert row["indicator_code"] == indicator.code
        assert (row["name_vi"], row["name_en"]) == (indicator.name.vi, indicator.name.en)
        assert row["unit"] == indicator.unit and row["direction"] == indicator.direction
        assert int(row["decimals"]) == indicator.decimals
        assert row["target_id"] == (indicator.target_id or "")
    official = {
        (p.programme_id, t.target_id, t.indicator_code, t.target_year, t.target_value)
        for p in registry.programmes
        for t in p.targets
        if t.kind == "official"
    }
    targets = pd.read_csv(release / "targets.csv")
    for row in targets.to_dict("records"):
        key = (row["programme_id"], row["target_id"], row["indicator_code"])
        assert (*key, row["target_year"], row["target_value"]) in official
    values = pd.read_csv(release / "indicator_values.csv", dtype=str, keep_default_na=False)
    units = {i.code: i.unit for i in registry.indicators}
    assert (values.indicator_code.map(units) == values.unit).all()
    hidden = values[values.obs_status == "suppressed"]
    assert len(hidden) == 1 and set(hidden.status) == {"suppressed"}
