"""Registry, dbt models and the published release name the same indicators."""

from pathlib import Path

import pandas as pd

from orchestration.settings import DBT_PROJECT_DIR
from schemas.dbt_registry import render_registry_macro
from schemas.registry import load_registry


def test_every_registry_indicator_has_its_dbt_model():
    models = {p.stem for p in (DBT_PROJECT_DIR / "models").rglob("ind_*.sql")}
    assert models == {i.dbt_model for i in load_registry().indicators}


def test_committed_registry_macro_is_up_to_date():
    committed = DBT_PROJECT_DIR / "macros" / "generated" / "registry.sql"
    assert committed.read_text(encoding="utf-8") == render_registry_macro(load_registry()), (
        "run `python -m orchestration.prepare` and commit dbt_project/macros/generated/"
    )


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
