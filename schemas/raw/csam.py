"""Pandera models of the national CSAM database's monthly exports (Plan 838 activities 10a/10b):
``raw_csam__items``, the items confirmed as child sexual abuse material and added to the
database, and ``raw_csam__notices``, the takedown notices sent to platforms for the matches the
social-listening system found, with the time of removal.

The database holds a hash of each item, never the image: the export's hash column is checked to
be a hash (an image, a link or anything else there rejects the row) and is then dropped, with
the content's address, the uploader's account and the analyst's name. No table holds them.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import CSAM_CHANNELS, CSAM_MEDIA, CSAM_PLATFORMS
from schemas.raw.dtypes import Date, Text


class CsamItem(pa.DataFrameModel):
    """One row per item confirmed and added to the database."""

    item_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="Export id of the item (not its hash)."
    )
    confirmed_date: Series[Date] = pa.Field(
        description="Date the item was confirmed as CSAM and added to the database."
    )
    intake_channel: Series[Text] = pa.Field(
        isin=CSAM_CHANNELS,
        description="Where it came from: hotline_111, citizen_report, platform_report, "
        "social_listening, police, international.",
    )
    media_type: Series[Text] = pa.Field(isin=CSAM_MEDIA, description="image or video.")

    class Config:
        strict = True
        description = "Items confirmed as CSAM and added to the national database (hash only)."
        metadata = {
            "table": "raw_csam__items",
            "unique_key": ["item_id"],
            "period_column": "confirmed_date",
        }

    @pa.check("item_id", name="an export id, not a phone number, date or text")
    def _item_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.check("confirmed_date", name="not in the future")
    def _not_future(cls, values: Series[Date]) -> Series[bool]:
        return checks.not_in_future(values)


class CsamNotice(pa.DataFrameModel):
    """One row per takedown notice sent to a platform for a match of a database item."""

    notice_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="Export id of the takedown notice."
    )
    item_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="The database item matched (raw_csam__items)."
    )
    platform: Series[Text] = pa.Field(
        isin=CSAM_PLATFORMS, description="Platform the match was found on and notified."
    )
    matched_at: Series[pd.Timestamp] = pa.Field(
        ge=checks.EARLIEST, description="When social listening found the match, UTC."
    )
    notice_sent_at: Series[pd.Timestamp] = pa.Field(
        ge=checks.EARLIEST, description="When the takedown notice was sent, UTC."
    )
    notice_date: Series[Date] = pa.Field(
        description="Local calendar date of the notice (Asia/Ho_Chi_Minh)."
    )
    removed_at: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="When the platform removed the content, UTC; NULL while not."
    )

    class Config:
        strict = True
        description = "Takedown notices sent to platforms for CSAM matches, with removal times."
        metadata = {
            "table": "raw_csam__notices",
            "unique_key": ["notice_id"],
            "period_column": "notice_date",
        }

    @pa.check("notice_id", name="an export id, not a phone number, date or text")
    def _notice_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.check("notice_sent_at", name="not in the future")
    def _not_future(cls, values: Series[pd.Timestamp]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.dataframe_check(name="notice_sent_at not before matched_at")
    def _sent_after_match(cls, df: pd.DataFrame) -> Series[bool]:
        return df["notice_sent_at"] >= df["matched_at"]

    @pa.dataframe_check(name="removed_at not before notice_sent_at")
    def _removed_after_notice(cls, df: pd.DataFrame) -> Series[bool]:
        return df["removed_at"].isna() | (df["removed_at"] >= df["notice_sent_at"])
