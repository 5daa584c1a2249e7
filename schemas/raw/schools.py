"""Pandera model of ``raw_schools__register``: schools and child care / protection facilities
per school year and whether each ran online-safety education (the denominator and numerator of
T1). ``facility_id`` is unique within a file."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import FACILITY_TYPES, PROVINCE_SCHEMES
from schemas.raw.dtypes import Text


class SchoolRegister(pa.DataFrameModel):
    """One row per school or facility and school year."""

    school_year: Series[Text] = pa.Field(
        str_matches=r"^\d{4}-\d{4}$", description="School year, e.g. 2023-2024 (from the file)."
    )
    facility_id: Series[Text] = pa.Field(description="Register id of the school / facility.")
    facility_type: Series[Text] = pa.Field(isin=FACILITY_TYPES, description="Level or kind.")
    province_code: Series[Text] = pa.Field(description="Its province.")
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES, description="The list valid when the school year starts."
    )
    pupils_enrolled: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        le=20_000,
        nullable=True,
        description="Children enrolled / cared for; NULL if not given.",
    )
    ran_online_safety: Series[bool] = pa.Field(
        description="Ran online-safety education for children this school year."
    )
    sessions: Series[pd.Int64Dtype] = pa.Field(
        ge=0, le=1_000, nullable=True, description="Sessions held; NULL if not given."
    )
    pupils_reached: Series[pd.Int64Dtype] = pa.Field(
        ge=0, le=20_000, nullable=True, description="Children who took part; NULL if not given."
    )

    class Config:
        strict = True
        description = "Register of schools and facilities with their online-safety education."
        metadata = {"table": "raw_schools__register", "unique_key": ["facility_id"]}

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.check("facility_id", name="an export id, not a phone number, date or text")
    def _facility_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.dataframe_check(name="pupils_reached <= pupils_enrolled")
    def _reached_within_enrolled(cls, df: pd.DataFrame) -> Series[bool]:
        ok = df["pupils_reached"].isna() | df["pupils_enrolled"].isna()
        return (ok | (df["pupils_reached"] <= df["pupils_enrolled"])).fillna(True).astype(bool)

    @pa.dataframe_check(name="no sessions or pupils reached when none ran")
    def _nothing_when_not_run(cls, df: pd.DataFrame) -> Series[bool]:
        extra = df["sessions"].fillna(0).gt(0) | df["pupils_reached"].fillna(0).gt(0)
        return (df["ran_online_safety"] | ~extra).astype(bool)
