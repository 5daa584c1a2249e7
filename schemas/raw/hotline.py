"""Pandera models of the hotline 111 raw tables (contacts and per-child cases).

Keys (contact_id; case_id + child_ref, ``unique_key`` in ``Config.metadata``) must be unique
within a file: the loader keeps the first row and rejects later duplicates, since files are
validated in batches; uniqueness across files is a dbt test.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import (
    ABUSE_TYPES,
    AGE_BANDS,
    CALLER_TYPES,
    CHANNELS,
    CHILD_SEXES,
    CONTACT_OUTCOMES,
    ONLINE_SUBTYPES,
    PROVINCE_SCHEMES,
    REGIONAL_CENTRES,
)
from schemas.raw.dtypes import Date, Text


class HotlineContact(pa.DataFrameModel):
    """``raw_hotline__contacts``: one row per contact (call, app, Zalo message, web report)."""

    contact_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="Export id of the contact (not a person)."
    )
    received_at: Series[pd.Timestamp] = pa.Field(
        ge=checks.EARLIEST, description="When the contact arrived, UTC."
    )
    received_date: Series[Date] = pa.Field(
        description="Local calendar date of the contact (Asia/Ho_Chi_Minh)."
    )
    channel: Series[Text] = pa.Field(
        isin=CHANNELS, description="Intake channel: phone, app, zalo, web."
    )
    caller_type: Series[Text] = pa.Field(
        isin=CALLER_TYPES, description="Who contacted the hotline."
    )
    province_code: Series[Text] = pa.Field(
        nullable=True,
        description="Province of the child, NULL when unknown.",
    )
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    outcome: Series[Text] = pa.Field(
        isin=CONTACT_OUTCOMES, description="What the contact turned out to be."
    )
    is_online_related: Series[pd.BooleanDtype] = pa.Field(
        description="The contact concerns something that happened online."
    )

    class Config:
        strict = True
        description = "Hotline 111 contacts, one row per contact."
        metadata = {
            "table": "raw_hotline__contacts",
            "unique_key": ["contact_id"],
            "period_column": "received_date",
        }

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="province_scheme valid on received_date")
    def _scheme_fits_date(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.scheme_fits_date(df, "received_date")

    @pa.check("received_at", name="not in the future")
    def _received_not_future(cls, values: Series[pd.Timestamp]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.check("contact_id", name="an export id, not a phone number, date or text")
    def _contact_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)


class HotlineCase(pa.DataFrameModel):
    """``raw_hotline__cases``: one row per child in a support / intervention case."""

    case_id: Series[Text] = pa.Field(str_length={"min_value": 1}, description="Case number.")
    child_ref: Series[Text] = pa.Field(
        str_length={"min_value": 1},
        description="Salted pseudonym of the child within the export, never a name.",
    )
    opened_at: Series[pd.Timestamp] = pa.Field(ge=checks.EARLIEST, description="Intake time, UTC.")
    opened_date: Series[Date] = pa.Field(description="Local date of intake (Asia/Ho_Chi_Minh).")
    province_code: Series[Text] = pa.Field(
        nullable=True,
        description="Province of the child, NULL when unknown.",
    )
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    regional_centre: Series[Text] = pa.Field(
        isin=REGIONAL_CENTRES,
        description="Regional centre handling the case: ha_noi, da_nang, an_giang.",
    )
    abuse_type: Series[Text] = pa.Field(
        isin=ABUSE_TYPES, description="Type of abuse as classified by 111."
    )
    is_online_related: Series[pd.BooleanDtype] = pa.Field(
        description="Abuse happened online or was facilitated online."
    )
    online_subtype: Series[Text] = pa.Field(
        isin=ONLINE_SUBTYPES, nullable=True, description="Online subtype; NULL when not online."
    )
    child_sex: Series[Text] = pa.Field(isin=CHILD_SEXES, description="male, female or unknown.")
    child_age_band: Series[Text] = pa.Field(
        isin=AGE_BANDS, description="Age band: 0-5, 6-10, 11-14, 15, 16-17 (not a child), unknown."
    )
    help_requested: Series[pd.BooleanDtype] = pa.Field(
        description="The child, relatives or community asked for support / intervention."
    )
    support_provided: Series[pd.BooleanDtype] = pa.Field(
        description="Support or intervention was given."
    )
    first_intervention_at: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="First intervention, UTC; NULL if none."
    )
    closed_at: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="Case closed, UTC; NULL while open."
    )

    class Config:
        strict = True
        description = "Hotline 111 support / intervention cases, one row per child."
        metadata = {
            "table": "raw_hotline__cases",
            "unique_key": ["case_id", "child_ref"],
            "period_column": "opened_date",
        }

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="province_scheme valid on opened_date")
    def _scheme_fits_date(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.scheme_fits_date(df, "opened_date")

    @pa.dataframe_check(name="online_subtype only on online-related cases")
    def _subtype_only_online(cls, df: pd.DataFrame) -> Series[bool]:
        return df["online_subtype"].isna() | df["is_online_related"].fillna(False).astype(bool)

    @pa.dataframe_check(name="first_intervention_at not before opened_at")
    def _intervention_after_intake(cls, df: pd.DataFrame) -> Series[bool]:
        return df["first_intervention_at"].isna() | (df["first_intervention_at"] >= df["opened_at"])

    @pa.dataframe_check(name="closed_at not before opened_at")
    def _closed_after_intake(cls, df: pd.DataFrame) -> Series[bool]:
        return df["closed_at"].isna() | (df["closed_at"] >= df["opened_at"])

    @pa.check("opened_at", name="not in the future")
    def _opened_not_future(cls, values: Series[pd.Timestamp]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.check("case_id", name="an export id, not a phone number, date or text")
    def _case_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.check("child_ref", name="an export id, not a phone number, date or text")
    def _child_ref_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)
