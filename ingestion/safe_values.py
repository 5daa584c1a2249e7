"""Which source values may be stored or shown outside the raw tables (rejects, messages).

A reject keeps the file, the row, the column and a reason; a cell's *value* is kept only when it
cannot identify anyone: a number, a date or time, an export id (letters and digits with at
least one digit), a label of a contract code list or a province name. Anything else (names,
phone numbers, e-mails, links, spreadsheet formulas, free text) is left out, even from a
contract column: a value that failed to parse is not the value the contract expected.
"""

from __future__ import annotations

import math
import re
from functools import cache

from ingestion.provinces import is_province_name
from ingestion.text import match_key
from schemas.raw.checks import looks_like_phone

_NUMBER = re.compile(r"^[+-]?(\d{1,3}([.,\s]\d{3})+|\d+)([.,]\d+)?$")
_DATE = re.compile(
    r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_ID = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$")
MAX_LENGTH = 40


@cache
def _labels() -> frozenset[str]:
    from ingestion import labels  # the code lists, read on first use

    keys = {k for v in vars(labels).values() if isinstance(v, dict) for k in v}
    return frozenset(keys)


def safe_text(value: object) -> str | None:
    """``value`` as text when it is safe to store outside the raw tables, else None."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_LENGTH or looks_like_phone(text):
        return None
    if _NUMBER.match(text) or _DATE.match(text) or _ID.match(text):
        return text
    known = match_key(text) in _labels() or is_province_name(text)
    return text if known else None
