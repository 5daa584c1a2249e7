"""`dbt parse` runs when something it reads changed, and only then (orchestration/prepare.py).
Real dbt on a copy of the project."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from orchestration import prepare as prepare_module
from orchestration import settings


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the dbt project without dbt's output, which the settings point at."""
    copy = tmp_path / "dbt_project"
    shutil.copytree(settings.DBT_PROJECT_DIR, copy, ignore=shutil.ignore_patterns("target", "logs"))
    monkeypatch.setattr(settings, "DBT_PROJECT_DIR", copy)
    monkeypatch.setenv("COP_WAREHOUSE_PATH", str(tmp_path / "warehouse" / "warehouse.duckdb"))
    calls = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(prepare_module.subprocess, "run", counting_run)
    return copy, calls


def test_an_unchanged_project_keeps_its_manifest(project):
    copy, calls = project
    assert prepare_module.prepare() is True
    manifest = (copy / "target" / "manifest.json").read_bytes()
    assert prepare_module.prepare() is False
    assert len(calls) == 1 and "parse" in calls[0]
    assert (copy / "target" / "manifest.json").read_bytes() == manifest

    # a model changed: parsed again, and the new manifest has it
    model = next((copy / "models").rglob("pub_indicators.sql"))
    model.write_text(model.read_text(encoding="utf-8") + "\n-- changed\n", encoding="utf-8")
    assert prepare_module.prepare() is True
    assert b"-- changed" in (copy / "target" / "manifest.json").read_bytes()

    # the manifest rewritten by something else (another target): parsed again
    (copy / "target" / "manifest.json").write_text("{}", encoding="utf-8")
    inputs = prepare_module.parse_inputs()
    assert prepare_module.prepare() is True
    assert prepare_module.parse_inputs() == inputs
    assert len(calls) == 3


def test_another_warehouse_or_memory_limit_is_another_parse(monkeypatch, tmp_path):
    """dbt's partial-parse file holds the whole connection, so a parse for one warehouse path
    or DuckDB memory limit does not serve another (each dbt step would parse everything)."""
    monkeypatch.setenv("COP_WAREHOUSE_PATH", str(tmp_path / "a" / "warehouse.duckdb"))
    monkeypatch.delenv("COP_DUCKDB_MEMORY_LIMIT", raising=False)
    first = prepare_module.parse_inputs()
    assert prepare_module.parse_inputs() == first
    monkeypatch.setenv("COP_WAREHOUSE_PATH", str(tmp_path / "b" / "warehouse.duckdb"))
    moved = prepare_module.parse_inputs()
    monkeypatch.setenv("COP_DUCKDB_MEMORY_LIMIT", "1GB")
    assert len({first, moved, prepare_module.parse_inputs()}) == 3
