"""Counts written as whole numbers in the release's text files: `80`, not `80.0`.

The public columns value, numerator and denominator are doubles (a rate has decimals, a hidden
cell is empty), and pandas writes a double 80 as `80.0`. `whole_counts` gives them their type
before a CSV or JSON file is written: an indicator's numerator or denominator whose values are
all whole (children, cases, schools) becomes integer, as does the value of a count indicator
(unit `count`); a rate keeps its decimals, and so does a denominator with decimals (the
estimated child population). A column holding both (indicator_values.csv's value: counts and
rates) holds integers beside doubles. Parquet and XLSX keep the doubles: numbers either way.
The SDMX-CSV is left as pysdmx writes it: its data structure types OBS_VALUE, NUMERATOR and
DENOMINATOR as doubles, and pysdmx casts each column to its type before writing (`9.0`).
"""

from __future__ import annotations

import pandas as pd

COUNT_UNIT = "count"
COLUMNS = ("value", "numerator", "denominator")


def whole_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (rows of indicator_values) with its counts typed as integers."""
    frame = frame.copy()
    for column in COLUMNS:
        if column not in frame.columns:
            continue
        numbers = pd.to_numeric(frame[column], errors="coerce")
        whole = (numbers.isna() | (numbers % 1 == 0)).groupby(frame["indicator_code"])
        counts = whole.transform("all")
        if column == "value":
            counts &= frame["unit"].astype(str) == COUNT_UNIT
        frame[column] = _typed(numbers, counts)
    return frame


def _typed(numbers: pd.Series, counts: pd.Series) -> pd.Series:
    if counts.all():
        return numbers.round().astype("Int64")
    if not counts.any():
        return numbers
    mixed = numbers.astype(object)
    chosen = counts & numbers.notna()
    mixed[chosen] = [int(round(v)) for v in numbers[chosen]]
    return mixed
