"""Pandera models of the portal's platform insights and of children's opinions.

``raw_portal__platforms``: (insight_date, platform) unique within a file (the loader keeps the
first). ``raw_portal__opinions``: opinion_id unique within a file.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import (
    AGE_BANDS,
    OPINION_TOPICS,
    PLATFORMS,
    PROVINCE_SCHEMES,
)
from schemas.raw.dtypes import Date, Text


class PortalPlatform(pa.DataFrameModel):
    """One row per day and platform (fanpage / official account / channel insights)."""

    insight_date: Series[Date] = pa.Field(description="Local date of the figures.")
    platform: Series[Text] = pa.Field(
        isin=PLATFORMS, description="facebook, zalo, youtube, tiktok."
    )
    followers: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        le=100_000_000,
        nullable=True,
        description="Followers at the end of the day; NULL if not exported.",
    )
    reach: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        le=100_000_000,
        nullable=True,
        description="Accounts reached that day; NULL if not exported.",
    )
    engagements: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        le=100_000_000,
        nullable=True,
        description="Reactions, comments, shares, clicks that day.",
    )

    class Config:
        strict = True
        description = "Followers, reach and engagement of the programme's platforms, daily."
        metadata = {
            "table": "raw_portal__platforms",
            "unique_key": ["insight_date", "platform"],
            "period_column": "insight_date",
        }

    @pa.check("insight_date", name="not before 2004")
    def _plausible_date(cls, values: Series[Date]) -> Series[bool]:
        return pd.to_datetime(values) >= checks.EARLIEST


class PortalOpinion(pa.DataFrameModel):
    """One row per opinion a child submitted on the portal ("Bày tỏ nguyện vọng")."""

    opinion_id: Series[Text] = pa.Field(description="Export id of the opinion (not a person).")
    submitted_at: Series[pd.Timestamp] = pa.Field(description="When it was submitted, UTC.")
    submitted_date: Series[Date] = pa.Field(description="Local date of submission.")
    province_code: Series[Text] = pa.Field(
        nullable=True, description="Province given, NULL if none."
    )
    province_scheme: Series[Text] = pa.Field(isin=PROVINCE_SCHEMES, description="Code list.")
    child_age_band: Series[Text] = pa.Field(isin=AGE_BANDS, description="Age band given.")
    topic: Series[Text] = pa.Field(isin=OPINION_TOPICS, description="Topic chosen on the form.")
    is_answered: Series[bool] = pa.Field(description="An answer was published / sent.")
    answered_at: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="When it was answered, UTC; NULL if not yet."
    )

    class Config:
        strict = True
        description = "Children's opinions submitted on the portal and whether they were answered."
        metadata = {
            "table": "raw_portal__opinions",
            "unique_key": ["opinion_id"],
            "period_column": "submitted_date",
        }

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="province_scheme valid on submitted_date")
    def _scheme_fits_date(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.scheme_fits_date(df, "submitted_date")

    @pa.dataframe_check(name="answered_at not before submitted_at")
    def _answer_after_question(cls, df: pd.DataFrame) -> Series[bool]:
        answered = pd.to_datetime(df["answered_at"])
        return answered.isna() | (answered >= pd.to_datetime(df["submitted_at"]))

    @pa.check("submitted_at", name="not in the future")
    def _not_future(cls, values: Series[pd.Timestamp]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.check("opinion_id", name="an export id, not a phone number, date or text")
    def _opinion_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)
