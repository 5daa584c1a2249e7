"""Reference data is a leaf: the contracts depend on it and on nothing of ingestion."""

from __future__ import annotations

import ast
from pathlib import Path

from orchestration.settings import DBT_PROJECT_DIR
from schemas.reference import province_lists, read_reference_csv

ROOT = Path(__file__).resolve().parents[2]


def _imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_schemas_import_nothing_from_ingestion_or_later_layers() -> None:
    layers = ("ingestion", "orchestration", "publish", "dashboard")
    offending = {
        path: sorted(n for n in names if n.split(".")[0] in layers)
        for path, names in _imported_modules(ROOT / "schemas").items()
    }
    assert {p: n for p, n in offending.items() if n} == {}


def test_reference_package_imports_no_project_module() -> None:
    project = ("schemas", "ingestion", "orchestration", "publish", "dashboard")
    for path, names in _imported_modules(ROOT / "schemas" / "reference").items():
        assert not [n for n in names if n.split(".")[0] in project], path


def test_dbt_seeds_are_the_reference_files() -> None:
    for seed, name in (
        ("ref_provinces_2004.csv", "provinces_2004.csv"),
        ("ref_provinces_2025.csv", "provinces_2025.csv"),
        ("ref_regions6.csv", "regions6.csv"),
        ("ref_population_2019.csv", "population_2019_census.csv"),
    ):
        path = DBT_PROJECT_DIR / "seeds" / seed
        assert path.resolve() == (ROOT / "schemas" / "reference" / name).resolve(), seed
    assert len(province_lists().p2004) == 63 and len(province_lists().p2025) == 34
    population = read_reference_csv("population_2019_census.csv")
    assert population.population_2019.astype(int).sum() == 96_208_984
