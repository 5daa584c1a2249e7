"""Pandera model of ``raw_training__events`` (provinces' quarterly activity reports)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import AUDIENCES, PROVINCE_SCHEMES, TRAINING_MODES
from schemas.raw.dtypes import Date, Text


class TrainingEvent(pa.DataFrameModel):
    """One row per reported training or communication activity."""

    province_code: Series[Text] = pa.Field(description="Reporting province.")
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    report_quarter: Series[Text] = pa.Field(
        str_matches=r"^\d{4}-Q[1-4]$", description="Quarter the report covers, e.g. 2023-Q2."
    )
    event_date: Series[Date] = pa.Field(description="Date of the activity.")
    audience: Series[Text] = pa.Field(
        isin=AUDIENCES, description="officials, collaborators, children, parents or teachers."
    )
    mode: Series[Text] = pa.Field(isin=TRAINING_MODES, description="in_person or online.")
    participants_male: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        le=10_000,
        nullable=True,
        description="Male participants; NULL when sex was not recorded.",
    )
    participants_female: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        le=10_000,
        nullable=True,
        description="Female participants; NULL when sex was not recorded.",
    )
    participants_total: Series[pd.Int64Dtype] = pa.Field(
        ge=1,
        le=10_000,
        description="All participants: male + female (+ participants of unrecorded sex).",
    )
    pre_test_score: Series[float] = pa.Field(
        ge=0, le=100, nullable=True, description="Mean pre-test score 0-100, NULL if none."
    )
    post_test_score: Series[float] = pa.Field(
        ge=0, le=100, nullable=True, description="Mean post-test score 0-100, NULL if none."
    )

    class Config:
        strict = True
        description = "Training and communication activities reported by provinces."
        metadata = {"table": "raw_training__events", "period_column": "event_date"}

    @pa.dataframe_check(name="participants_total >= participants_male + participants_female")
    def _total_covers_sexes(cls, df: pd.DataFrame) -> Series[bool]:
        parts = df["participants_male"].fillna(0) + df["participants_female"].fillna(0)
        return (df["participants_total"] >= parts).fillna(False).astype(bool)

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="event_date not after the end of report_quarter")
    def _date_within_report(cls, df: pd.DataFrame) -> Series[bool]:
        quarter = pd.PeriodIndex(df["report_quarter"].str.replace("-", ""), freq="Q")
        ends = pd.Series(quarter.end_time.normalize(), index=df.index)
        return pd.to_datetime(df["event_date"]) <= ends

    @pa.check("event_date", name="not before 2004")
    def _plausible_date(cls, values: Series[Date]) -> Series[bool]:
        return pd.to_datetime(values) >= checks.EARLIEST
