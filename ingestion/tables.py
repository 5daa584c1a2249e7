"""DuckDB table definitions of the raw layer (docs/contracts.md), the only SQL identifiers used.

The raw tables' columns come from their pandera models (``schemas.raw``, rendered by
``schemas.raw_contract.duckdb_columns``); the ingestion tables (rejects, ledger, expected
reports, landing) are described here.
"""

from __future__ import annotations

import duckdb

from schemas.raw import MODELS
from schemas.raw_contract import duckdb_columns

REJECTS_TABLE = "raw_ingestion__rejects"
LEDGER_TABLE = "raw_ingestion__ledger"
LANDING_TABLE = "raw_ingestion__landing"

LINEAGE_COLUMNS: dict[str, str] = {
    "_source_file": "VARCHAR",
    "_source_row": "BIGINT",
    "_loaded_at": "TIMESTAMP",
}

COLUMNS: dict[str, dict[str, str]] = {
    **{table: duckdb_columns(model) for table, model in MODELS.items()},
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
    LANDING_TABLE: {
        "is_sample": "BOOLEAN",
        "marker_sha256": "VARCHAR",
        "checked_at": "TIMESTAMP",
    },
}
"""Every table's columns and DuckDB types (the raw tables' from their pandera models); raw tables
get ``LINEAGE_COLUMNS`` appended."""


def table_columns(table: str) -> dict[str, str]:
    """All columns of ``table`` with their types (lineage included for raw tables)."""
    if table not in COLUMNS:
        raise ValueError(f"not an ingestion table: {table!r}")
    columns = dict(COLUMNS[table])
    if table in MODELS:
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
