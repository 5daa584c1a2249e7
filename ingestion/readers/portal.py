"""Reader of the monthly portal analytics export (``portal/analytics_YYYY-MM.json``)."""

from __future__ import annotations

import json
from typing import cast

import numpy as np
import pandas as pd

from ingestion.encoding import DecodeError, decode_bytes
from ingestion.provinces import resolve_provinces, scheme_for
from ingestion.readers.parsed import MAX_COUNT, Issues, ParsedFile, ReadError, TooLarge
from ingestion.reasons import Reason
from ingestion.safe_values import safe_text
from ingestion.timestamps import to_dates

_COUNTS = ("sessions", "users", "page_views")


def _entries(document: object) -> list[dict[str, object]]:
    if not isinstance(document, dict) or not isinstance(document.get("days"), list):
        raise ReadError("expected an object with a 'days' list", Reason.UNREADABLE_FILE)
    entries: list[dict[str, object]] = []
    for day in document["days"]:
        if not isinstance(day, dict) or not isinstance(day.get("provinces"), list):
            raise ReadError(
                "every day needs a 'date' and a 'provinces' list", Reason.UNREADABLE_FILE
            )
        for item in day["provinces"]:
            item = item if isinstance(item, dict) else {}
            entry: dict[str, object] = {"date": day.get("date")}
            entry.update({k: item.get(k) for k in ("province", *_COUNTS)})
            entries.append(entry)
    return entries


def _count(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        raise ValueError
    if isinstance(value, float) and not value.is_integer():
        raise ValueError
    number = int(str(value).strip()) if isinstance(value, str) else int(cast(float, value))
    if abs(number) > MAX_COUNT:
        raise TooLarge
    return number


def read_portal(data: bytes) -> ParsedFile:
    """Read one month of portal analytics into ``raw_portal__traffic`` columns."""
    try:
        text, encoding = decode_bytes(data)
        document = json.loads(text)
    except (DecodeError, json.JSONDecodeError) as exc:
        raise ReadError(f"not a readable JSON file: {exc}", Reason.UNREADABLE_FILE) from exc
    raw = pd.DataFrame.from_records(_entries(document), columns=["date", "province", *_COUNTS])
    issues = Issues()
    dates = pd.to_datetime(raw["date"].astype(str), format="%Y-%m-%d", errors="coerce")
    issues.add_mask(
        dates.isna(),
        "date",
        "missing or unparseable date (expected YYYY-MM-DD)",
        Reason.UNPARSEABLE_DATE,
    )
    session_date = to_dates(dates)
    schemes = scheme_for(dates)
    province_text = raw["province"].map(lambda v: "" if v is None else str(v))
    codes, reasons = resolve_provinces(province_text, schemes)
    issues.add_mask(reasons.notna(), "province", reasons, Reason.UNKNOWN_PROVINCE)
    counts: dict[str, pd.Series] = {}
    for column in _COUNTS:
        values: list[int | None] = []
        for index, value in enumerate(raw[column]):
            try:
                values.append(_count(value))
            except TooLarge:
                values.append(None)
                issues.add(
                    index, column, f"{column}: beyond any plausible count", Reason.IMPLAUSIBLE_VALUE
                )
            except (ValueError, TypeError, OverflowError):
                values.append(None)
                shown = safe_text(value)
                got = f": {shown}" if shown is not None else ""
                issues.add(
                    index, column, f"{column} is not a whole number{got}", Reason.UNREADABLE_VALUE
                )
        counts[column] = pd.Series(pd.array(values, dtype="Int64"), index=raw.index)
    frame = pd.DataFrame(
        {
            "session_date": session_date,
            "province_code": codes,
            "province_scheme": schemes,
            **counts,
        }
    )
    records = raw.astype(object).where(raw.notna(), None)
    derived = {"session_date": "date", "province_code": "province", "province_scheme": "province"}
    return ParsedFile(
        frame=frame,
        row_numbers=np.arange(1, len(raw) + 1),
        records=records,
        issues=issues,
        encoding=encoding,
        headers={**{c: c for c in raw.columns}, **derived},
    )
