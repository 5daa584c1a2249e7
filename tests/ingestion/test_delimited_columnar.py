"""The columnar CSV path (pyarrow) of ingestion/readers/delimited.py reads exactly what the csv
module reads, and hands every irregular file to the csv module."""

from __future__ import annotations

import pytest

from ingestion.readers.delimited import WHOLE_ROW, _columns, _rows, read_delimited
from ingestion.reasons import Reason

HEADER = "id,name,note\r\n"
REGULAR = [
    HEADER + '1,An,plain\r\n2,Bình,"with, comma"\r\n',
    HEADER + '1,An,"two\nlines"\r\n\r\n2,B,"doubled ""quotes"""\r\n',
    HEADER + '1,ab"cd,"x"y\n3,,\n,,\n',
    "\n\n" + HEADER + "1,An,last line without newline",
    HEADER.replace(",", ";") + "1;An;x,y\n",
]
IRREGULAR = [
    HEADER + "1,An,note,extra\r\n2,B,c\r\n",  # a trailing field
    HEADER + "1,An\r\n",  # a short row
    HEADER + '1,"never closed,x\n2,B,c\n',
    HEADER + "1,A\x00n,c\n",
    HEADER + "1,A,c\n \n",  # a line of spaces is a row of one field
]


@pytest.mark.parametrize("text", REGULAR)
def test_regular_files_read_as_the_csv_module_reads_them(text: str) -> None:
    delimiter = ";" if ";" in text.split("\n")[2 if text.startswith("\n") else 0] else ","
    columns = _columns(text, delimiter)
    assert columns is not None, "a regular file takes the columnar path"
    header, body = _rows(text, delimiter)
    assert [list(c) for c in columns] == [list(c) for c in zip(header, *body, strict=True)]


@pytest.mark.parametrize("text", IRREGULAR)
def test_irregular_files_go_to_the_csv_module(text: str) -> None:
    assert _columns(text, ",") is None


def test_a_wrong_width_row_is_still_rejected_whole() -> None:
    aliases = {"id": ["id"], "name": ["name"]}
    read = read_delimited(IRREGULAR[0].encode(), aliases, ["id", "name"])
    assert read.issues.rows == [
        (0, WHOLE_ROW, "row has 4 fields but the header has 3", Reason.WRONG_FIELD_COUNT)
    ]
    assert read.frame["id"].tolist() == ["", "2"]
