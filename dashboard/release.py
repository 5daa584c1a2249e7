"""The one module that reads published data: a release folder (docs/contracts.md), loaded
into a `Release` of pandas tables. The questions the pages ask of it are `dashboard/queries.py`.

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

TOTAL = "_T"

# Columns of indicator_values that are not disaggregations (docs/contracts.md).
CORE_COLUMNS = frozenset(
    (
        "indicator_code", "slug", "period", "period_type", "geo_scheme", "geo_code", "geo_name",
        "value", "numerator", "denominator", "unit", "target_value", "target_kind", "status",
        "obs_status",
    )
)  # fmt: skip
KNOWN_DIMENSIONS = ("sex", "age_band")

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
    milestones: pd.DataFrame | None = None
    places: pd.DataFrame | None = None  # geographies.csv: province lists, regions, merger
    programmes: pd.DataFrame | None = None  # programmes.csv: adopted and draft, their years
    categories: pd.DataFrame | None = None  # categories.csv: each breakdown's published order
    activities: pd.DataFrame | None = None  # activities.csv: the programmes' plan activities

    @property
    def created_at(self) -> str:
        return str(self.manifest.get("created_at", ""))

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
        values=_with_year_number(_read_values(path), _read_optional_csv(path / "periods.csv")),
        milestones=_read_optional_csv(path / "milestones.csv"),
        places=_read_optional_csv(path / "geographies.csv"),
        programmes=_read_optional_csv(path / "programmes.csv"),
        categories=_read_optional_csv(path / "categories.csv"),
        activities=_read_optional_csv(path / "activities.csv"),
    )


def _with_year_number(values: pd.DataFrame, periods: pd.DataFrame | None) -> pd.DataFrame:
    """Each row's programme year (``year_number``) from periods.csv."""
    if periods is None:
        return values.assign(year_number=values["period"].map(_year_of).astype("Int64"))
    years = periods[["period_type", "period", "year_number"]].astype(
        {"year_number": "Int64", "period": str}
    )
    return values.merge(years, on=["period_type", "period"], how="left", validate="many_to_one")


def _year_of(period: object) -> str:
    """Only for a release written before periods.csv existed: the year a period counts for, as
    the warehouse's year_number ('2023-Q2' → '2023'; school year '2024-2025' → '2025')."""
    text = str(period)
    return text[-4:] if len(text) == 9 and text[4] == "-" else text[:4]


def _read_optional_csv(path: Path) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


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
    # Columns added to the contract later: a release without them has totals and years only.
    if "period_type" not in frame.columns:
        frame["period_type"] = "year"
    frame["period_type"] = frame["period_type"].fillna("year").astype(str)
    for column in ("target_kind", "status", "geo_name"):
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    for column in KNOWN_DIMENSIONS:
        if column not in frame.columns:
            frame[column] = TOTAL
    for column in dimension_columns(frame):
        frame[column] = frame[column].fillna(TOTAL).astype(str).replace({"": TOTAL})
    for column in ("value", "numerator", "denominator", "target_value"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def dimension_columns(values: pd.DataFrame) -> list[str]:
    """sex, age_band, then any other non-core column that uses `_T` for its total."""
    extra = [
        column
        for column in values.columns
        if column not in CORE_COLUMNS
        and column not in KNOWN_DIMENSIONS
        and values[column].astype(str).eq(TOTAL).any()
    ]
    return [c for c in KNOWN_DIMENSIONS if c in values.columns] + extra


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


# ---- files of the release and release history ------------------------------------------------


def listed_files(release: Release) -> list[str]:
    """File names the manifest lists (strings or objects with a path/name)."""
    names: list[str] = []
    for item in release.manifest.get("files") or []:
        if isinstance(item, Mapping):
            item = item.get("path") or item.get("name") or item.get("file_path")
        if isinstance(item, str) and item:
            names.append(item)
    return names


def release_file(release: Release, name: str) -> Path | None:
    """The path of `name` if the manifest lists it and it is a plain file in the release."""
    if name not in listed_files(release) or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = release.path / name
    if path.resolve().parent != release.path or not path.is_file():
        return None
    return path


def release_history(release: Release) -> list[dict[str, Any]]:
    """Manifests (release_id, created_at, data_as_of, is_sample, folder) of sibling releases,
    newest first. Only folders next to this one that hold a manifest.json are listed."""
    parent = release.path.parent
    history = []
    for folder in sorted(parent.iterdir() if parent.is_dir() else []):
        manifest_path = folder / "manifest.json"
        if not folder.is_dir() or not manifest_path.is_file():
            continue
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        history.append(
            {
                "folder": folder.name,
                "release_id": str(manifest.get("release_id", folder.name)),
                "created_at": str(manifest.get("created_at", "")),
                "data_as_of": str(manifest.get("data_as_of", "")),
                "is_sample": _as_bool(manifest.get("is_sample", False)),
                "is_current": folder.resolve() == release.path,
            }
        )
    return sorted(history, key=lambda row: row["created_at"], reverse=True)


def previous_release(release: Release) -> Release | None:
    """The newest sibling release older than `release` (by created_at), or None.

    A sibling whose tables cannot be read is skipped (the history is best effort)."""
    current_created = release.created_at
    for entry in release_history(release):
        if entry["is_current"] or entry["release_id"] == release.release_id:
            continue
        if current_created and entry["created_at"] >= current_created:
            continue
        try:
            return load_release(release.path.parent / entry["folder"])
        except (OSError, ValueError, KeyError):
            continue
    return None
