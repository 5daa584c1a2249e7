"""Pandera model of ``raw_facilities__counselling``: the provinces' quarterly reports of children
counselled at social-assistance facilities (cơ sở trợ giúp xã hội; Plan 838 activity 4b).

One row per facility, month and age band of a province's workbook: the children counselled on
any issue, and those counselled on an online-related issue by sex. The facility's name, the
notes column and the preparer's name and telephone number are dropped when the workbook is read.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import AGE_BANDS, PROVINCE_SCHEMES
from schemas.raw.dtypes import Date, Text

MAX_CHILDREN = 5_000
"""Children counselled by one facility in one month and age band: beyond it is a typing error
(the largest centres for social work counsel a few hundred children a month)."""


def _count(description: str, nullable: bool = False) -> Any:  # pandera.Field: FieldInfo
    return pa.Field(ge=0, le=MAX_CHILDREN, nullable=nullable, description=description)


class FacilityCounselling(pa.DataFrameModel):
    """One row per facility, month and age band of a province's quarterly report."""

    province_code: Series[Text] = pa.Field(description="Reporting province (the file's name).")
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    report_quarter: Series[Text] = pa.Field(
        str_matches=r"^\d{4}-Q[1-4]$", description="Quarter the report covers, e.g. 2023-Q2."
    )
    counselled_month: Series[Date] = pa.Field(
        description="First day of the month the children were counselled in."
    )
    age_band: Series[Text] = pa.Field(
        isin=AGE_BANDS,
        description="Age band: 0-5, 6-10, 11-14, 15, 16-17 (not a child), unknown.",
    )
    counselled_total: Series[pd.Int64Dtype] = _count(
        "Children counselled on any issue (online-related or not)."
    )
    online_male: Series[pd.Int64Dtype] = _count(
        "Boys counselled on an online-related issue; NULL when sex was not recorded.", True
    )
    online_female: Series[pd.Int64Dtype] = _count(
        "Girls counselled on an online-related issue; NULL when sex was not recorded.", True
    )
    online_total: Series[pd.Int64Dtype] = _count(
        "Children counselled on an online-related issue: boys + girls (+ sex not recorded)."
    )

    class Config:
        strict = True
        description = "Children counselled at social-assistance facilities, by province-quarter."
        metadata = {"table": "raw_facilities__counselling", "period_column": "counselled_month"}

    @pa.dataframe_check(name="online_total >= online_male + online_female")
    def _total_covers_sexes(cls, df: pd.DataFrame) -> Series[bool]:
        parts = df["online_male"].fillna(0) + df["online_female"].fillna(0)
        return (df["online_total"] >= parts).fillna(False).astype(bool)

    @pa.dataframe_check(name="counselled_total >= online_total")
    def _all_covers_online(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["counselled_total"] >= df["online_total"]).fillna(False).astype(bool)

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.check("counselled_month", name="not in the future")
    def _not_future(cls, values: Series[Date]) -> Series[bool]:
        return checks.not_in_future(values)
