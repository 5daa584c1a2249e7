"""The one module that reads published data: a release folder (docs/contracts.md).

Nothing is read at import time. `load_release` reads the manifest on every call (a few hundred
bytes) and the tables once per (real path, release_id): when `publish/current` is switched to a new
release the next request sees it, without a restart.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

ENV_RELEASE_DIR = "COP_RELEASE_DIR"
ENV_DATA_DIR = "COP_DATA_DIR"
CONFIG_KEY = "COP_RELEASE_DIR"
REPO_ROOT = Path(__file__).resolve().parents[1]

NATIONAL = "national"
SCHEMES = ("province_2004", "province_2025")

_TRUE = {"true", "1", "yes", "t", "y"}


class ReleaseNotFoundError(FileNotFoundError):
    """The release folder or its manifest is missing."""


@dataclass(frozen=True)
class Release:
    path: Path
    manifest: Mapping[str, Any]
    indicators: pd.DataFrame
    targets: pd.DataFrame
    values: pd.DataFrame

    @property
    def release_id(self) -> str:
        return str(self.manifest.get("release_id", ""))

    @property
    def data_as_of(self) -> str:
        return str(self.manifest.get("data_as_of", ""))

    @property
    def is_sample(self) -> bool:
        return _as_bool(self.manifest.get("is_sample", False))


def default_release_dir() -> Path:
    """`$COP_RELEASE_DIR`, else `$COP_DATA_DIR/publish/current` (COP_DATA_DIR: `<repo>/data`)."""
    if explicit := os.environ.get(ENV_RELEASE_DIR):
        return Path(explicit)
    data_dir = Path(os.environ.get(ENV_DATA_DIR) or REPO_ROOT / "data")
    return data_dir / "publish" / "current"


def load_release(release_dir: Path | str | None = None) -> Release:
    """The release in `release_dir` (default: `default_release_dir()`), cached per release."""
    real = Path(release_dir or default_release_dir()).resolve()
    manifest_path = real / "manifest.json"
    if not manifest_path.is_file():
        raise ReleaseNotFoundError(f"no manifest.json in {real}")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return _load_tables(str(real), str(manifest.get("release_id", "")))


def current_release() -> Release:
    """The release of the running app: the Flask config key if set, else the environment."""
    import flask

    configured = flask.current_app.config.get(CONFIG_KEY) if flask.has_app_context() else None
    return load_release(configured)


@lru_cache(maxsize=4)
def _load_tables(real_path: str, release_id: str) -> Release:
    path = Path(real_path)
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    return Release(
        path=path,
        manifest=manifest,
        indicators=_read_indicators(path / "indicators.csv"),
        targets=_read_targets(path / "targets.csv"),
        values=_read_values(path),
    )


def _read_indicators(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["decimals"] = pd.to_numeric(frame["decimals"], errors="coerce").fillna(0).astype(int)
    return frame


def _read_targets(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["target_value"] = pd.to_numeric(frame["target_value"], errors="coerce")
    frame["target_year"] = pd.to_numeric(frame["target_year"], errors="coerce").astype("Int64")
    frame["is_aspirational"] = frame["is_aspirational"].map(_as_bool)
    return frame


def _read_values(release_path: Path) -> pd.DataFrame:
    parquet = release_path / "indicator_values.parquet"
    if parquet.is_file():
        frame = pd.read_parquet(parquet)
    else:
        frame = pd.read_csv(
            release_path / "indicator_values.csv",
            dtype={"geo_code": str, "period": str},
            encoding="utf-8",
        )
    for column in ("indicator_code", "slug", "period", "geo_scheme", "geo_code", "obs_status"):
        frame[column] = frame[column].astype(str)
    for column in ("value", "numerator", "denominator", "target_value"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


# ---- pure queries over a loaded release ------------------------------------------------------


def indicator_by_slug(release: Release, slug: str | None) -> dict[str, Any] | None:
    """The indicators.csv row of `slug`, or None when no published indicator has it."""
    if not slug:
        return None
    rows = release.indicators[release.indicators["slug"] == slug]
    return None if rows.empty else rows.iloc[0].to_dict()


def target_for(release: Release, indicator: Mapping[str, Any]) -> dict[str, Any] | None:
    """The headline target of an indicator (its `target_id`), or None: never invented."""
    target_id = str(indicator.get("target_id") or "").strip()
    if not target_id:
        return None
    rows = release.targets[release.targets["target_id"] == target_id]
    if rows.empty:
        return None
    return rows.sort_values("target_year").iloc[-1].to_dict()


def derived_milestones(release: Release, indicator_code: str) -> pd.DataFrame:
    """Yearly targets marked `derived` for an indicator (not official), oldest first."""
    targets = release.targets
    rows = targets[(targets["indicator_code"] == indicator_code) & (targets["kind"] == "derived")]
    return rows.sort_values("target_year").reset_index(drop=True)


def national_series(release: Release, slug: str) -> pd.DataFrame:
    """National rows of one indicator, oldest period first."""
    values = release.values
    rows = values[(values["slug"] == slug) & (values["geo_scheme"] == NATIONAL)]
    return rows.sort_values("period").reset_index(drop=True)


def latest_national(release: Release) -> pd.DataFrame:
    """One row per published indicator (indicators.csv order) with its latest national value.

    Indicators without any national row are kept, with empty value and period.
    """
    national = release.values[release.values["geo_scheme"] == NATIONAL]
    latest = (
        national.sort_values("period")
        .groupby("indicator_code", as_index=False)
        .tail(1)[["indicator_code", "period", "value", "target_value", "status", "obs_status"]]
    )
    return release.indicators.merge(latest, on="indicator_code", how="left")


def province_years(release: Release, slug: str, scheme: str) -> list[str]:
    """Periods with province rows of `slug` in `scheme`, oldest first."""
    values = release.values
    rows = values[(values["slug"] == slug) & (values["geo_scheme"] == scheme)]
    return sorted(rows["period"].unique().tolist())


def province_table(release: Release, slug: str, period: str, scheme: str) -> pd.DataFrame:
    """Province rows of one indicator for one period and province scheme, by province code."""
    values = release.values
    rows = values[
        (values["slug"] == slug)
        & (values["geo_scheme"] == scheme)
        & (values["period"] == str(period))
    ]
    return rows.sort_values("geo_code").reset_index(drop=True)


def indicator_rows(release: Release, slug: str) -> pd.DataFrame:
    """Every published row of one indicator, as in indicator_values (for downloads)."""
    rows = release.values[release.values["slug"] == slug]
    return rows.sort_values(["geo_scheme", "period", "geo_code"]).reset_index(drop=True)
