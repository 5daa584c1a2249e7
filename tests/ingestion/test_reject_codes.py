"""Every reject code of the closed list is given by the place that finds the problem.

Each case delivers one real bad file (or a bad row in an otherwise good file) to an empty landing
folder and loads it through ``load_source``, as the pipeline does: the rejects table must then
hold the expected code, and no reject may carry an empty or unknown code.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from ingestion.load import load_source
from ingestion.messages import bilingual
from ingestion.reasons import Reason
from ingestion.tables import REJECTS_TABLE

HEADER = "contact_id,received_at,channel,caller_type,province,outcome,online_related"
GOOD = [
    "L1,2025-06-01T08:31:33,Website,child,36,other,0",
    "L2,2025-06-02T09:00:00,Zalo,child,01,other,1",
]
CONTACTS = "hotline/contacts_2025-06.csv"


def _contacts(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows, ""]).encode("utf-8")


def _portal(sessions: int) -> bytes:
    day = {"date": "2025-06-01", "provinces": [
        {"province": "Hà Nội", "sessions": sessions, "users": 1, "page_views": 1}]}  # fmt: skip
    return json.dumps({"days": [day]}).encode("utf-8")


# code -> (source, deliveries: each a {path: bytes} written then loaded, in order)
CASES: dict[Reason, tuple[str, list[dict[str, bytes]]]] = {
    Reason.DUPLICATE_DELIVERY: ("hotline_contacts", [
        {CONTACTS: _contacts(*GOOD), "hotline/contacts_2025-06_copy.csv": _contacts(*GOOD)}]),
    Reason.BAD_FILE_NAME: ("hotline_contacts", [{"hotline/contacts_june.csv": _contacts(*GOOD)}]),
    Reason.EMPTY_FILE: ("hotline_contacts", [{CONTACTS: b""}]),
    Reason.MISSING_COLUMN: ("hotline_contacts", [
        {CONTACTS: _contacts("L1,2025-06-01T08:31:33", header="contact_id,received_at")}]),
    Reason.UNREADABLE_FILE: ("hotline_contacts", [{CONTACTS: b"\x80\x00\x00\x81\xff\xff"}]),
    Reason.UNSUPPORTED_FORMAT: ("hotline_contacts", [{"hotline/contacts_2025-06.xls": b"old"}]),
    Reason.NOTHING_LOADED: ("hotline_contacts", [
        {CONTACTS: _contacts(*GOOD)},
        {CONTACTS: _contacts("L1,2025-06-01T08:31:33,pigeon,child,36,other,0")}]),
    Reason.DUPLICATE_KEY: ("hotline_contacts", [{CONTACTS: _contacts(GOOD[0], GOOD[0])}]),
    Reason.WRONG_FIELD_COUNT: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], GOOD[1] + ",x")}]),
    Reason.OUT_OF_PERIOD: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], "L2,2025-07-02T09:00:00,Zalo,child,01,other,1")}]),
    Reason.IMPLAUSIBLE_VALUE: ("portal_traffic", [
        {"portal/analytics_2025-06.json": _portal(2_000_000)}]),
    Reason.UNKNOWN_PROVINCE: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], "L2,2025-06-02T09:00:00,Zalo,child,Atlantis,other,1")}]),
    Reason.UNKNOWN_LABEL: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], "L2,2025-06-02T09:00:00,pigeon,child,01,other,1")}]),
    Reason.UNPARSEABLE_DATE: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], "L2,yesterday,Zalo,child,01,other,1")}]),
    Reason.MISSING_VALUE: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], ",2025-06-02T09:00:00,Zalo,child,01,other,1")}]),
    Reason.UNREADABLE_VALUE: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], "L2,2025-06-02T09:00:00,Zalo,child,01,other,maybe")}]),
    Reason.FAILED_CHECK: ("hotline_contacts", [
        {CONTACTS: _contacts(GOOD[0], "0912345678,2025-06-02T09:00:00,Zalo,child,01,other,1")}]),
}  # fmt: skip


def test_every_code_has_a_case_and_a_message() -> None:
    assert set(CASES) == set(Reason)
    for code in Reason:
        vi, en = bilingual(code, "f.csv")
        assert "Cách xử lý" in vi and "What to do" in en


@pytest.mark.parametrize("code", list(Reason), ids=str)
def test_a_bad_delivery_gets_its_code(code: Reason, tmp_path: Path) -> None:
    source, deliveries = CASES[code]
    landing = tmp_path / "landing"
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    try:
        for files in deliveries:
            for rel, data in files.items():
                (landing / rel).parent.mkdir(parents=True, exist_ok=True)
                (landing / rel).write_bytes(data)
            load_source(con, source, landing)
        codes = [r[0] for r in con.execute(f'SELECT reason_code FROM "{REJECTS_TABLE}"').fetchall()]
    finally:
        con.close()
    assert code in codes
    assert all(c in set(Reason) for c in codes), codes
