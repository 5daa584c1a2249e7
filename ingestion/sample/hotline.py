"""Sample hotline 111 exports: ``hotline/contacts_YYYY-MM.csv``, ``hotline/cases_YYYY-MM.csv``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.sample import identities
from ingestion.sample.shape import (
    APP_ZALO,
    CASES,
    CONTACTS,
    DATA_END,
    HOUR_WEIGHT,
    IN_DEPTH_SHARE,
    INFORMATION_SHARE,
    MONTH_WEIGHT,
    ONLINE_CASE_SHARE,
    ONLINE_COUNSELLING_SHARE,
    SUPPORT_RATE,
    WEB,
    allocate,
    is_new_scheme,
    local_times,
    province_text,
    provinces,
    rng_for,
    scaled,
)
from schemas.raw.codes import ABUSE_TYPES, AGE_BANDS, CALLER_TYPES, ONLINE_SUBTYPES

CONTACTS_STREAM, CASES_STREAM = 1, 2
CHANNEL_LABEL = {"phone": "Điện thoại", "app": "Ứng dụng", "zalo": "Zalo", "web": "Website"}
CALLER_P = [0.49, 0.17, 0.08, 0.03, 0.07, 0.03, 0.05, 0.08]
ABUSE_P = [0.36, 0.24, 0.04, 0.02, 0.12, 0.08, 0.10, 0.04]
ABUSE_ONLINE_P = [0.20, 0.50, 0.10, 0.02, 0.00, 0.08, 0.00, 0.10]
SUBTYPE_P = [0.20, 0.16, 0.10, 0.22, 0.10, 0.08, 0.06, 0.05, 0.03]
AGE_P = [0.09, 0.22, 0.38, 0.12, 0.14, 0.05]
CENTRE = {"TDMNPB": "ha_noi", "DBSH": "ha_noi", "BTB_DHMT": "da_nang", "TN": "da_nang",
          "DNB": "an_giang", "DBSCL": "an_giang"}  # fmt: skip


def _iso(stamps: np.ndarray) -> np.ndarray:
    return np.datetime_as_string(stamps.astype("datetime64[s]"), unit="s")


def contacts_year(year: int, scale: float, seed: int) -> pd.DataFrame:
    """All sample contacts of ``year`` as the export writes them, plus a ``_month`` column."""
    rng = rng_for(seed, CONTACTS_STREAM, year)
    n = scaled(CONTACTS[year], scale)
    months = np.repeat(np.arange(12), allocate(n, MONTH_WEIGHT))
    local = np.sort(local_times(rng, year, months, HOUR_WEIGHT))
    months = local.astype("datetime64[M]").astype(int) % 12
    app = scaled(APP_ZALO[year] * 0.45, scale)
    zalo = scaled(APP_ZALO[year], scale) - app
    web = scaled(WEB[year], scale)
    channel = np.array(["app"] * app + ["zalo"] * zalo + ["web"] * web, dtype=object)
    channel = rng.permutation(np.concatenate([channel, np.full(n - len(channel), "phone", object)]))
    counts = {
        "intervention_request": scaled(CASES[year], scale),
        "information": scaled(CONTACTS[year] * INFORMATION_SHARE[year], scale),
        "in_depth_counselling": scaled(CONTACTS[year] * IN_DEPTH_SHARE[year], scale),
        "other": round(n * 0.04),
        "nuisance": round(n * 0.22),
    }
    outcome = np.concatenate([np.full(c, k, dtype=object) for k, c in counts.items()])
    outcome = rng.permutation(
        np.concatenate([outcome, np.full(n - len(outcome), "silent", object)])
    )
    silent = outcome == "silent"
    nuisance = outcome == "nuisance"
    caller = rng.choice(CALLER_TYPES, size=n, p=CALLER_P).astype(object)
    caller[silent] = "unknown"
    province = rng.choice(len(provinces().codes), size=n, p=provinces().weights)
    unknown_p = np.where(silent, 0.7, np.where(nuisance, 0.5, 0.04))
    unknown = rng.random(n) < unknown_p
    online_p = np.where(
        outcome == "intervention_request",
        ONLINE_CASE_SHARE[year],
        np.where(silent | nuisance, 0.0, ONLINE_COUNSELLING_SHARE[year]),
    )
    online = rng.random(n) < online_p
    caller_name = identities.names(rng, n).astype(object)
    caller_name[silent | (rng.random(n) < 0.3)] = ""
    phone = identities.phones(rng, n).astype(object)
    phone[channel == "web"] = ""
    note = identities.notes(rng, n)
    note[silent] = "Cuộc gọi im lặng."
    ids = pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(7)
    return pd.DataFrame(
        {
            "contact_id": f"L{year}-" + ids,
            "received_at": _iso(local),
            "channel": pd.Series(channel).map(CHANNEL_LABEL),
            "caller_type": caller,
            "caller_name": caller_name,
            "caller_phone": phone,
            "province": province_text(rng, province, is_new_scheme(local), unknown),
            "outcome": outcome,
            "online_related": online.astype(np.int8),
            "notes": note,
            "_month": months + 1,
        }
    )


def cases_year(year: int, scale: float, seed: int) -> pd.DataFrame:
    """All sample case-children of ``year`` as the export writes them, plus a ``_month`` column."""
    rng = rng_for(seed, CASES_STREAM, year)
    n = scaled(CASES[year], scale)
    months = np.repeat(np.arange(12), allocate(n, MONTH_WEIGHT))
    day_hours = np.where(np.arange(24) < 7, 0.5, np.where(np.arange(24) < 22, 6.0, 1.0))
    opened = np.sort(local_times(rng, year, months, day_hours))
    months = opened.astype("datetime64[M]").astype(int) % 12
    frame = provinces()
    province = rng.choice(len(frame.codes), size=n, p=frame.weights)
    unknown = rng.random(n) < 0.02
    online = rng.random(n) < ONLINE_CASE_SHARE[year]
    abuse = np.where(
        online,
        rng.choice(ABUSE_TYPES, size=n, p=ABUSE_ONLINE_P),
        rng.choice(ABUSE_TYPES, size=n, p=ABUSE_P),
    )
    subtype = np.where(online, rng.choice(ONLINE_SUBTYPES, size=n, p=SUBTYPE_P), "")
    asked = rng.random(n) < np.where(online, 0.93, 0.97)
    supported = np.where(asked, rng.random(n) < SUPPORT_RATE[year], rng.random(n) < 0.5)
    hours_to_act = np.minimum(rng.lognormal(np.log(8), 1.0, n), 24 * 30)
    first = opened + (hours_to_act * 3600).astype("timedelta64[s]")
    days_to_close = 1 + rng.exponential(20, n)
    closed = np.where(supported, first, opened) + (days_to_close * 86_400).astype("timedelta64[s]")
    closed_open = (closed > np.datetime64(DATA_END)) | (~supported & (rng.random(n) < 0.3))
    children = 1 + (rng.random(n) < 0.105).astype(int) + (rng.random(n) < 0.015).astype(int)
    rep = np.repeat(np.arange(n), children)
    k = len(rep)

    def fmt(stamps: np.ndarray, empty: np.ndarray) -> list[str]:
        text = pd.Series(stamps[rep]).dt.strftime("%d/%m/%Y %H:%M").to_numpy(dtype=object)
        text[empty[rep]] = ""
        return list(text)

    never = np.zeros(n, dtype=bool)
    case_ids = [f"CA-{year}-{i + 1:05d}" for i in range(n)]
    child_refs = [f"{v:012x}" for v in rng.integers(0, 2**48, size=k)]
    return pd.DataFrame(
        {
            "case_id": np.asarray(case_ids, dtype=object)[rep],
            "child_ref": child_refs,
            "opened_at": fmt(opened, never),
            "province": province_text(rng, province, is_new_scheme(opened), unknown)[rep],
            "regional_centre": [CENTRE[r] for r in frame.region[province][rep]],
            "abuse_type": abuse[rep],
            "online_related": online[rep].astype(np.int8),
            "online_subtype": subtype[rep],
            "child_sex": rng.choice(["female", "male", "unknown"], size=k, p=[0.55, 0.42, 0.03]),
            "child_age_band": rng.choice(AGE_BANDS, size=k, p=AGE_P),
            "help_requested": asked[rep].astype(np.int8),
            "support_provided": supported[rep].astype(np.int8),
            "first_intervention_at": fmt(first, ~supported),
            "closed_at": fmt(closed, closed_open),
            "child_name": identities.names(rng, k),
            "caller_name": identities.names(rng, k),
            "caller_phone": identities.phones(rng, k),
            "address": identities.addresses(rng, k),
            "notes": identities.notes(rng, k),
            "_month": (months + 1)[rep],
        }
    )


REEXPORT_CUTOFF_DAYS = 2
"""A first export taken before month-end processing misses the month's last two days."""


def reexport_months(year: int, seed: int) -> set[int]:
    """Months of ``year`` whose contacts export is delivered twice: an early export, then a
    complete re-export ``contacts_YYYY-MM_v2.csv`` that supersedes it (about one month in 7)."""
    return {m for m in range(1, 13) if (year * 12 + m + seed) % 7 == 0}


def _early_export(part: pd.DataFrame, stamp_column: str) -> pd.DataFrame:
    stamps = pd.to_datetime(part[stamp_column], format="ISO8601")
    cutoff = stamps.max().normalize() - pd.Timedelta(days=REEXPORT_CUTOFF_DAYS - 1)
    return part[stamps < cutoff]


def write_months(
    frame: pd.DataFrame,
    out: Path,
    stem: str,
    year: int,
    months: set[int],
    reexport: set[int] | None = None,
) -> int:
    """Write one CSV per month of ``year`` in ``months``; returns the rows of the current files.

    Months in ``reexport`` get an early, incomplete ``{stem}_YYYY-MM.csv`` and the complete
    ``{stem}_YYYY-MM_v2.csv`` (needs a ``received_at`` column)."""
    folder = out / "hotline"
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for month, part in frame.groupby("_month", sort=True):
        if int(month) not in months:
            continue
        name = f"{stem}_{year}-{int(month):02d}"
        part = part.drop(columns="_month")
        if int(month) in (reexport or set()):
            early = _early_export(part, "received_at")
            early.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
            name += "_v2"
        part.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        written += len(part)
    for month in sorted(months - set(frame["_month"].astype(int))):
        frame.drop(columns="_month").head(0).to_csv(
            folder / f"{stem}_{year}-{month:02d}.csv", index=False, lineterminator="\n"
        )
    return written
