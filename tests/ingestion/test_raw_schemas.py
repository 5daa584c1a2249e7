"""The pandera models of the raw tables accept good rows and reject broken ones."""

from __future__ import annotations

import datetime as dt
import random
import re
import subprocess
import sys

import duckdb
import pandas as pd
import pandera.pandas as pa
import pytest
import yaml
from pandera.engines import pandas_engine as pandera_engine

from ingestion.tables import LINEAGE_COLUMNS, ensure_tables
from schemas.raw import MODELS, HotlineCase, HotlineContact, PortalTraffic, TrainingEvent
from schemas.raw.checks import is_export_id, looks_like_phone
from schemas.raw.codes import CHANNELS
from schemas.raw.dtypes import Date, Text
from schemas.raw_contract import (
    CONTRACTS_DOC,
    DBT_SOURCES_FILE,
    dbt_source,
    duckdb_columns,
    render_dbt_sources,
    update_contracts_doc,
)


def _contacts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact_id": ["L2024-1", "L2025-2"],
            "received_at": pd.to_datetime(["2024-01-01 01:00", "2025-07-02 03:00"]),
            "received_date": [dt.date(2024, 1, 1), dt.date(2025, 7, 2)],
            "channel": ["phone", "zalo"],
            "caller_type": ["child", "unknown"],
            "province_code": ["10", "15"],
            "province_scheme": ["province_2004", "province_2025"],
            "outcome": ["information", "silent"],
            "is_online_related": pd.array([True, False], dtype="boolean"),
        }
    )


def _training() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_code": ["01", "01"],
            "province_scheme": ["province_2004", "province_2004"],
            "report_quarter": ["2024-Q1", "2024-Q1"],
            "event_date": [dt.date(2024, 2, 1), dt.date(2024, 3, 1)],
            "audience": ["officials", "children"],
            "mode": ["in_person", "online"],
            "participants_male": pd.array([10, None], dtype="Int64"),
            "participants_female": pd.array([20, None], dtype="Int64"),
            "participants_total": pd.array([32, 100], dtype="Int64"),
            "pre_test_score": [50.0, None],
            "post_test_score": [70.0, None],
        }
    )


def _portal() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "session_date": [dt.date(2023, 5, 1), dt.date(2023, 5, 1)],
            "province_code": ["79", None],
            "province_scheme": ["province_2004", "province_2004"],
            "sessions": pd.array([10, 3], dtype="Int64"),
            "users": pd.array([8, 3], dtype="Int64"),
            "page_views": pd.array([30, 4], dtype="Int64"),
        }
    )


def _failing_rows(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> set[int]:
    with pytest.raises(pa.errors.SchemaErrors) as info:
        model.validate(frame, lazy=True)
    return set(info.value.failure_cases["index"].dropna().astype(int))


def test_every_raw_column_is_described_once_and_created_as_modelled() -> None:
    con = duckdb.connect()
    ensure_tables(con)
    for table, model in MODELS.items():
        schema = model.to_schema()
        assert all(c.description for c in schema.columns.values()), table
        created = dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
        )
        assert created == {**duckdb_columns(model), **LINEAGE_COLUMNS}, table


def test_generated_dbt_sources_and_contract_tables_are_up_to_date() -> None:
    assert DBT_SOURCES_FILE.read_text(encoding="utf-8") == render_dbt_sources(MODELS), (
        "run `python -m orchestration.prepare` and commit the generated _raw_sources.yml"
    )
    doc = CONTRACTS_DOC.read_text(encoding="utf-8")
    assert update_contracts_doc(doc, MODELS) == doc, (
        "run `python -m orchestration.prepare` and commit docs/contracts.md"
    )


def test_dbt_sources_carry_the_models_code_lists_and_keys() -> None:
    sources = yaml.safe_load(render_dbt_sources(MODELS))["sources"]
    tables = {t["name"]: t for s in sources for t in s["tables"]}
    assert set(tables) == set(MODELS)
    assert {s["name"] for s in sources} == {
        "hotline",
        "training",
        "portal",
        "schools",
        "violations",
        "plan",
        "facilities",
        "csam",
        "inspections",
    }
    channel = next(c for c in tables["raw_hotline__contacts"]["columns"] if c["name"] == "channel")
    assert channel["data_tests"] == [{"accepted_values": {"arguments": {"values": CHANNELS}}}]
    cases = {c["name"]: c for c in tables["raw_hotline__cases"]["columns"]}
    assert cases["child_ref"]["data_tests"] == ["not_null"]
    assert "data_tests" not in cases["closed_at"]
    assert dbt_source("raw_portal__opinions") == "portal"
    with pytest.raises(ValueError, match="raw_<source>__<name>"):
        dbt_source("hotline_contacts")


def test_good_frames_pass() -> None:
    HotlineContact.validate(_contacts(), lazy=True)
    TrainingEvent.validate(_training(), lazy=True)
    PortalTraffic.validate(_portal(), lazy=True)


def test_bad_codes_are_rejected() -> None:
    frame = _contacts()
    frame.loc[1, "channel"] = "fax"
    assert _failing_rows(HotlineContact, frame) == {1}
    frame = _contacts()
    frame.loc[0, "province_code"] = "99"
    assert _failing_rows(HotlineContact, frame) == {0}


def test_province_code_must_fit_scheme_and_date() -> None:
    frame = _contacts()
    frame.loc[1, "province_code"] = "02"  # Hà Giang: not a 2025 code
    assert _failing_rows(HotlineContact, frame) == {1}
    frame = _contacts()
    frame.loc[0, "province_scheme"] = "province_2025"  # 2024 date with the new scheme
    frame.loc[0, "province_code"] = "15"
    assert _failing_rows(HotlineContact, frame) == {0}


def test_negative_counts_are_rejected() -> None:
    frame = _portal()
    frame["sessions"] = pd.array([-1, 3], dtype="Int64")
    assert _failing_rows(PortalTraffic, frame) == {0}


def test_bad_dates_are_rejected() -> None:
    frame = _contacts()
    frame.loc[0, "received_at"] = pd.Timestamp("1999-12-31 10:00")
    frame.loc[1, "received_at"] = pd.Timestamp("2099-01-01 10:00")
    assert _failing_rows(HotlineContact, frame) == {0, 1}
    frame = _training()
    frame.loc[1, "event_date"] = dt.date(2024, 4, 2)  # after the end of 2024-Q1
    assert _failing_rows(TrainingEvent, frame) == {1}


def test_total_must_cover_male_and_female() -> None:
    frame = _training()
    frame["participants_total"] = pd.array([29, 100], dtype="Int64")
    assert _failing_rows(TrainingEvent, frame) == {0}


def test_scores_are_bounded() -> None:
    frame = _training()
    frame.loc[0, "post_test_score"] = 140.0
    assert _failing_rows(TrainingEvent, frame) == {0}


def test_online_subtype_only_on_online_cases() -> None:
    frame = pd.DataFrame(
        {
            "case_id": ["c1", "c1"],
            "child_ref": ["r1", "r2"],
            "opened_at": pd.to_datetime(["2022-03-01 02:00", "2022-03-01 02:00"]),
            "opened_date": [dt.date(2022, 3, 1)] * 2,
            "province_code": ["48", None],
            "province_scheme": ["province_2004"] * 2,
            "regional_centre": ["da_nang"] * 2,
            "abuse_type": ["sexual_abuse", "violence"],
            "is_online_related": pd.array([True, False], dtype="boolean"),
            "online_subtype": ["grooming", "cyberbullying"],
            "child_sex": ["female", "male"],
            "child_age_band": ["11-14", "15"],
            "help_requested": pd.array([True, True], dtype="boolean"),
            "support_provided": pd.array([True, False], dtype="boolean"),
            "first_intervention_at": pd.to_datetime(["2022-03-01 05:00", None]),
            "closed_at": pd.to_datetime(["2022-02-01 05:00", None]),
        }
    )
    assert _failing_rows(HotlineCase, frame) == {0, 1}  # 0: closed before opened; 1: subtype


def test_importing_the_models_reads_no_reference_file() -> None:
    """The province lists are read when a frame is validated, not when a module is imported."""
    script = (
        "import schemas.raw, ingestion.labels, ingestion.sources\n"
        "from schemas.reference import province_lists\n"
        "assert province_lists.cache_info().currsize == 0, 'read at import time'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def _export_id_by_hand(text: str) -> bool:
    """The export-id rule one value at a time, in Python's re (the oracle of the column-wise
    check): the whole value is the shape, holds a digit, and is neither a date nor a phone."""
    shaped = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_./-]{0,39}", text) and re.search(r"[0-9]", text)
    dated = re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}", text)
    return bool(shaped) and not dated and not looks_like_phone(text)


def test_export_ids_are_judged_column_wise_as_one_by_one() -> None:
    """Arrow's RE2 judges 20,000 random ids (and the edge cases) as Python's re does."""
    rng = random.Random(830)
    alphabet = "0123456789abcXYZ_./-+() \t\nđ٣"
    edges = [
        "C2024-000123", "0912345678", "091.234.5678", "+84912345678", "84-912-345-678",
        "2024-03-01", "1/3/2024", "01/03/2024", "abc", "_a1", "a" * 39 + "1", "a" * 40 + "1",
        "A1\n", "", "١٢٣", "a1 b", "=HYPERLINK(1)", "<b>1</b>", "0" * 9, "0" * 12, None,
    ]  # fmt: skip
    randoms = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)
    ]
    values = pd.Series(edges + randoms, dtype=object)
    expected = [_export_id_by_hand(str(v)) for v in values]
    assert is_export_id(values).tolist() == expected
    assert sum(expected) > 1_000  # the random ids hold both kinds


def _rows_rejected_as(kind: type, values: list[object]) -> list[int] | None:
    """The rows a one-column model of dtype ``kind`` rejects (None when all pass)."""
    schema = pa.DataFrameSchema({"v": pa.Column(kind, nullable=True)})
    try:
        schema.validate(pd.DataFrame({"v": pd.Series(values, dtype=object)}), lazy=True)
    except pa.errors.SchemaErrors as exc:
        return sorted(exc.failure_cases["index"].dropna().astype(int).tolist())
    return None


def test_the_fast_text_and_date_dtypes_reject_what_pandera_rejects() -> None:
    """For random columns mixing strings, dates, datetimes, numbers and NULLs, the raw models'
    Text and Date dtypes reject exactly the rows pandera's own str and date dtypes reject."""
    rng = random.Random(838)
    pool: list[object] = [
        "a", "", None, float("nan"), pd.NaT, 3, 2.5, True, dt.date(2024, 3, 1),
        dt.datetime(2024, 3, 1, 8), pd.Timestamp("2024-03-01"), b"x",
    ]  # fmt: skip
    columns = [[rng.choice(pool) for _ in range(rng.randint(1, 8))] for _ in range(80)]
    columns += [["a", None, "b"], [dt.date(2024, 1, 1), None], [None]]  # the fast path
    for mine, theirs in ((Text, str), (Date, pandera_engine.Date)):
        verdicts = [(_rows_rejected_as(mine, c), _rows_rejected_as(theirs, c)) for c in columns]
        assert all(fast == slow for fast, slow in verdicts), (mine, verdicts)
        assert any(fast is None for fast, _ in verdicts)
        assert any(fast for fast, _ in verdicts)
