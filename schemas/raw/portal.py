"""Pandera model of ``raw_portal__traffic`` (daily portal analytics by province).

(session_date, province_code) must be unique within a file; the loader enforces it (keeps the
first row, rejects later duplicates).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import PROVINCE_SCHEMES
from schemas.raw.dtypes import Date, Text


class PortalTraffic(pa.DataFrameModel):
    """One row per day and visitor province."""

    session_date: Series[Date] = pa.Field(description="Local date (Asia/Ho_Chi_Minh).")
    province_code: Series[Text] = pa.Field(
        nullable=True,
        description="Province of the visitor (analytics geo), NULL when not set.",
    )
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    sessions: Series[pd.Int64Dtype] = pa.Field(
        ge=0, le=1_000_000, description="Sessions that day from the province (plausible bound)."
    )
    users: Series[pd.Int64Dtype] = pa.Field(
        ge=0, le=1_000_000, description="Distinct users that day from the province."
    )
    page_views: Series[pd.Int64Dtype] = pa.Field(
        ge=0, le=10_000_000, description="Page views that day from the province."
    )

    class Config:
        strict = True
        description = "Children's portal analytics by day and province."
        metadata = {
            "table": "raw_portal__traffic",
            "unique_key": ["session_date", "province_code"],
            "period_column": "session_date",
        }

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="province_scheme valid on session_date")
    def _scheme_fits_date(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.scheme_fits_date(df, "session_date")

    @pa.check("session_date", name="not before 2004")
    def _plausible_date(cls, values: Series[Date]) -> Series[bool]:
        return pd.to_datetime(values) >= checks.EARLIEST
