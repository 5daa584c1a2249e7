"""DuckDB table definitions of the raw layer (docs/contracts.md), the only SQL identifiers used."""

from __future__ import annotations

import duckdb

RAW_TABLES: dict[str, str] = {
    "hotline_contacts": "raw_hotline__contacts",
    "hotline_cases": "raw_hotline__cases",
    "training_events": "raw_training__events",
    "portal_traffic": "raw_portal__traffic",
    "portal_platforms": "raw_portal__platforms",
    "portal_opinions": "raw_portal__opinions",
    "schools_register": "raw_schools__register",
    "violations_subjects": "raw_violations__subjects",
    "plan_completions": "raw_plan__completions",
}
"""Source name → raw table it loads."""

REJECTS_TABLE = "raw_ingestion__rejects"
LEDGER_TABLE = "raw_ingestion__ledger"
EXPECTED_TABLE = "raw_ingestion__expected_reports"
LANDING_TABLE = "raw_ingestion__landing"

LINEAGE_COLUMNS: dict[str, str] = {
    "_source_file": "VARCHAR",
    "_source_row": "BIGINT",
    "_loaded_at": "TIMESTAMP",
}

_PROVINCE = {"province_code": "VARCHAR", "province_scheme": "VARCHAR"}

COLUMNS: dict[str, dict[str, str]] = {
    "raw_hotline__contacts": {
        "contact_id": "VARCHAR",
        "received_at": "TIMESTAMP",
        "received_date": "DATE",
        "channel": "VARCHAR",
        "caller_type": "VARCHAR",
        **_PROVINCE,
        "outcome": "VARCHAR",
        "is_online_related": "BOOLEAN",
    },
    "raw_hotline__cases": {
        "case_id": "VARCHAR",
        "child_ref": "VARCHAR",
        "opened_at": "TIMESTAMP",
        "opened_date": "DATE",
        **_PROVINCE,
        "regional_centre": "VARCHAR",
        "abuse_type": "VARCHAR",
        "is_online_related": "BOOLEAN",
        "online_subtype": "VARCHAR",
        "child_sex": "VARCHAR",
        "child_age_band": "VARCHAR",
        "help_requested": "BOOLEAN",
        "support_provided": "BOOLEAN",
        "first_intervention_at": "TIMESTAMP",
        "closed_at": "TIMESTAMP",
    },
    "raw_training__events": {
        **_PROVINCE,
        "report_quarter": "VARCHAR",
        "event_date": "DATE",
        "audience": "VARCHAR",
        "mode": "VARCHAR",
        "participants_male": "BIGINT",
        "participants_female": "BIGINT",
        "participants_total": "BIGINT",
        "pre_test_score": "DOUBLE",
        "post_test_score": "DOUBLE",
    },
    "raw_portal__traffic": {
        "session_date": "DATE",
        **_PROVINCE,
        "sessions": "BIGINT",
        "users": "BIGINT",
        "page_views": "BIGINT",
    },
    "raw_portal__platforms": {
        "insight_date": "DATE",
        "platform": "VARCHAR",
        "followers": "BIGINT",
        "reach": "BIGINT",
        "engagements": "BIGINT",
    },
    "raw_portal__opinions": {
        "opinion_id": "VARCHAR",
        "submitted_at": "TIMESTAMP",
        "submitted_date": "DATE",
        **_PROVINCE,
        "child_age_band": "VARCHAR",
        "topic": "VARCHAR",
        "is_answered": "BOOLEAN",
        "answered_at": "TIMESTAMP",
    },
    "raw_schools__register": {
        "school_year": "VARCHAR",
        "facility_id": "VARCHAR",
        "facility_type": "VARCHAR",
        **_PROVINCE,
        "pupils_enrolled": "BIGINT",
        "ran_online_safety": "BOOLEAN",
        "sessions": "BIGINT",
        "pupils_reached": "BIGINT",
    },
    "raw_violations__subjects": {
        "subject_id": "VARCHAR",
        "subject_type": "VARCHAR",
        "reported_date": "DATE",
        "intake_channel": "VARCHAR",
        **_PROVINCE,
        "violation_type": "VARCHAR",
        "verified_date": "DATE",
        "sanctioned_date": "DATE",
        "prosecuted_date": "DATE",
        "transferred_date": "DATE",
        "no_violation_date": "DATE",
    },
    "raw_plan__completions": {
        "milestone_id": "VARCHAR",
        "completed_date": "DATE",
        "document_number": "VARCHAR",
        "document_date": "DATE",
    },
    REJECTS_TABLE: {
        "source": "VARCHAR",
        "table_name": "VARCHAR",
        "file_path": "VARCHAR",
        "row_number": "BIGINT",
        "column_name": "VARCHAR",
        "reason": "VARCHAR",
        "reason_code": "VARCHAR",
        "record": "VARCHAR",
        "rejected_at": "TIMESTAMP",
        "message_vi": "VARCHAR",
        "message_en": "VARCHAR",
    },
    LEDGER_TABLE: {
        "file_path": "VARCHAR",
        "source": "VARCHAR",
        "table_name": "VARCHAR",
        "sha256": "VARCHAR",
        "size_bytes": "BIGINT",
        "received_at": "TIMESTAMP",
        "loaded_at": "TIMESTAMP",
        "rows_read": "BIGINT",
        "rows_loaded": "BIGINT",
        "rows_rejected": "BIGINT",
        "status": "VARCHAR",
        "error": "VARCHAR",
        "period": "VARCHAR",
        "province_code": "VARCHAR",
        "version": "INTEGER",
        "reported_date": "DATE",
        "superseded_by": "VARCHAR",
        "warnings": "VARCHAR",
    },
    EXPECTED_TABLE: {
        "source": "VARCHAR",
        "period": "VARCHAR",
        "province_code": "VARCHAR",
        "province_scheme": "VARCHAR",
        "period_start": "DATE",
        "period_end": "DATE",
        "due_date": "DATE",
    },
    LANDING_TABLE: {
        "is_sample": "BOOLEAN",
        "marker_sha256": "VARCHAR",
        "checked_at": "TIMESTAMP",
    },
}
"""Every table's columns and DuckDB types; raw tables get ``LINEAGE_COLUMNS`` appended."""


def table_columns(table: str) -> dict[str, str]:
    """All columns of ``table`` with their types (lineage included for raw tables)."""
    if table not in COLUMNS:
        raise ValueError(f"not an ingestion table: {table!r}")
    columns = dict(COLUMNS[table])
    if table in RAW_TABLES.values():
        columns.update(LINEAGE_COLUMNS)
    return columns


def quoted(identifier: str) -> str:
    """Quote an identifier that comes from this module's allow-list (never from data)."""
    allowed = set(COLUMNS) | {c for cols in COLUMNS.values() for c in cols} | set(LINEAGE_COLUMNS)
    if identifier not in allowed:
        raise ValueError(f"identifier not in the allow-list: {identifier!r}")
    return '"' + identifier + '"'


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables, rejects, ledger and expected reports if they do not exist.

    A table made by an earlier version of this module gets the columns added since.
    """
    for table in COLUMNS:
        columns = table_columns(table)
        body = ", ".join(f"{quoted(c)} {t}" for c, t in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {quoted(table)} ({body})")
        present = {
            row[0]
            for row in con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ?",
                [table],
            ).fetchall()
        }
        for column, kind in columns.items():
            if column not in present:
                con.execute(f"ALTER TABLE {quoted(table)} ADD COLUMN {quoted(column)} {kind}")
