"""Sample platform insights (``portal/platforms_YYYY-MM.csv``) and children's opinions
(``portal/opinions_YYYY-MM.csv``, "Bày tỏ nguyện vọng") — estimates for sizing only:
10k–200k followers per platform, 10–200 opinions a month (PROGRAMME.md §3)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ingestion.sample import identities
from ingestion.sample.shape import DATA_END, is_new_scheme, province_text, provinces, rng_for

PLATFORM_STREAM, OPINION_STREAM = 5, 6
FOLLOWERS = {  # platform: (label in the export, first month, followers then, followers 2025-12)
    "facebook": ("Facebook", "2021-01", 40_000, 200_000),
    "zalo": ("Zalo OA", "2021-01", 10_000, 120_000),
    "youtube": ("YouTube", "2021-01", 3_000, 45_000),
    "tiktok": ("TikTok", "2023-03", 500, 150_000),
}
TOPIC_LABEL = {"online_safety": "An toàn trên mạng", "school": "Học tập", "family": "Gia đình",
               "health": "Sức khỏe", "rights": "Quyền trẻ em", "other": "Khác"}  # fmt: skip
TOPIC_P = [0.30, 0.25, 0.20, 0.08, 0.10, 0.07]
AGE_P = [0.0, 0.12, 0.48, 0.16, 0.20, 0.04]
MESSAGES = [
    "Em muốn được hướng dẫn cách báo cáo tài khoản giả mạo.",
    "Em bị bạn bè trêu chọc trong nhóm chat của lớp, em phải làm sao?",
    "Em mong trường có thêm giờ học kỹ năng an toàn trên mạng.",
    "Bố mẹ em không cho em dùng điện thoại, em muốn được góp ý.",
]


def _days(year: int, month: int) -> pd.DatetimeIndex:
    return pd.date_range(
        f"{year}-{month:02d}-01", periods=pd.Period(f"{year}-{month:02d}").days_in_month
    )


def write_platforms_month(out: Path, year: int, month: int, scale: float, seed: int) -> int:
    """Write one month of daily insights per active platform; returns the rows written."""
    rng = rng_for(seed, PLATFORM_STREAM, year, month)
    days = _days(year, month)
    frames = []
    for label, first, start, end in FOLLOWERS.values():
        first_day = pd.Timestamp(f"{first}-01")
        active = days[days >= first_day]
        if active.empty:
            continue
        span = (pd.Timestamp("2025-12-31") - first_day).days
        position = (active - first_day).days.to_numpy() / span
        followers = start * (end / start) ** position * scale
        reach = followers * rng.uniform(0.02, 0.08, len(active))
        frames.append(
            pd.DataFrame(
                {
                    "date": active.strftime("%Y-%m-%d"),
                    "platform": label,
                    "followers": np.round(followers).astype(np.int64),
                    "reach": np.round(reach).astype(np.int64),
                    "engagements": rng.poisson(reach * 0.05),
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True).sort_values(["date", "platform"], kind="stable")
    folder = out / "portal"
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / f"platforms_{year}-{month:02d}.csv", index=False, lineterminator="\n")
    return len(frame)


def write_opinions_month(out: Path, year: int, month: int, scale: float, seed: int) -> int:
    """Write one month of opinions (with the sender fields ingestion drops); returns the rows."""
    rng = rng_for(seed, OPINION_STREAM, year, month)
    months_since_start = (year - 2021) * 12 + month - 1
    n = int(rng.poisson(10 * 20 ** (months_since_start / 59) * scale))
    days = _days(year, month)
    local = (
        np.datetime64(days[0].date())
        + rng.integers(0, len(days) * 86_400, n).astype("timedelta64[s]")
        + np.timedelta64(0, "s")
    )
    local = np.sort(local)
    frame = provinces()
    index = rng.choice(len(frame.codes), size=n, p=frame.weights)
    unknown = rng.random(n) < 0.25
    answered = rng.random(n) < min(0.95, 0.7 + 0.005 * months_since_start)
    delay = (rng.lognormal(np.log(3), 0.8, n) * 86_400).astype("timedelta64[s]")
    answered_at = local + delay
    answered &= answered_at <= np.datetime64(DATA_END)
    answered_text = pd.Series(answered_at).dt.strftime("%Y-%m-%d %H:%M:%S").to_numpy(dtype=object)
    answered_text[~answered] = ""
    opinions = pd.DataFrame(
        {
            "opinion_id": [f"YK-{year}{month:02d}-{i + 1:04d}" for i in range(n)],
            "submitted_at": pd.Series(local).dt.strftime("%Y-%m-%d %H:%M:%S"),
            "sender_name": identities.names(rng, n),
            "sender_email": [f"hocsinh{int(v)}@example.vn" for v in rng.integers(1, 10**6, n)],
            "province": province_text(rng, index, is_new_scheme(local), unknown),
            "age_band": rng.choice(["0-5", "6-10", "11-14", "15", "16-17", "Không rõ"], n, p=AGE_P),
            "topic": [TOPIC_LABEL[t] for t in rng.choice(list(TOPIC_LABEL), n, p=TOPIC_P)],
            "message": np.asarray(MESSAGES, dtype=object)[rng.integers(0, len(MESSAGES), n)],
            "answered_at": answered_text,
        }
    )
    folder = out / "portal"
    folder.mkdir(parents=True, exist_ok=True)
    opinions.to_csv(folder / f"opinions_{year}-{month:02d}.csv", index=False, lineterminator="\n")
    return n
