"""The closed list of reject codes, so that rejects can be counted by kind of problem.

The place that finds a problem names it: a reader raises ``ReadError(text, Reason.X)`` for a whole
file and records ``issues.add(..., Reason.X)`` for a row; validation and the loader do the same
for what they find (duplicates, the file's period, the pandera model). The free-text ``reason`` of
a reject says exactly what was wrong (with the offending value when it is safe to show); its
``reason_code`` is the code of the row's (or file's) first problem. ``ingestion.messages`` says
what each code means to a data officer, in Vietnamese and English.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a file or a row was rejected (the ``reason_code`` column of the rejects table)."""

    # whole files
    DUPLICATE_DELIVERY = "duplicate_delivery"  # same bytes as a file already loaded
    BAD_FILE_NAME = "bad_file_name"  # the file name does not follow the contract
    EMPTY_FILE = "empty_file"  # the file is empty, or a header with no data row
    MISSING_COLUMN = "missing_column"  # a required column (or the header row) is missing
    UNREADABLE_FILE = "unreadable_file"  # not a readable CSV / xlsx / JSON file (or not read
    # into the contract's column types: a reader's fault, which no delivery has been seen to cause)
    UNSUPPORTED_FORMAT = "unsupported_format"  # a file the landing folder does not take
    NOTHING_LOADED = "nothing_loaded"  # no row could be loaded; the earlier delivery stays
    # rows
    DUPLICATE_KEY = "duplicate_key"  # the row repeats a key already seen in the same file
    WRONG_FIELD_COUNT = "wrong_field_count"  # more (or fewer) fields than the header
    OUT_OF_PERIOD = "out_of_period"  # a date outside the period the file name reports on
    IMPLAUSIBLE_VALUE = "implausible_value"  # beyond the plausible bound the contract declares
    UNKNOWN_PROVINCE = "unknown_province"  # province not in the list valid on the row's date
    UNKNOWN_LABEL = "unknown_label"  # a label that maps to no contract code
    UNPARSEABLE_DATE = "unparseable_date"  # a date or timestamp that cannot be read
    MISSING_VALUE = "missing_value"  # a required value is empty
    UNREADABLE_VALUE = "unreadable_value"  # a number or yes/no value that cannot be read
    FAILED_CHECK = "failed_check"  # a value or row fails another rule of the pandera model
