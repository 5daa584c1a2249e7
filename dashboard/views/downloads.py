"""Downloads of the indicator page: what is shown, and the whole indicator (CSV, XLSX)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import pandas as pd
from dash import dcc

from dashboard.release import Release, geo_table, indicator_rows, series


def public_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The published columns only, in the release's order."""
    return frame.reset_index(drop=True)


def shown_rows(
    release: Release,
    slug: str,
    *,
    period_type: str,
    dims: Mapping[str, str],
    scheme: str | None,
    period: str | None,
) -> pd.DataFrame:
    """Exactly what the page shows: the national series and the province table selected."""
    parts = [series(release, slug, period_type=period_type, dims=dims)]
    if scheme and period:
        parts.append(geo_table(release, slug, period, scheme, dims))
    return public_columns(pd.concat(parts, ignore_index=True))


def csv_download(frame: pd.DataFrame, filename: str) -> dict[str, Any]:
    # A byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.
    return dcc.send_string("\ufeff" + frame.to_csv(index=False), filename)


def xlsx_download(
    release: Release, slug: str, indicator: Mapping[str, Any], filename: str
) -> dict[str, Any]:
    data = indicator_rows(release, slug)
    meta = pd.DataFrame(
        [{"field": k, "value": v} for k, v in indicator.items()]
        + [
            {"field": "release_id", "value": release.release_id},
            {"field": "data_as_of", "value": release.data_as_of},
            {"field": "licence", "value": "CC BY 4.0"},
        ]
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        data.to_excel(writer, sheet_name="Data", index=False)
        meta.to_excel(writer, sheet_name="Metadata", index=False)
    return dcc.send_bytes(buffer.getvalue(), filename)
