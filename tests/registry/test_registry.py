"""The indicator registry: the shipped files validate, and broken files fail naming the file."""

import shutil
from pathlib import Path

import pytest
import yaml

from schemas.registry import REGISTRY_DIR, RegistryError, load_registry, registry_tables


def test_shipped_registry_is_valid_and_complete():
    registry = load_registry()
    codes = {i.code for i in registry.indicators}
    assert {"IND-02", "IND-04", "IND-06", "IND-10", "IND-12"} <= codes
    targets = {t.target_id: t for p in registry.programmes for t in p.targets}
    assert {"T1", "T2", "T3"} <= set(targets)
    assert all(t.kind == "official" and t.target_value == 100 for t in targets.values())
    assert targets["T3"].is_aspirational and not targets["T2"].is_aspirational
    # An indicator without a target is monitoring: it has no status rule to invent one with.
    assert registry.indicator("online_abuse_cases").target_id is None
    assert registry.indicator("online_victims_supported").target_id == "T2"


def test_registry_tables_carry_both_languages():
    tables = registry_tables(load_registry())
    for row in tables["raw_registry__indicators"]:
        assert row["name_vi"] and row["name_en"] and row["name_vi"] != row["name_en"]
    assert {r["target_id"] for r in tables["raw_registry__targets"]} >= {"T1", "T2", "T3"}


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    shutil.copytree(REGISTRY_DIR / "indicators", tmp_path / "indicators")
    shutil.copytree(REGISTRY_DIR / "programmes", tmp_path / "programmes")
    return tmp_path


def _edit(path: Path, **changes) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    for key, value in changes.items():
        if value is None:
            data.pop(key)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_rate_without_denominator_fails_naming_the_file(registry_copy: Path):
    _edit(registry_copy / "indicators" / "online_contact_share.yml", denominator=None)
    with pytest.raises(RegistryError, match="online_contact_share.yml.*denominator"):
        load_registry(registry_copy)


def test_misspelt_key_is_not_silently_ignored(registry_copy: Path):
    _edit(registry_copy / "indicators" / "portal_sessions.yml", untis="count")
    with pytest.raises(RegistryError, match="portal_sessions.yml.*untis"):
        load_registry(registry_copy)


def test_slug_must_equal_file_name(registry_copy: Path):
    _edit(registry_copy / "indicators" / "portal_sessions.yml", slug="portal_visits")
    with pytest.raises(RegistryError, match="must equal the file name"):
        load_registry(registry_copy)


def test_unknown_target_and_duplicate_code_fail(registry_copy: Path):
    _edit(
        registry_copy / "indicators" / "portal_sessions.yml",
        target_id="T9",
        status_rule={"at_risk_margin": 1},
    )
    with pytest.raises(RegistryError, match="unknown target T9"):
        load_registry(registry_copy)
    _edit(
        registry_copy / "indicators" / "portal_sessions.yml",
        target_id=None,
        status_rule=None,
        code="IND-04",
    )
    with pytest.raises(RegistryError, match="duplicate indicator code"):
        load_registry(registry_copy)


def test_broken_yaml_fails_naming_the_file(registry_copy: Path):
    (registry_copy / "indicators" / "portal_sessions.yml").write_text("code: [IND-12\n")
    with pytest.raises(RegistryError, match="portal_sessions.yml: not valid YAML"):
        load_registry(registry_copy)


def test_a_second_programme_is_data_only(registry_copy: Path):
    (registry_copy / "programmes" / "successor_2026_2030.yml").write_text(
        yaml.safe_dump(
            {
                "programme_id": "successor_2026_2030",
                "name": {"vi": "Chương trình giai đoạn 2026–2030", "en": "Programme 2026–2030"},
                "legal_basis": {"vi": "Dự thảo", "en": "Draft"},
                "start_year": 2026,
                "end_year": 2030,
                "targets": [
                    {
                        "target_id": "S1",
                        "indicator_code": "IND-02",
                        "target_year": 2030,
                        "target_value": 100,
                        "unit": "percent",
                        "kind": "official",
                        "text": {"vi": "Mục tiêu S1", "en": "Target S1"},
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    tables = registry_tables(load_registry(registry_copy))
    by_programme = {(t["programme_id"], t["target_id"]) for t in tables["raw_registry__targets"]}
    assert ("successor_2026_2030", "S1") in by_programme
    assert ("decision_830_2021_2025", "T2") in by_programme


def test_milestones_carry_no_invented_completion():
    milestones = registry_tables(load_registry())["raw_registry__milestones"]
    assert {m["activity"] for m in milestones} >= {"5", "6", "9", "10a"}
    assert all(m["completed_date"] is None for m in milestones)


def test_status_rule_is_written_out_for_indicators_with_a_target():
    rows = {
        r["indicator_code"]: r for r in registry_tables(load_registry())["raw_registry__indicators"]
    }
    assert (
        "5 %" in rows["IND-02"]["status_rule_en"] and "derived" in rows["IND-02"]["status_rule_en"]
    )
    assert rows["IND-04"]["status_rule_vi"] is None


def test_an_indicator_is_judged_on_years_or_on_school_years_not_both(registry_copy: Path):
    registry = load_registry()
    assert registry.indicator("schools_running_online_safety").periodicity == ["school_year"]
    assert registry.indicator("schools_running_online_safety").target_id == "T1"
    path = registry_copy / "indicators" / "schools_running_online_safety.yml"
    _edit(path, periodicity=["school_year", "year"])
    with pytest.raises(RegistryError, match="exactly one of 'year' and 'school_year'"):
        load_registry(registry_copy)
    _edit(path, periodicity=["quarter"])
    with pytest.raises(RegistryError, match="exactly one of 'year' and 'school_year'"):
        load_registry(registry_copy)


def test_a_rate_shares_its_counts_suppression(registry_copy: Path):
    rows = {
        r["indicator_code"]: r for r in registry_tables(load_registry())["raw_registry__indicators"]
    }
    assert rows["IND-04b"]["suppress_with_code"] == "IND-04"
    assert rows["IND-04"]["suppress_with_code"] is None
    path = registry_copy / "indicators" / "online_abuse_case_rate.yml"
    _edit(path, disclosure={"min_cell": 3, "same_cells_as": "online_abuse_cases"})
    with pytest.raises(RegistryError, match="same threshold"):
        load_registry(registry_copy)
    _edit(path, disclosure={"min_cell": 5, "same_cells_as": "no_such_indicator"})
    with pytest.raises(RegistryError, match="names no indicator"):
        load_registry(registry_copy)
