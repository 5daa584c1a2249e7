"""Registry, dbt models and the published release name the same indicators."""

from pathlib import Path

import pandas as pd
import yaml

from orchestration.settings import DBT_PROJECT_DIR
from schemas.dbt_registry import render_calendar_macro, render_registry_macro, render_unit_tests
from schemas.registry_files import load_registry


def test_every_registry_indicator_has_its_dbt_model():
    models = {p.stem for p in (DBT_PROJECT_DIR / "models").rglob("ind_*.sql")}
    assert models == {i.dbt_model for i in load_registry().indicators}


def test_committed_generated_dbt_files_are_up_to_date():
    registry = load_registry()
    for path, rendered in (
        (DBT_PROJECT_DIR / "macros" / "generated" / "registry.sql", render_registry_macro),
        (DBT_PROJECT_DIR / "macros" / "generated" / "calendar.sql", render_calendar_macro),
        (DBT_PROJECT_DIR / "models" / "generated" / "_registry_unit_tests.yml", render_unit_tests),
    ):
        assert path.read_text(encoding="utf-8") == rendered(registry), (
            f"run `python -m orchestration.prepare` and commit {path.name}"
        )


def test_every_indicator_gets_its_generated_unit_tests():
    tests = yaml.safe_load(render_unit_tests(load_registry()))["unit_tests"]
    names = {t["name"] for t in tests}
    registry = load_registry()
    assert {f"disclosure_{i.slug}" for i in registry.indicators} <= names
    zero = next(t for t in tests if t["model"] == "int_indicator_values_unioned")
    assert {g["input"] for g in zero["given"]} >= {
        f"ref('{i.dbt_model}')" for i in registry.indicators
    }
    # the threshold comes from each indicator's registry entry
    victims = next(t for t in tests if t["name"] == "disclosure_online_victims_supported")
    province_numerators = [
        r["numerator"] for r in victims["given"][0]["rows"] if r["geo_scheme"] == "province_2004"
    ]
    assert province_numerators == [4, 5, 0]


def test_release_publishes_exactly_the_registry(release_dir: Path):
    registry = load_registry()
    indicators = pd.read_csv(release_dir / "indicators.csv")
    values = pd.read_parquet(release_dir / "indicator_values.parquet")
    expected = {i.code: i.slug for i in registry.indicators}
    assert dict(zip(indicators.indicator_code, indicators.slug, strict=True)) == expected
    assert set(values.indicator_code) == set(expected)
    for indicator in registry.indicators:
        published = set(values[values.indicator_code == indicator.code].period_type)
        assert published == set(indicator.periodicity), indicator.code
