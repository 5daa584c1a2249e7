"""Text normalisation shared by the readers: Unicode NFC, diacritic folding and matching keys."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", value)


def fold(value: str) -> str:
    """Lower-case ``value`` and strip Vietnamese diacritics (``Đà Nẵng`` → ``da nang``)."""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower().strip()


def match_key(value: str) -> str:
    """A key for matching labels: folded, with every non-alphanumeric character removed."""
    return _NON_ALNUM.sub("", fold(value))


def column_key(value: str) -> str:
    """Snake-case key of a header: ``Số người tham dự - Nam`` → ``so_nguoi_tham_du_nam``."""
    return _NON_ALNUM.sub("_", fold(value)).strip("_")


def map_labels(values: pd.Series, mapping: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Map free-text labels to codes through ``mapping`` (whose keys are ``match_key`` keys).

    Returns the codes (``None`` where blank or unknown) and a boolean mask of the values that were
    not blank but matched nothing. Works on the distinct values only, so it is cheap on big files.
    """
    text = values.fillna("").astype(str)
    uniques = pd.unique(text)
    lookup = {raw: mapping.get(match_key(raw)) for raw in uniques}
    unknown = {raw: lookup[raw] is None and bool(raw.strip()) for raw in uniques}
    codes = text.map(lookup)
    bad = text.map(unknown).astype(bool)
    return codes.astype(object).where(codes.notna(), None), bad


def is_blank(values: pd.Series) -> pd.Series:
    """True where a text value is empty or only whitespace (computed on distinct values)."""
    text = values.fillna("").astype(str)
    return text.map({raw: not raw.strip() for raw in pd.unique(text)}).astype(bool)
