"""Stable codes for reject reasons, so that rejects can be counted by kind of problem.

The free-text ``reason`` of a reject says exactly what was wrong (with the offending value); its
``reason_code`` is one of ``REASON_CODES`` and classifies the first problem of the row or file.
"""

from __future__ import annotations

import re

REASON_CODES: dict[str, str] = {
    # whole files
    "duplicate_delivery": "same bytes as a file already loaded",
    "bad_file_name": "the file name does not follow the contract",
    "empty_file": "the file is empty",
    "missing_column": "a required column is missing",
    "schema_error": "a column has the wrong type for the whole file",
    "unreadable_file": "not a readable CSV / xlsx / JSON file",
    "unsupported_format": "a file the landing folder does not take (.xls, unknown name)",
    "nothing_loaded": "no row of the file could be loaded; the earlier delivery stays",
    # rows
    "duplicate_key": "the row repeats a key already seen in the same file",
    "wrong_field_count": "the row has more (or fewer) fields than the header",
    "out_of_period": "a date outside the month / quarter the file name reports on",
    "implausible_value": "a number beyond the plausible bound the contract declares",
    "unknown_province": "province code or name not in the list valid on the row's date",
    "unknown_label": "a label that maps to no contract code",
    "unparseable_date": "a date or timestamp that cannot be read",
    "missing_value": "a required value is empty",
    "unreadable_value": "a number or yes/no value that cannot be read",
    "failed_check": "a value or row fails a rule of the pandera model",
}
"""reason_code → what it means."""

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), code)
    for p, code in (
        (r"^duplicate delivery", "duplicate_delivery"),
        (r"^file name|^folder .* is not a quarter|is not a province code", "bad_file_name"),
        (r"^empty file|^empty export", "empty_file"),
        (r"^missing column|^no header row", "missing_column"),
        (r"^schema error", "schema_error"),
        (r"^duplicate key", "duplicate_key"),
        (r"^not read:", "unsupported_format"),
        (r"^no row could be loaded", "nothing_loaded"),
        (r"^row has \d+ fields", "wrong_field_count"),
        (r"outside the file's period", "out_of_period"),
        (r"less_than_or_equal_to|beyond any plausible", "implausible_value"),
        (r"province", "unknown_province"),
        (r"^unknown .* label", "unknown_label"),
        (r"^unparseable|^missing or unparseable date|^unreadable event_date", "unparseable_date"),
        (r" is empty$", "missing_value"),
        (r"^unreadable |^not a yes/no|is not a whole number", "unreadable_value"),
        (r"^not a readable|^unreadable file|^expected an obj|^every day", "unreadable_file"),
    )
]


def reason_code(reason: str | None, whole_file: bool = False) -> str:
    """The code of the first problem in ``reason`` (problems are joined by ``"; "``)."""
    first = (reason or "").split("; ", 1)[0].strip()
    for pattern, code in _RULES:
        if pattern.search(first):
            return code
    return "unreadable_file" if whole_file else "failed_check"
