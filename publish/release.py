"""Write a release folder from the warehouse's public models and switch `current` to it.

The site never opens the warehouse: it reads the files written here. A release is written into
a hidden staging folder, made read-only, renamed into place, and only then is the `current`
symlink replaced (os.replace is atomic), so a reader sees the old release or the new one, never
half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from publish.disclosure import audit_summary, protect_release
from publish.downloads import write_indicator_downloads
from publish.formats import dbt_column_docs, write_datapackage, write_xlsx
from publish.numbers import whole_counts
from publish.page_previews import write_page_previews
from publish.previews import write_previews
from publish.sdmx import write_sdmx_files
from schemas.reference import DISAGGREGATIONS
from schemas.registry_files import load_registry

# Public model -> release file stem. Only these tables leave the warehouse.
PUBLIC_TABLES = {
    "pub_indicator_values": "indicator_values",
    "pub_indicators": "indicators",
    "pub_targets": "targets",
    "pub_milestones": "milestones",
    "pub_reporting_agencies": "reporting_agencies",
    "pub_programmes": "programmes",
    "pub_activities": "activities",
    "pub_periods": "periods",
    "pub_categories": "categories",
}
ORDER_BY = {
    "pub_indicator_values": (
        "indicator_code, period_type, period, geo_scheme, geo_code, " + ", ".join(DISAGGREGATIONS)
    ),
    "pub_indicators": "indicator_code",
    "pub_targets": "target_id, kind, target_year",
    "pub_milestones": "due_date, milestone_id",
    "pub_reporting_agencies": "source, valid_from",
    "pub_programmes": "start_year",
    "pub_activities": "programme_id, sort_order",
    "pub_periods": "period_type, period",
    "pub_categories": "dimension, sort_order",
}
DISCLOSURE_CACHE = ".disclosure-cache"
"""Each indicator's disclosure solution, reused while its inputs are unchanged (not published)."""


@dataclass(frozen=True)
class Release:
    release_id: str
    path: Path
    is_new: bool
    disclosure: dict | None = None  # the audit's figures (manifest "disclosure")


def _read_public_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    return {
        stem: con.execute(f"select * from public.{table} order by {ORDER_BY[table]}").df()
        for table, stem in PUBLIC_TABLES.items()
    }


def _source_files(con: duckdb.DuckDBPyConnection) -> list[dict]:
    ledger = con.execute(
        "select file_path, source, sha256, rows_read, rows_loaded, rows_rejected, status "
        "from main.raw_ingestion__ledger order by file_path, loaded_at"
    ).df()
    return ledger.astype(object).where(ledger.notna(), None).to_dict(orient="records")


def _coverage(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = con.execute(
        "select source, cast(first_date as varchar), cast(last_date as varchar) "
        "from public.pub_data_coverage order by source"
    ).fetchall()
    return [{"source": s, "first_date": f, "last_date": last} for s, f, last in rows]


def _geographies() -> pd.DataFrame:
    """The province lists of both schemes with their region and the 1 July 2025 merger (each
    2004 province's successor; the site links a province page to the other list's)."""
    from schemas.reference import read_reference_csv

    old = read_reference_csv("provinces_2004.csv")
    new = read_reference_csv("provinces_2025.csv")
    old = old.assign(geo_scheme="province_2004", successor=old["successor_code_2025"])
    new = new.assign(geo_scheme="province_2025", successor="")
    columns = {"province_code": "geo_code", "name_vi": "geo_name", "region6_code": "region"}
    frame = pd.concat([old, new], ignore_index=True).rename(columns=columns)
    return frame[["geo_scheme", "geo_code", "geo_name", "region", "successor"]]


def _fingerprint(frames: dict[str, pd.DataFrame]) -> str:
    """The public marts and the disclosure code that protects them: a release is rewritten when
    either changed."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.joinpath("disclosure").glob("*.py")):
        digest.update(source.read_bytes())
    for stem in sorted(frames):
        digest.update(stem.encode())
        digest.update(frames[stem].to_csv(index=False).encode())
    return digest.hexdigest()


def _git_commit(repo: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip()


def current_release(publish_dir: Path) -> Path | None:
    current = publish_dir / "current"
    return current.resolve() if current.exists() else None


def _switch_current(publish_dir: Path, release_path: Path) -> None:
    link = publish_dir / "current"
    staging_link = publish_dir / f".current-{os.getpid()}"
    if staging_link.is_symlink():
        staging_link.unlink()
    staging_link.symlink_to(release_path.relative_to(publish_dir))
    os.replace(staging_link, link)


def _remove_stale_staging(releases: Path) -> None:
    """Staging folders a killed publish left behind (publishes are serial: Dagster runs one)."""
    for stale in releases.glob(".staging-*"):
        for file in stale.iterdir():
            file.chmod(0o644)
        shutil.rmtree(stale)


def publish_release(
    warehouse_path: Path,
    publish_dir: Path,
    *,
    is_sample: bool,
    repo_root: Path | None = None,
    dbt_manifest_path: Path | None = None,
    now: datetime | None = None,
) -> Release:
    """Write a new release if the public data changed since the current one; switch to it."""
    releases = publish_dir / "releases"
    if releases.is_dir():  # a killed publish's half-written folder goes, new release or not
        _remove_stale_staging(releases)
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        frames = _read_public_tables(con)
        source_files = _source_files(con)
        coverage = _coverage(con)
    fingerprint = _fingerprint(frames)
    current = current_release(publish_dir)
    if current is not None:
        manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
        unchanged = (
            manifest.get("fingerprint") == fingerprint
            and "downloads" in manifest
            and "previews" in manifest  # a release from before the preview cards is rewritten
            and "page_previews" in manifest  # or before the home and province cards
        )
        if unchanged and manifest.get("is_sample") == is_sample:
            return Release(
                manifest["release_id"], current, is_new=False, disclosure=manifest.get("disclosure")
            )
    # complementary suppression on the whole relation model, and the audit that proves no
    # hidden cell can be recovered (raises DisclosureError: then no release is written)
    registry = load_registry()
    frames["indicator_values"], figures = protect_release(
        frames["indicator_values"], registry, cache_dir=publish_dir / DISCLOSURE_CACHE
    )
    disclosure = audit_summary(figures)

    created_at = (now or datetime.now(UTC)).replace(microsecond=0)
    release_id = f"{created_at:%Y%m%dT%H%M%SZ}-{fingerprint[:8]}"
    releases.mkdir(parents=True, exist_ok=True)
    staging = releases / f".staging-{release_id}"
    staging.mkdir()
    for stem, frame in frames.items():  # counts as whole numbers (publish/numbers.py)
        (whole_counts(frame) if stem == "indicator_values" else frame).to_csv(
            staging / f"{stem}.csv", index=False
        )
    frames["indicator_values"].to_parquet(staging / "indicator_values.parquet", index=False)
    _geographies().to_csv(staging / "geographies.csv", index=False)  # public reference lists
    last_dates = [c["last_date"] for c in coverage if c["last_date"]]
    manifest = {
        "release_id": release_id,
        "created_at": created_at.isoformat().replace("+00:00", "Z"),
        "data_as_of": max(last_dates) if last_dates else None,
        "is_sample": is_sample,
        "git_commit": _git_commit(repo_root) if repo_root else None,
        "fingerprint": fingerprint,
        "coverage": coverage,
        "source_files": source_files,
        "tables": {stem: len(frame) for stem, frame in frames.items()},
        "disclosure": disclosure,
    }
    write_xlsx(
        staging / "indicator_values.xlsx",
        frames["indicator_values"],
        frames["indicators"],
        manifest,
        registry,
    )
    # the indicator page's whole-indicator CSV/XLSX, served as static files by the site
    manifest["downloads"] = write_indicator_downloads(
        staging, frames["indicator_values"], frames["indicators"], manifest
    )
    # the same cells as SDMX-CSV with its data structure, for statistical-office tools
    write_sdmx_files(staging, frames["indicator_values"], frames["indicators"])
    # each indicator's preview card (og:image) in both languages (publish/previews.py)
    manifest["previews"] = write_previews(
        staging, frames["indicator_values"], frames["indicators"], frames["targets"], manifest
    )
    # the home page's and each province page's card (publish/page_previews.py)
    manifest["page_previews"] = write_page_previews(
        staging,
        frames["indicator_values"],
        frames["indicators"],
        frames["targets"],
        frames["programmes"],
        manifest,
    )
    models = {stem: table for table, stem in PUBLIC_TABLES.items()}
    column_docs = (
        dbt_column_docs(dbt_manifest_path, list(models.values())) if dbt_manifest_path else {}
    )
    write_datapackage(staging, frames, models, column_docs, manifest)
    manifest["files"] = sorted(p.name for p in staging.iterdir()) + ["manifest.json"]
    (staging / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    for file in staging.iterdir():
        file.chmod(0o444)
    final = releases / release_id
    staging.rename(final)
    _switch_current(publish_dir, final)
    return Release(release_id, final, is_new=True, disclosure=disclosure)
