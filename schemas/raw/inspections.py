"""Pandera models of the inspectorates' monthly exports of inspection and monitoring visits on
child online protection (Plan 838 activity 11): ``raw_inspections__visits``, one row per visit,
and ``raw_inspections__recommendations``, one row per recommendation (kiến nghị) of a visit's
conclusion with the date it was resolved.

The export carries the inspected organisation's name, the team leader's name and the text of
findings and recommendations: none is a contract column, so they are dropped when read.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.codes import INSPECTING_BODIES, INSPECTION_FINDINGS, PROVINCE_SCHEMES
from schemas.raw.dtypes import Date, Text


class InspectionVisit(pa.DataFrameModel):
    """One row per inspection or monitoring visit."""

    visit_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="Export id of the visit."
    )
    visit_date: Series[Date] = pa.Field(description="First day of the visit.")
    province_code: Series[Text] = pa.Field(
        nullable=True, description="Province inspected, NULL when unknown."
    )
    province_scheme: Series[Text] = pa.Field(
        isin=PROVINCE_SCHEMES,
        description="Code list of province_code: province_2004 or province_2025.",
    )
    inspecting_body: Series[Text] = pa.Field(
        isin=INSPECTING_BODIES,
        description="ministry_inspectorate, provincial_inspectorate, police or interagency.",
    )
    finding: Series[Text] = pa.Field(
        isin=INSPECTION_FINDINGS, description="no_violation or violation_found."
    )
    recommendations: Series[pd.Int64Dtype] = pa.Field(
        ge=0, le=200, description="Recommendations the visit's conclusion made."
    )

    class Config:
        strict = True
        description = "Inspection and monitoring visits on child online protection."
        metadata = {
            "table": "raw_inspections__visits",
            "unique_key": ["visit_id"],
            "period_column": "visit_date",
        }

    @pa.check("visit_id", name="an export id, not a phone number, date or text")
    def _visit_id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.check("visit_date", name="not in the future")
    def _not_future(cls, values: Series[Date]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.dataframe_check(name="province_code valid in province_scheme")
    def _code_fits_scheme(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.code_fits_scheme(df)

    @pa.dataframe_check(name="province_scheme valid on visit_date")
    def _scheme_fits_date(cls, df: pd.DataFrame) -> Series[bool]:
        return checks.scheme_fits_date(df, "visit_date")


class InspectionRecommendation(pa.DataFrameModel):
    """One row per recommendation of a visit's conclusion."""

    recommendation_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="Export id of the recommendation."
    )
    visit_id: Series[Text] = pa.Field(
        str_length={"min_value": 1}, description="The visit (raw_inspections__visits)."
    )
    concluded_date: Series[Date] = pa.Field(
        description="Date of the conclusion that made the recommendation."
    )
    resolved_date: Series[Date] = pa.Field(
        nullable=True, description="Date the recommendation was resolved; NULL while it is not."
    )

    class Config:
        strict = True
        description = "Recommendations of inspection conclusions and when each was resolved."
        metadata = {
            "table": "raw_inspections__recommendations",
            "unique_key": ["recommendation_id"],
            "period_column": "concluded_date",
        }

    @pa.check("recommendation_id", name="an export id, not a phone number, date or text")
    def _id_shape(cls, values: Series[Text]) -> Series[bool]:
        return checks.is_export_id(values)

    @pa.check("concluded_date", name="not in the future")
    def _not_future(cls, values: Series[Date]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.dataframe_check(name="resolved_date not before concluded_date")
    def _resolved_after(cls, df: pd.DataFrame) -> Series[bool]:
        resolved = pd.to_datetime(df["resolved_date"])
        return resolved.isna() | (resolved >= pd.to_datetime(df["concluded_date"]))
