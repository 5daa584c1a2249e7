"""Sample school-year register of schools and care / protection facilities, with their
online-safety education (``schools/register_YYYY-YYYY.csv``, delivered after the school year).

Estimates for sizing only: about 29,000 schools and facilities at scale 1, the share running
online-safety education rising from about a third to four fifths.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.sample import identities
from ingestion.sample.shape import provinces, rng_for, scaled

SCHOOLS_STREAM = 7
FACILITIES = {  # facility type: (label in the export, count at scale 1, mean pupils)
    "primary": ("Tiểu học", 15_000, 600),
    "lower_secondary": ("THCS", 10_500, 700),
    "upper_secondary": ("THPT", 2_400, 900),
    "multi_level": ("Liên cấp", 900, 800),
    "care_facility": ("Cơ sở trợ giúp xã hội", 420, 60),
}
RAN_SHARE = {2020: 0.35, 2021: 0.45, 2022: 0.58, 2023: 0.70, 2024: 0.80, 2025: 0.85}


def _facilities(scale: float, seed: int) -> pd.DataFrame:
    """The same schools every year (ids, type, province, size)."""
    rng = rng_for(seed, SCHOOLS_STREAM)
    frame = provinces()
    parts = []
    for kind, (label, count, pupils) in FACILITIES.items():
        n = max(1, scaled(count, scale))
        parts.append(
            pd.DataFrame(
                {
                    "kind": kind,
                    "label": label,
                    "province": rng.choice(frame.codes, size=n, p=frame.weights),
                    "pupils": np.maximum(5, rng.normal(pupils, pupils * 0.35, n)).astype(int),
                    "propensity": rng.random(n),
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    out["facility_id"] = [f"CS{i + 1:06d}" for i in range(len(out))]
    return out


def write_register(out: Path, start_year: int, scale: float, seed: int) -> int:
    """Write the register of school year ``start_year``-``start_year + 1``; returns its rows."""
    rng = rng_for(seed, SCHOOLS_STREAM, start_year)
    base = _facilities(scale, seed)
    n = len(base)
    ran = base["propensity"].to_numpy() < RAN_SHARE[start_year]
    sessions = np.where(ran, 1 + rng.poisson(2.0, n), 0)
    reached = np.where(ran, np.round(base["pupils"] * rng.uniform(0.3, 1.0, n)), 0).astype(int)
    frame = pd.DataFrame(
        {
            "ma_co_so": base["facility_id"],
            "ten_co_so": [f"Trường {name}" for name in identities.names(rng, n)],
            "loai_hinh": base["label"],
            "tinh": base["province"],
            "so_hoc_sinh": base["pupils"],
            "co_giao_duc_an_toan_mang": np.where(ran, "Có", "Không"),
            "so_buoi": np.where(ran, sessions.astype(str), ""),
            "so_hoc_sinh_duoc_tiep_can": np.where(ran, reached.astype(str), ""),
            "hieu_truong": identities.names(rng, n),
            "dien_thoai": identities.phones(rng, n),
        }
    )
    folder = out / "schools"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"register_{start_year}-{start_year + 1}.csv"
    frame.to_csv(folder / name, index=False, lineterminator="\n")
    return n
