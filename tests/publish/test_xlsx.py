"""The release's workbooks (publish/xlsx.py): read back by openpyxl and pandas as the frames they
were written from, the same frames giving the same bytes."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from publish.xlsx import column_letter, write_workbook

DATA = pd.DataFrame(
    {
        "indicator_code": ["IND-01", "IND-01", None, "IND-02"],
        "geo_name": ["Hà Nội", "Thừa Thiên Huế", "a < b & c > d", "  spaces kept  "],
        "value": [1.5, np.nan, 0.1 + 0.2, 1e-7],
        "numerator": [3.0, 1234567890123.0, np.nan, -2.0],
        "count": pd.Series([1, 2, 3, 2**53], dtype="int64"),
        "flag": [True, False, True, False],
        "mixed": ["text", 7, np.nan, False],
        "control": ["tab\tand\nnewline", "bell\x07", "", "ok"],
    }
)
META = pd.DataFrame({"field": ["slug", "decimals"], "value": ["cases", 1]})


def test_openpyxl_reads_every_cell_as_written(tmp_path):
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"Data": DATA, "Metadata": META})
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Data", "Metadata"]
    sheet = book["Data"]
    assert sheet.max_row == len(DATA) + 1 and sheet.max_column == len(DATA.columns)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == list(DATA.columns)
    assert rows[1][:6] == ["IND-01", "Hà Nội", 1.5, 3, 1, True]
    assert rows[2][2] is None and rows[2][3] == 1234567890123  # NaN: an empty cell
    assert rows[3][0] is None and rows[3][1] == "a < b & c > d"
    assert math.isclose(rows[3][2], 0.1 + 0.2, rel_tol=1e-15)
    assert rows[4][1] == "  spaces kept  " and rows[4][4] == 2**53
    assert [r[6] for r in rows[1:]] == ["text", 7, None, False]
    assert rows[1][7] == "tab\tand\nnewline"
    assert rows[2][7] == "bell_x0007_"  # XML cannot hold it: Excel's own escape


def test_pandas_reads_the_frame_back(tmp_path):
    path = tmp_path / "book.xlsx"
    write_workbook(path, {"Data": DATA, "Metadata": META})
    back = pd.read_excel(path, sheet_name=None)
    assert list(back) == ["Data", "Metadata"]
    expected = DATA.drop(columns=["mixed", "control"]).replace({None: np.nan})
    pd.testing.assert_frame_equal(back["Data"][expected.columns], expected)
    pd.testing.assert_frame_equal(back["Metadata"], META)


def test_the_same_frames_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_workbook(first, {"Data": DATA})
    write_workbook(second, {"Data": DATA.copy()})
    assert first.read_bytes() == second.read_bytes()


def test_an_empty_frame_is_a_header_row(tmp_path):
    path = tmp_path / "empty.xlsx"
    write_workbook(path, {"Data": DATA.iloc[0:0]})
    rows = list(load_workbook(path, read_only=True)["Data"].iter_rows(values_only=True))
    assert rows == [tuple(DATA.columns)]


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip
