"""Write data frames as an XLSX workbook (Office Open XML), one sheet per frame.

The release's workbooks are plain tables: a bold header row, then numbers and text. Writing
them cell by cell through a general workbook library (pandas' `to_excel` over xlsxwriter, no
longer a dependency) cost about 40 µs a cell, most of the `release` step; here each sheet's XML
is assembled column-wise in one pass and zipped, about 1 µs a cell. Text goes to the workbook's
shared strings (each distinct text once), as spreadsheet programs write it themselves. The
result is deterministic: the same frames give the same bytes (fixed timestamps in the zip).

What a cell becomes, as pandas wrote it before: a missing value (None, NaN) an empty cell; a bool
a boolean; an int or float a number (`%.16G`, as xlsxwriter writes it); anything else its text.
openpyxl and pandas read these workbooks back (tests/publish/test_xlsx.py).
"""

from __future__ import annotations

import math
import re
import zipfile
from numbers import Number
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

_STAMP = (1980, 1, 1, 0, 0, 0)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _SharedStrings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def cell(self, ref: str, text: str) -> str:
        self.count += 1
        position = self.index.setdefault(text, len(self.index))
        return f'<c r="{ref}" t="s"><v>{position}</v></c>'

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{_text(s)}</t></si>' for s in self.index)
        return (
            f'{_HEAD}<sst xmlns="{_NS}" count="{self.count}" uniqueCount="{len(self.index)}">'
            f"{items}</sst>"
        )


def _text(value: str) -> str:
    """XML text; characters XML cannot hold are written as Excel's `_xHHHH_` escapes."""
    value = _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return escape(value)


def _number(value: float) -> str:
    return f"{value:.16G}"


def _column(values: pd.Series, letter: str, strings: _SharedStrings) -> list[str]:
    """The XML of every data cell of one column (an empty string for an empty cell)."""
    refs = [f"{letter}{row}" for row in range(2, len(values) + 2)]
    array = values.to_numpy()
    if pd.api.types.is_bool_dtype(values.dtype) and values.dtype != object:
        return [f'<c r="{r}" t="b"><v>{int(v)}</v></c>' for r, v in zip(refs, array, strict=True)]
    if pd.api.types.is_numeric_dtype(values.dtype) and values.dtype != object:
        missing = pd.isna(values).to_numpy()
        floats = array.astype(float)
        return [
            "" if gone else f'<c r="{r}"><v>{_number(v)}</v></c>'
            for r, v, gone in zip(refs, floats, missing, strict=True)
        ]
    if pd.api.types.infer_dtype(values, skipna=True) == "string":  # text (the usual column)
        missing = pd.isna(values).to_numpy()
        strings.count += int((~missing).sum())
        index = strings.index
        return [
            "" if gone else f'<c r="{r}" t="s"><v>{index.setdefault(v, len(index))}</v></c>'
            for r, v, gone in zip(refs, array, missing, strict=True)
        ]
    return [_any(r, v, strings) for r, v in zip(refs, array, strict=True)]


def _any(ref: str, value: object, strings: _SharedStrings) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, Number):
        number = float(value)  # type: ignore[arg-type]
        return "" if math.isnan(number) else f'<c r="{ref}"><v>{_number(number)}</v></c>'
    return strings.cell(ref, str(value))


def _sheet(frame: pd.DataFrame, strings: _SharedStrings) -> str:
    letters = [column_letter(k) for k in range(len(frame.columns))]
    header = "".join(
        f'<c r="{letter}1" s="1" t="s"><v>{strings.index.setdefault(str(name), len(strings.index))}'
        "</v></c>"
        for letter, name in zip(letters, frame.columns, strict=True)
    )
    strings.count += len(letters)
    columns = [_column(frame.iloc[:, k], letter, strings) for k, letter in enumerate(letters)]
    rows = [f'<row r="1">{header}</row>']
    rows += [
        f'<row r="{number}">{"".join(cells)}</row>'
        for number, cells in enumerate(zip(*columns, strict=True), start=2)
    ]
    last = f"{letters[-1]}{len(frame) + 1}" if letters else "A1"
    return (
        f'{_HEAD}<worksheet xmlns="{_NS}" xmlns:r="{_REL}"><dimension ref="A1:{last}"/>'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def write_workbook(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """Write `sheets` (sheet name -> frame, in order) to `path`, without the frames' index."""
    strings = _SharedStrings()
    parts = {f"xl/worksheets/sheet{k}.xml": _sheet(frame, strings)
             for k, frame in enumerate(sheets.values(), start=1)}  # fmt: skip
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{k}.xml" '
        f'ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
        for k in range(1, len(names) + 1)
    )
    parts["[Content_Types].xml"] = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
        '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" '
        f'ContentType="{_CT}.spreadsheetml.sharedStrings+xml"/>{overrides}</Types>'
    )
    parts["_rels/.rels"] = (
        f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    sheet_list = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{k}" r:id="rId{k}"/>'
        for k, name in enumerate(names, start=1)
    )
    parts["xl/workbook.xml"] = (
        f'{_HEAD}<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{sheet_list}</sheets></workbook>'
    )
    n = len(names)
    relations = "".join(
        f'<Relationship Id="rId{k}" Type="{_REL}/worksheet" Target="worksheets/sheet{k}.xml"/>'
        for k in range(1, n + 1)
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{relations}'
        f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    parts["xl/styles.xml"] = _STYLES
    parts["xl/sharedStrings.xml"] = strings.xml()
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
             "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"]  # fmt: skip
    order += [name for name in parts if name.startswith("xl/worksheets/")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name].encode("utf-8"), compresslevel=6)
