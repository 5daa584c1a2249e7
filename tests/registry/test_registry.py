"""The indicator registry: the shipped files validate, and broken files fail naming the file."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from schemas.registry import RegistryError
from schemas.registry_files import REGISTRY_DIR, load_registry
from schemas.registry_tables import registry_tables


def test_shipped_registry_is_valid_and_complete():
    registry = load_registry()
    codes = {i.code for i in registry.indicators}
    assert {"IND-02", "IND-04", "IND-06", "IND-10", "IND-12"} <= codes
    targets = {t.target_id: t for p in registry.programmes for t in p.targets}
    assert {"T1", "T2", "T3"} <= set(targets)
    kinds = {"adopted": "official", "draft": "illustrative"}
    assert all(t.kind == kinds[p.status] for p in registry.programmes for t in p.targets)
    assert all(t.target_value == 100 for t in targets.values())
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


def test_the_shipped_draft_is_labelled_and_stays_out_of_the_calendar():
    registry = load_registry()
    draft = next(p for p in registry.programmes if p.status == "draft")
    assert (draft.start_year, draft.end_year) == (2026, 2030)
    assert draft.status_text is not None
    assert "minh họa" in draft.status_text.vi and "not official" in draft.status_text.en
    assert all(t.kind == "illustrative" for t in draft.targets)
    # the calendar is the adopted programmes' years: 2021-2025 until the successor is adopted
    assert (registry.calendar.first_year, registry.calendar.last_year) == (2021, 2025)
    programmes = registry_tables(registry)["raw_registry__programmes"]
    assert [(p["programme_id"], p["status"]) for p in programmes] == [
        ("decision_830_2021_2025", "adopted"),
        ("child_online_2026_2030", "draft"),
    ]


def _programme(path: Path, **changes) -> None:
    draft = REGISTRY_DIR / "programmes" / "child_online_2026_2030.yml"
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "adopted"}, "a adopted programme's targets are official"),
        ({"status_text": None}, "a draft programme needs a status_text"),
        ({"start_year": 2025}, "overlap"),
        ({"end_year": 2029}, "target_year outside the programme"),
    ],
)
def test_a_bad_programme_fails_naming_the_file(registry_copy: Path, changes, message):
    path = registry_copy / "programmes" / "child_online_2026_2030.yml"
    _programme(path, **{k: v for k, v in changes.items() if v is not None})
    if None in changes.values():
        _edit(path, **changes)
    with pytest.raises(RegistryError, match=message):
        load_registry(registry_copy)


def test_target_ids_are_unique_across_programmes(registry_copy: Path):
    draft = REGISTRY_DIR / "programmes" / "child_online_2026_2030.yml"
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data["targets"][0]["target_id"] = "T1"
    path = registry_copy / "programmes" / "child_online_2026_2030.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegistryError, match="duplicate target_id"):
        load_registry(registry_copy)


def test_a_second_programme_is_data_only(registry_copy: Path):
    # the successor, adopted: its years join the calendar, its target is official
    (registry_copy / "programmes" / "child_online_2026_2030.yml").unlink()
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
    registry = load_registry(registry_copy)
    tables = registry_tables(registry)
    by_programme = {(t["programme_id"], t["target_id"]) for t in tables["raw_registry__targets"]}
    assert ("successor_2026_2030", "S1") in by_programme
    assert ("decision_830_2021_2025", "T2") in by_programme
    assert (registry.calendar.first_month, registry.calendar.last_month) == ("2021-01", "2030-12")


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


def test_only_notices_to_platforms_are_broken_down_by_platform(registry_copy: Path):
    """IND-19's median per platform is about companies, not children; a protected indicator
    (min_cell > 0) may not take a breakdown the disclosure model does not relate to its total."""
    assert load_registry().indicator("csam_removal_median_hours").disaggregations == ["platform"]
    path = registry_copy / "indicators" / "csam_removal_median_hours.yml"
    _edit(
        path,
        disclosure={"min_cell": 5},
        detail={
            "national": {"periods": ["year", "quarter"], "breakdowns": ["year"]},
            "region": {"periods": ["year"]},
            "province": {"periods": ["year"]},
        },
    )
    with pytest.raises(RegistryError, match="broken down by sex, age_band only"):
        load_registry(registry_copy)


def test_without_an_adopted_programme_there_is_no_calendar(registry_copy: Path):
    (registry_copy / "programmes" / "decision_830_2021_2025.yml").unlink()
    for path in (registry_copy / "indicators").glob("*.yml"):
        _edit(path, target_id=None)
    registry = load_registry(registry_copy)  # a draft alone is a valid registry...
    with pytest.raises(RegistryError, match="no adopted programme"):
        registry.calendar  # noqa: B018  (...but it has no years to build periods for)


def test_indicator_texts_name_the_plan_of_the_programme_data(registry_copy: Path):
    """No indicator text names a plan or decision of its own: '{plan}' and '{decision}' are the
    adopted programme's, so a successor reaches the dbt rows and the release with no indicator
    file changed."""
    for path in (registry_copy / "indicators").glob("*.yml"):
        assert not re.search(r"\b83[08]\b", re.sub(r"#.*", "", path.read_text("utf-8"))), path.name
    shipped = registry_tables(load_registry(registry_copy))["raw_registry__indicators"]
    assert any("Plan 838/QĐ-LĐTBXH" in row["name_en"] for row in shipped)
    _edit(
        registry_copy / "programmes" / "decision_830_2021_2025.yml",
        plan={"vi": "Kế hoạch 77/QĐ-BCA", "en": "Plan 77/QĐ-BCA"},
        decision={"vi": "Quyết định 7/QĐ-TTg", "en": "Decision 7/QĐ-TTg"},
    )
    rows = {r["slug"]: r for r in registry_tables(load_registry(registry_copy))[
        "raw_registry__indicators"]}  # fmt: skip
    texts = [  # the indicator's own texts (legal_basis is the programme's, copied)
        v
        for row in rows.values()
        for k, v in row.items()
        if isinstance(v, str) and not k.startswith("legal_basis")
    ]
    assert not [t for t in texts if re.search(r"\b83[08]\b|\{plan\}|\{decision\}", t)]
    named = rows["plan_deliverables_on_time"]
    assert (
        named["name_vi"] == "Tỷ lệ nhiệm vụ có thời hạn của Kế hoạch 77/QĐ-BCA hoàn thành đúng hạn"
    )
    assert named["name_en"] == "Plan 77/QĐ-BCA deliverables completed on time"
    assert named["caveats_en"].endswith(
        "Decision 7/QĐ-TTg sets no official target for this indicator."
    )
    caveat = rows["online_contact_share"]["caveats_en"]
    assert caveat.startswith("Plan 77/QĐ-BCA asks for online reporting channels")


def test_a_programme_without_a_plan_gives_plain_words(registry_copy: Path):
    _edit(registry_copy / "programmes" / "decision_830_2021_2025.yml", plan=None)
    name = load_registry(registry_copy).indicator("plan_deliverables_on_time").name
    assert name.en == "the implementation plan deliverables completed on time"
    assert name.vi == "Tỷ lệ nhiệm vụ có thời hạn của kế hoạch thực hiện hoàn thành đúng hạn"
