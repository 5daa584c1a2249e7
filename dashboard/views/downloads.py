"""The indicator page's "what you see" download (the whole indicator's CSV and XLSX are files
written into the release at publish time: publish/downloads.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from dash import dcc

from dashboard.queries import geo_table, series
from dashboard.release import Release

COUNT_COLUMNS = ("value", "numerator", "denominator")  # whole numbers when all are whole


def public_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The published columns only, in the release's order; counts written as whole numbers
    (9, not 9.0: the columns are floats because hidden cells are empty)."""
    frame = frame.reset_index(drop=True).copy()
    for column in COUNT_COLUMNS:
        if column in frame.columns:
            values = pd.to_numeric(frame[column], errors="coerce")
            if (values.dropna() % 1 == 0).all():
                frame[column] = values.round().astype("Int64")
    return frame


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
