"""Resolving province codes or names (as written in source files) to codes of a scheme.

The lists themselves (63 provinces of 2004, 34 of 2025), the schemes and the switch date are
reference data in ``schemas.reference``. A value is resolved against the scheme valid on the
row's date.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from ingestion.text import match_key
from schemas.reference import SCHEME_2004, SCHEME_2025, SWITCH_DATE, province_lists

_UNKNOWN = {"", "notset", "unknown", "khongro", "khongxacdinh", "na", "none", "null", "khac"}
_PREFIXES = ("thanhpho", "tinh", "tp")
_ALIASES_2004 = {"hue": "46", "tphcm": "79", "hcm": "79", "hochiminhcity": "79", "saigon": "79"}
_ALIASES_2025 = {"tphcm": "79", "hcm": "79", "hochiminhcity": "79", "saigon": "79"}
_CODE = re.compile(r"^\s*(\d{1,2})(?:\.0+)?\s*$")


def _strip_prefix(key: str) -> str:
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            return key[len(prefix) :]
    return key


@cache
def _name_index() -> dict[str, dict[str, str]]:
    """Name key → code, per scheme. Old-province names after the switch map to the successor."""
    lists = province_lists()
    index: dict[str, dict[str, str]] = {SCHEME_2004: dict(_ALIASES_2004), SCHEME_2025: {}}
    for row in lists.p2004.itertuples():
        for name in (row.name_vi, row.name_ascii):
            index[SCHEME_2004][_strip_prefix(match_key(name))] = row.province_code
    # An old province's name used after 1 July 2025 means its (unique) successor: merges only.
    for row in lists.p2004.itertuples():
        for name in (row.name_vi, row.name_ascii):
            index[SCHEME_2025][_strip_prefix(match_key(name))] = row.successor_code_2025
    index[SCHEME_2025].update(_ALIASES_2025)
    for row in lists.p2025.itertuples():
        for name in (row.name_vi, row.name_ascii):
            index[SCHEME_2025][_strip_prefix(match_key(name))] = row.province_code
    return index


def scheme_for(dates: pd.Series) -> pd.Series:
    """The province scheme valid on each date (``datetime64`` or ``date`` values)."""
    stamps = pd.to_datetime(dates)
    is_new = (stamps >= pd.Timestamp(SWITCH_DATE)).to_numpy()
    return pd.Series(np.where(is_new, SCHEME_2025, SCHEME_2004), index=dates.index, dtype=object)


def is_province_name(value: str) -> bool:
    """``value`` names a province of either list (with or without diacritics or prefix)."""
    key = match_key(value)
    names = _name_index()
    return any(key in names[s] or _strip_prefix(key) in names[s] for s in names)


def resolve_one(value: str, scheme: str) -> tuple[str | None, str | None]:
    """Resolve a code (``1``, ``01``) or a name to a code of ``scheme``.

    Returns ``(code, None)``, ``(None, None)`` for an explicitly unknown province, or
    ``(None, reason)`` when the value cannot be resolved.
    """
    match = _CODE.match(value)
    if match:
        code = match.group(1).zfill(2)
        if code in province_lists().codes(scheme):
            return code, None
        return None, f"province code {code!r} is not a {scheme} code"
    key = match_key(value)
    if key in _UNKNOWN:
        return None, None
    code = _name_index()[scheme].get(key) or _name_index()[scheme].get(_strip_prefix(key))
    if code is None:
        return None, f"unknown province (not a name in the {scheme} list)"
    return code, None


def resolve_provinces(values: pd.Series, schemes: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Resolve many province values at once against the scheme of each row.

    Returns codes (``None`` for unknown) and the failure reason per row (``None`` when fine).
    """
    text = values.fillna("").astype(str).to_numpy()
    scheme = schemes.to_numpy()
    # Each distinct (value, scheme) pair is solved once; rows take their pair's answer.
    value_ids, distinct_values = pd.factorize(text)
    scheme_ids, distinct_schemes = pd.factorize(scheme)
    width = max(len(distinct_schemes), 1)
    pair_ids, pairs = pd.factorize(value_ids * width + scheme_ids)
    solved = [resolve_one(distinct_values[p // width], distinct_schemes[p % width]) for p in pairs]
    codes = np.array([code for code, _ in solved], dtype=object)[pair_ids]
    reasons = np.array([reason for _, reason in solved], dtype=object)[pair_ids]
    return (
        pd.Series(codes, index=values.index, dtype=object),
        pd.Series(reasons, index=values.index, dtype=object),
    )
