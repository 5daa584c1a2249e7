"""Row validation: reader issues + in-file duplicates + the table's pandera model (lazy).

Many small files are validated together (one pandera call per batch); a failure is mapped back to
its file and row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ingestion.periods import period_end, period_start
from ingestion.readers.delimited import WHOLE_ROW
from ingestion.readers.parsed import ParsedFile, ReadError
from ingestion.reasons import Reason
from ingestion.safe_values import safe_text
from schemas.raw import MODELS
from schemas.raw_contract import period_column, unique_key

UNIQUE_KEYS: dict[str, list[str]] = {
    table: unique_key(model) for table, model in MODELS.items() if unique_key(model)
}
"""Keys that must be unique within a file (the models' ``unique_key``); later duplicates are
rejected, the first is kept."""

PERIOD_COLUMNS: dict[str, str] = {
    table: column for table, model in MODELS.items() if (column := period_column(model))
}
"""The date of a row that must fall in the period its file name reports on (the models'
``period_column``; the schools register's period is the school year of its name, its rows carry
no date of their own)."""

_ISSUE_COLUMNS = ["index", "column", "reason", "code"]


def period_issues(parsed: ParsedFile, table: str, period: str | None) -> None:
    """Add an issue for every row dated outside ``period`` (the month, quarter or school year in
    the file name)."""
    column = PERIOD_COLUMNS.get(table)
    if column is None or period is None or parsed.frame.empty:
        return
    dates = pd.to_datetime(parsed.frame[column], errors="coerce")
    first, last = pd.Timestamp(period_start(period)), pd.Timestamp(period_end(period))
    outside = dates.notna() & ((dates < first) | (dates > last))
    parsed.issues.add_mask(
        outside, column, f"{column} outside the file's period {period}", Reason.OUT_OF_PERIOD
    )


def _got(value: object) -> str:
    """`` (got X)`` when X is safe to show, else nothing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    shown = safe_text(value)
    return f" (got {shown})" if shown is not None else ""


@dataclass
class Verdict:
    """For one file: which frame rows are good, and (column_name, reason, reason_code) per
    rejected row (the code of its first problem)."""

    good: np.ndarray
    rejected: pd.DataFrame  # index = frame index; columns column_name, reason, reason_code


def _pandera_code(column: str, check: str) -> Reason:
    """The code of a failed pandera check: an upper bound is the contract's plausible bound, a
    check on (or named after) the province columns is about the province, the rest are rules."""
    if check.startswith("less_than_or_equal_to"):
        return Reason.IMPLAUSIBLE_VALUE
    if column.startswith("province") or check.startswith("province"):
        return Reason.UNKNOWN_PROVINCE
    return Reason.FAILED_CHECK


def pandera_failures(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Row failures of ``frame`` against ``model`` as (index, column, reason, code).

    Raises ``ReadError`` for a failure that is not tied to a row (wrong dtype, missing column).
    """
    empty = pd.DataFrame(columns=_ISSUE_COLUMNS)
    if frame.empty:
        return empty
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return empty
    file_level = cases[cases["index"].isna()]
    if not file_level.empty:
        first = file_level.iloc[0]
        raise ReadError(
            f"schema error on column {first['column']}: {first['check']}", Reason.UNREADABLE_FILE
        )
    row_level = (cases["schema_context"] == "DataFrameSchema").to_numpy()
    column = cases["column"].astype(str).where(~row_level, "(row)")
    detail = cases["failure_case"].map(_got)
    check = cases["check"].astype(str)
    reason = np.where(row_level, check, column + ": " + check + detail)
    code = [_pandera_code(c, k) for c, k in zip(column, check, strict=True)]
    out = pd.DataFrame(
        {"index": cases["index"].astype(int), "column": column, "reason": reason, "code": code}
    )
    return out.drop_duplicates(["index", "reason"])


def _duplicates(frame: pd.DataFrame, file_ids: np.ndarray, keys: list[str] | None) -> np.ndarray:
    if not keys or frame.empty:
        return np.zeros(len(frame), dtype=bool)
    keyed = frame[keys].assign(_file=file_ids)
    return keyed.duplicated([*keys, "_file"], keep="first").to_numpy()


def judge_batch(
    parsed: list[ParsedFile], table: str, model: type[pa.DataFrameModel]
) -> list[Verdict | ReadError]:
    """Judge the rows of several files of one table; one verdict (or file error) per file."""
    if not parsed:
        return []
    sizes = np.array([len(p.frame) for p in parsed])
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    frame = pd.concat([p.frame for p in parsed], ignore_index=True)
    file_ids = np.repeat(np.arange(len(parsed)), sizes)
    issues = [
        pd.DataFrame(p.issues.rows, columns=_ISSUE_COLUMNS).assign(
            index=lambda d, o=offsets[i]: d["index"].astype(int) + o
        )
        for i, p in enumerate(parsed)
        if p.issues.rows
    ]
    duplicate = _duplicates(frame, file_ids, UNIQUE_KEYS.get(table))
    where = np.flatnonzero(duplicate)
    keys = ", ".join(UNIQUE_KEYS.get(table, []))
    issues.append(
        pd.DataFrame(
            {
                "index": where,
                "column": keys,
                "reason": "duplicate key in file",
                "code": Reason.DUPLICATE_KEY,
            }
        )
    )
    try:
        issues.append(pandera_failures(frame[~duplicate], model))
    except ReadError:
        if len(parsed) == 1:
            raise
        # A schema-level problem somewhere: judge file by file to find which one.
        out: list[Verdict | ReadError] = []
        for one in parsed:
            try:
                out.extend(judge_batch([one], table, model))
            except ReadError as exc:
                out.append(exc)
        return out
    found = pd.concat([i for i in issues if not i.empty] or [pd.DataFrame(columns=_ISSUE_COLUMNS)])
    # A row that could not be split into the header's columns has only that problem.
    whole = set(found.loc[found["column"] == WHOLE_ROW, "index"])
    found = found[~found["index"].isin(whole) | (found["column"] == WHOLE_ROW)]
    grouped = found.groupby("index", sort=True).agg(
        column_name=("column", lambda s: ", ".join(dict.fromkeys(s))),
        reason=("reason", lambda s: "; ".join(dict.fromkeys(s))),
        reason_code=("code", "first"),
    )
    bad_global = grouped.index.to_numpy(dtype=np.int64)
    verdicts: list[Verdict | ReadError] = []
    for i in range(len(parsed)):
        lo, hi = offsets[i], offsets[i + 1]
        inside = (bad_global >= lo) & (bad_global < hi)
        rejected = grouped[inside]
        rejected.index = bad_global[inside] - lo
        good = np.ones(hi - lo, dtype=bool)
        good[rejected.index.to_numpy(dtype=np.int64)] = False
        verdicts.append(Verdict(good=good, rejected=rejected))
    return verdicts
