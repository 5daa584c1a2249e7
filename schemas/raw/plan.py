"""Pandera model of ``raw_plan__completions``: the programme office's record of the official
report that a Plan 838 deliverable (a milestone of ``schemas/programmes``) is complete. One row
per report; ``milestone_id`` is unique within a file (a later report of the same deliverable,
in a later file, corrects it: dbt keeps the report with the latest document date)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.raw import checks
from schemas.raw.dtypes import Date, Text

MILESTONE_ID = r"^M-[0-9A-Z]+(?:-[0-9A-Z]+)*$"
"""A milestone id of the programme files, e.g. M-06-PORTAL, M-10A-CSAM-DATABASE."""
DOCUMENT_NUMBER = r"^\d{1,5}/[0-9A-Za-zĐđ.-]{1,30}$"
"""A Vietnamese document number, e.g. 112/BC-CTE, 45/QĐ-LĐTBXH."""


class PlanCompletion(pa.DataFrameModel):
    """One row per official completion report."""

    milestone_id: Series[Text] = pa.Field(
        str_matches=MILESTONE_ID, description="The deliverable (milestone id of the programme)."
    )
    completed_date: Series[Date] = pa.Field(description="Date the deliverable was completed.")
    document_number: Series[Text] = pa.Field(
        str_matches=DOCUMENT_NUMBER, description="Number of the official report, e.g. 112/BC-CTE."
    )
    document_date: Series[Date] = pa.Field(description="Date of the official report.")

    class Config:
        strict = True
        description = "Official reports of completion of the plan's dated deliverables."
        metadata = {
            "table": "raw_plan__completions",
            "unique_key": ["milestone_id"],
            "period_column": "document_date",
        }

    @pa.check("document_date", name="not in the future")
    def _document_not_future(cls, values: Series[Date]) -> Series[bool]:
        return checks.not_in_future(values)

    @pa.dataframe_check(name="completed_date not after document_date")
    def _completed_before_report(cls, df: pd.DataFrame) -> Series[bool]:
        completed = pd.to_datetime(df["completed_date"])
        reported = pd.to_datetime(df["document_date"])
        return completed.isna() | reported.isna() | (completed <= reported)
