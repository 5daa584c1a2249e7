"""The shape of the sample: yearly magnitudes, seasonality, provinces and random streams.

Scale 1 is the real national volume. Figures for 2021–2023 are published (PROGRAMME.md §3);
2024–2025 and every share below are estimates for sizing sample data only.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from schemas.reference import SWITCH_DATE, province_lists, read_reference_csv

YEARS = (2021, 2022, 2023, 2024, 2025)
CONTACTS = {2021: 507_861, 2022: 368_346, 2023: 323_615, 2024: 386_000, 2025: 394_000}
CASES = {2021: 1_257, 2022: 1_561, 2023: 1_230, 2024: 1_238, 2025: 1_226}
APP_ZALO = {2021: 1_651, 2022: 9_679, 2023: 1_313, 2024: 1_520, 2025: 1_780}
WEB = {2021: 140, 2022: 420, 2023: 780, 2024: 1_350, 2025: 2_150}
# Published 2021 counselling: 22,681 information + 11,447 in-depth of 507,861 contacts.
INFORMATION_SHARE = {2021: 0.0447, 2022: 0.0480, 2023: 0.0480, 2024: 0.0475, 2025: 0.0475}
IN_DEPTH_SHARE = {2021: 0.0225, 2022: 0.0240, 2023: 0.0235, 2024: 0.0235, 2025: 0.0235}
ONLINE_CASE_SHARE = {2021: 0.040, 2022: 0.055, 2023: 0.070, 2024: 0.085, 2025: 0.100}
ONLINE_COUNSELLING_SHARE = {2021: 0.030, 2022: 0.042, 2023: 0.055, 2024: 0.066, 2025: 0.078}
SUPPORT_RATE = {2021: 0.905, 2022: 0.920, 2023: 0.935, 2024: 0.955, 2025: 0.970}
TRAINING_GROWTH = {2021: 0.7, 2022: 0.9, 2023: 1.0, 2024: 1.1, 2025: 1.2}
# Tết dip in January/February, summer-holiday rise in June–August.
MONTH_WEIGHT = np.array([0.86, 0.78, 1.0, 1.0, 1.03, 1.12, 1.18, 1.13, 0.97, 0.97, 0.98, 0.98])
HOUR_WEIGHT = np.array(
    [2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 6, 6, 7, 8, 8, 8, 8, 9, 10, 9, 6, 3], dtype=float
)
DATA_END = dt.datetime(2026, 1, 15)
"""Snapshot time of the sample exports: later closures are still open."""


def rng_for(seed: int, *stream: int) -> np.random.Generator:
    """An independent, reproducible random stream for (seed, source, year, …)."""
    return np.random.default_rng(np.random.SeedSequence([seed, *stream]))


def allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    share = weights / weights.sum() * total
    counts = np.floor(share).astype(np.int64)
    remainder = total - counts.sum()
    if remainder > 0:
        order = np.argsort(-(share - counts), kind="stable")
        counts[order[:remainder]] += 1
    return counts


def scaled(value: float, scale: float) -> int:
    """``value`` at ``scale``, rounded."""
    return int(round(value * scale))


def month_starts(year: int) -> np.ndarray:
    """``datetime64[s]`` of the first second of each month of ``year``."""
    return np.array([np.datetime64(f"{year}-{m:02d}-01T00:00:00") for m in range(1, 13)])


def days_in_months(year: int) -> np.ndarray:
    """Number of days of each month of ``year``."""
    return np.array([pd.Period(f"{year}-{m:02d}").days_in_month for m in range(1, 13)])


def local_times(
    rng: np.random.Generator, year: int, months: np.ndarray, hour_weight: np.ndarray
) -> np.ndarray:
    """Random local ``datetime64[s]`` within the given month index (0–11) of ``year``."""
    days = np.floor(rng.random(len(months)) * days_in_months(year)[months]).astype(np.int64)
    hours = rng.choice(24, size=len(months), p=hour_weight / hour_weight.sum())
    seconds = rng.integers(0, 3600, size=len(months))
    offset = days * 86_400 + hours * 3600 + seconds
    return month_starts(year)[months] + offset.astype("timedelta64[s]")


@dataclass(frozen=True)
class ProvinceFrame:
    """The 63 old provinces with population weights, names and their 2025 successors."""

    codes: np.ndarray
    weights: np.ndarray
    successor: np.ndarray
    region: np.ndarray
    name_vi: dict[str, str]
    name_ascii: dict[str, str]
    name_vi_2025: dict[str, str]


@cache
def provinces() -> ProvinceFrame:
    """Old provinces weighted by 2019 census population."""
    lists = province_lists()
    population = read_reference_csv("population_2019_census.csv").set_index("province_code")
    p2004 = lists.p2004
    pop = population.loc[p2004.index, "population_2019"].astype(float).to_numpy()
    return ProvinceFrame(
        codes=p2004.index.to_numpy(dtype=object),
        weights=pop / pop.sum(),
        successor=p2004["successor_code_2025"].to_numpy(dtype=object),
        region=p2004["region6_code"].to_numpy(dtype=object),
        name_vi=dict(zip(p2004.index, p2004["name_vi"], strict=True)),
        name_ascii=dict(zip(p2004.index, p2004["name_ascii"], strict=True)),
        name_vi_2025=dict(zip(lists.p2025.index, lists.p2025["name_vi"], strict=True)),
    )


def is_new_scheme(local: np.ndarray) -> np.ndarray:
    """Whether each local timestamp falls on or after 1 July 2025."""
    return local >= np.datetime64(SWITCH_DATE.isoformat())


def province_text(
    rng: np.random.Generator, index: np.ndarray, new_scheme: np.ndarray, unknown: np.ndarray
) -> np.ndarray:
    """How an export writes the province: mostly ``01``, sometimes ``1`` or the Vietnamese name.

    ``index`` points into ``provinces().codes``; rows on/after 1 July 2025 carry the successor.
    """
    frame = provinces()
    codes = np.where(new_scheme, frame.successor[index], frame.codes[index]).astype(object)
    style = rng.random(len(index))
    out = codes.copy()
    short = style >= 0.85
    out[short] = [str(int(c)) for c in codes[short]]
    named = style >= 0.95
    out[named] = [
        frame.name_vi_2025[c] if new else frame.name_vi[c]
        for c, new in zip(codes[named], new_scheme[named], strict=True)
    ]
    out[unknown] = ""
    return out


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Vietnamese text as Windows-1258 writes it: a base letter, then its tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
            out += (base + "".join(p for p in parts if p in _TONES)).encode("cp1258")
    return bytes(out)


def write_export(path: Path, frame: pd.DataFrame, received: dt.datetime, encoding: str) -> None:
    """Write a CSV export in ``encoding`` (``cp1258`` as Windows writes it), dated ``received``
    (its mtime, UTC), as the police's and inspectorates' systems deliver them."""
    text = frame.to_csv(index=False, lineterminator="\n")
    path.write_bytes(windows_1258(text) if encoding == "cp1258" else text.encode(encoding))
    stamp = received.replace(tzinfo=dt.UTC).timestamp()
    os.utime(path, (stamp, stamp))


def write_reexports(
    stem: Path, first: pd.DataFrame, later: pd.DataFrame, encoding: str, duplicate: bool
) -> dict[str, int]:
    """The export ``<stem>.csv`` as its system sends it again at the snapshot (``DATA_END``):
    ``<stem>_v2.csv`` when rows changed since the first export ``first`` (a removal or a
    resolution recorded later), and, when ``duplicate``, ``<stem>_v3.csv``, the same bytes
    again. Returns the files, re-exports and duplicates written."""
    written = {"files": 0, "reexports": 0, "duplicates": 0}
    if later.equals(first):
        return written
    write_export(stem.with_name(f"{stem.name}_v2.csv"), later, DATA_END, encoding)
    written.update(files=1, reexports=1)
    if duplicate:
        write_export(stem.with_name(f"{stem.name}_v3.csv"), later, DATA_END, encoding)
        written.update(files=2, duplicates=1)
    return written
