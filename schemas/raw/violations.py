"""Pandera model of ``raw_violations__subjects``: organisations and individuals reported
(tố giác) or detected violating the law against children online, from the export of the
police's cyber-security unit (A05) and the inspectorates, with the date of each handling step.

``subject_id`` is a pseudonym unique within a file (the loader keeps the first row and rejects
later duplicates); names and ID numbers in the export never reach this table.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import (
    PROVINCE_SCHEMES,
    SUBJECT_TYPES,
    VIOLATION_CHANNELS,
    VIOLATION_TYPES,
)
from schemas.raw.dtypes import Date, Text

STEP_COLUMNS = [
    "verified_date",
    "sanctioned_date",
    "prosecuted_date",
    "transferred_date",
    "no_violation_date",
]
"""The handling steps, each the date it happened (NULL while it has not)."""

HANDLED_COLUMNS = ["sanctioned_date", "prosecuted_date", "transferred_date"]
"""Handled under the law: an administrative sanction, a criminal prosecution or a transfer."""


def _step(description: str) -> Any:  # pandera.Field returns its FieldInfo
    return pa.Field(nullable=True, description=description)


class ViolationSubject(pa.DataFrameModel):
    """One row per organisation or individual reported or detected."""

    subject_id: Series[Text] = pa.Field(
        str_length={"min_value": 1},
        description="Pseudonymous subject id of the export, never a name or ID number.",
    )
    subject_type: Series[Text] = pa.Field(
        isin=SUBJECT_TYPES, description="individual or organisation."
    )
    reported_date: Series[Date] = pa.Field(
        description="Date reported (tố giác) or detected: the cohort date."
    )
    intake_channel: Series[Text] = pa.Field(
        isin=VIOLATION_CHANNELS,
        description="How it came in: citizen_report, hotline_111, platform_report, "
        "police_detection, inspection.",
    )
    province_code: Series[Text] = pa.Field(
        nullable=True, description="Province where reported or detected, NULL when unknown."
    )
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    violation_type: Series[Text] = pa.Field(
        isin=VIOLATION_TYPES, description="The violation reported or detected."
    )
    verified_date: Series[Date] = _step("Verification (xác minh) concluded.")
    sanctioned_date: Series[Date] = _step("Administrative sanction decided.")
    prosecuted_date: Series[Date] = _step("Criminal proceedings instituted (khởi tố).")
    transferred_date: Series[Date] = _step("Transferred to another competent agency.")
    no_violation_date: Series[Date] = _step("Concluded that no violation was established.")

    class Config:
        strict = True
        description = "Subjects reported or detected violating the law against children online."
        metadata = {
            "table": "raw_violations__subjects",
            "unique_key": ["subject_id"],
            "period_column": "reported_date",
        }

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="province_scheme valid on reported_date")
    def _scheme_fits_date(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.scheme_fits_date(df, "reported_date")

    @pa.check("reported_date", name="not in the future")
    def _reported_not_future(cls, values: Series[Date]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.check("subject_id", name="an export id, not a phone number, date or text")
    def _subject_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.dataframe_check(name="no handling step before reported_date")
    def _steps_after_report(cls, df: pd.DataFrame) -> Series[bool]:
        reported = pd.to_datetime(df["reported_date"])
        ok = pd.Series(True, index=df.index)
        for column in STEP_COLUMNS:
            step = pd.to_datetime(df[column])
            ok &= step.isna() | (step >= reported)
        return ok

    @pa.dataframe_check(name="no violation established excludes sanction, prosecution, transfer")
    def _no_violation_alone(cls, df: pd.DataFrame) -> Series[bool]:
        handled = pd.concat([df[c].notna() for c in HANDLED_COLUMNS], axis=1).any(axis=1)
        return df["no_violation_date"].isna() | ~handled
