"""A small hand-made public release, written exactly as docs/contracts.md describes it: the
fewest files and columns the site reads (every one a column of the release contract,
`dbt_project/models/marts/public/_public.yml`), with made-up values.

Two indicators of the registry, described as the registry describes them: IND-02, a rate with
an official target of 100% (one suppressed province cell), and IND-04, a count with no target.
National rows 2021–2025; 63 provinces (province_2004) for 2021–2025 and 34 provinces
(province_2025) for 2025. The programme its targets belong to, and its plan's activities, as
the registry gives them (programmes.csv, activities.csv). tests/dashboard/test_release_fixture.py
checks it against the registry and the contract.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from publish.page_previews import PAGE_PREFIX, write_page_previews
from publish.previews import write_previews
from schemas.reference import DISAGGREGATIONS, TOTAL, UNKNOWN
from schemas.registry_files import default_registry
from schemas.registry_tables import registry_tables

RELEASE_ID = "20260115T000000Z-test"
DATA_AS_OF = "2025-12-31"
RATE = {"code": "IND-02", "slug": "online_victims_supported"}
COUNT = {"code": "IND-04", "slug": "online_abuse_cases"}
YEARS = ["2021", "2022", "2023", "2024", "2025"]
PROVINCES_2004 = [f"{i:02d}" for i in range(1, 64)]
PROVINCES_2025 = [f"{i:02d}" for i in range(1, 35)]
SUPPRESSED_CELL = ("IND-02", "province_2004", "02", "2025")  # indicator, scheme, geo, period

RATE_NATIONAL = {"2021": 82.4, "2022": 87.9, "2023": 91.3, "2024": 94.6, "2025": 96.2}
RATE_STATUS = {
    "2021": "on_track",
    "2022": "on_track",
    "2023": "on_track",
    "2024": "at_risk",
    "2025": "at_risk",
}
COUNT_NATIONAL = {"2021": 11447, "2022": 12503, "2023": 13120, "2024": 14876, "2025": 15210}

INDICATOR_COLUMNS = [
    "indicator_code",
    "slug",
    "name_vi",
    "name_en",
    "definition_vi",
    "definition_en",
    "unit",
    "unit_label_vi",
    "unit_label_en",
    "decimals",
    "direction",
    "source",
    "plan_activity",
    "target_id",
]
TARGET_COLUMNS = [
    "target_id",
    "programme_id",
    "indicator_code",
    "target_year",
    "target_value",
    "unit",
    "kind",
    "is_aspirational",
    "text_vi",
    "text_en",
]
VALUE_COLUMNS = [
    "indicator_code",
    "slug",
    "period",
    "period_type",
    "geo_scheme",
    "geo_code",
    "geo_name",
    "value",
    "numerator",
    "denominator",
    "unit",
    "target_value",
    "status",
    "obs_status",
]


def write_sample_release(path: Path) -> Path:
    """Write the release into `path` (created if needed) and return it."""
    path.mkdir(parents=True, exist_ok=True)
    indicators = pd.DataFrame(_indicators(), columns=INDICATOR_COLUMNS)
    targets = pd.DataFrame(_targets(), columns=TARGET_COLUMNS)
    values = pd.DataFrame(_values(), columns=VALUE_COLUMNS)
    indicators.to_csv(path / "indicators.csv", index=False, encoding="utf-8")
    targets.to_csv(path / "targets.csv", index=False, encoding="utf-8")
    values.to_csv(path / "indicator_values.csv", index=False, encoding="utf-8")
    values.to_parquet(path / "indicator_values.parquet", index=False)
    programmes, activities = _programme_tables(set(targets["programme_id"]))
    programmes.to_csv(path / "programmes.csv", index=False, encoding="utf-8")
    activities.to_csv(path / "activities.csv", index=False, encoding="utf-8")
    manifest = {
        "release_id": RELEASE_ID,
        "created_at": "2026-01-15T00:00:00Z",
        "data_as_of": DATA_AS_OF,
        "is_sample": True,
        "git_commit": "0000000000000000000000000000000000000000",
        "source_files": [
            {
                "file_path": "hotline/cases_2025-12.csv",
                "sha256": "0" * 64,
                "rows_read": 120,
                "rows_loaded": 119,
                "rows_rejected": 1,
            }
        ],
        "files": [
            "activities.csv",
            "indicator_values.csv",
            "indicator_values.parquet",
            "indicators.csv",
            "programmes.csv",
            "targets.csv",
        ],
        "tables": {
            "indicator_values": len(values),
            "indicators": len(indicators),
            "targets": len(targets),
        },
    }
    # the preview cards publish/release.py draws (og:image), made by the same code
    manifest["previews"] = write_previews(path, values, indicators, targets, manifest)
    previews = manifest["previews"].values()
    manifest["files"] += sorted(name for names in previews for name in names.values())
    # and the home and province pages' cards (no programmes.csv: every official target)
    manifest["page_previews"] = _page_previews(path, values, indicators, targets, manifest)
    manifest["files"] += sorted(p.name for p in path.glob(f"{PAGE_PREFIX}*.png"))
    (path / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return path


def _programme_tables(ids: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """programmes.csv and activities.csv rows of the programmes `ids`, from the registry (the
    rows dbt's pub_programmes and pub_activities publish)."""
    tables = registry_tables(default_registry())
    programmes = pd.DataFrame(tables["raw_registry__programmes"])
    activities = pd.DataFrame(tables["raw_registry__activities"])
    return (
        programmes[programmes["programme_id"].isin(ids)],
        activities[activities["programme_id"].isin(ids)],
    )


_DRAWN: list[tuple[Path, dict]] = []  # the first release's page cards, copied to the next ones


def _page_previews(path: Path, values, indicators, targets, manifest: dict) -> dict:
    """The 196 page cards of this (always identical) release: drawn once per test session by
    the publish code (about 2 s), then copied."""
    if _DRAWN and _DRAWN[0][0].is_dir():
        source, written = _DRAWN[0]
        for card in source.glob(f"{PAGE_PREFIX}*.png"):
            shutil.copyfile(card, path / card.name)
        return written
    written = write_page_previews(path, values, indicators, targets, pd.DataFrame(), manifest)
    _DRAWN[:] = [(path, written)]
    return written


def _indicators() -> list[dict]:
    """The two indicators' rows as pub_indicators writes them from the registry."""
    registry = default_registry()
    rows = []
    for slug in (RATE["slug"], COUNT["slug"]):
        indicator = registry.indicator(slug)
        rows.append(
            {
                "indicator_code": indicator.code,
                "slug": indicator.slug,
                **{f"{field}_{lang}": getattr(getattr(indicator, field), lang)
                   for field in ("name", "definition", "unit_label") for lang in ("vi", "en")},
                "unit": indicator.unit,
                "decimals": indicator.decimals,
                "direction": indicator.direction,
                "source": indicator.source,
                "plan_activity": indicator.plan_activity,
                "target_id": indicator.target_id or "",
            }
        )  # fmt: skip
    return rows


def _targets() -> list[dict]:
    """IND-02's official target as the registry's programme states it."""
    registry = default_registry()
    (programme, target) = next(
        (p, t)
        for p in registry.programmes
        for t in p.targets
        if t.indicator_code == RATE["code"] and t.kind == "official"
    )
    return [
        {
            **target.model_dump(include={"target_id", "indicator_code", "target_year",
                                         "target_value", "unit", "kind", "is_aspirational"}),
            "programme_id": programme.programme_id,
            "text_vi": target.text.vi,
            "text_en": target.text.en,
        }
    ]  # fmt: skip


def _values() -> list[dict]:
    rows: list[dict] = []
    for year in YEARS:
        rows.append(_rate_row(year, "national", "VN", "Toàn quốc", RATE_NATIONAL[year], 1000))
        rows.append(_count_row(year, "national", "VN", "Toàn quốc", COUNT_NATIONAL[year]))
        for scheme, provinces in (
            ("province_2004", PROVINCES_2004),
            ("province_2025", PROVINCES_2025),
        ):
            if scheme == "province_2025" and year != "2025":
                continue
            for index, code in enumerate(provinces, start=1):
                name = f"Tỉnh mẫu {code}" if scheme == "province_2004" else f"Tỉnh mới {code}"
                rate = 70 + (index * 7 + int(year)) % 30
                rows.append(_rate_row(year, scheme, code, name, rate, 20 + index))
                rows.append(_count_row(year, scheme, code, name, 50 + index * 13 + int(year) % 7))
    for row in rows:
        key = (row["indicator_code"], row["geo_scheme"], row["geo_code"], row["period"])
        if key == SUPPRESSED_CELL:
            row.update(
                value=None,
                numerator=None,
                denominator=None,
                status="suppressed",
                obs_status="suppressed",
            )
    return rows


def _rate_row(year: str, scheme: str, code: str, name: str, rate: float, denominator: int):
    numerator = round(rate * denominator / 100)
    value = RATE_NATIONAL[year] if scheme == "national" else round(numerator / denominator * 100, 1)
    status = RATE_STATUS[year] if scheme == "national" else _status_for(value)
    return {
        "indicator_code": RATE["code"],
        "slug": RATE["slug"],
        "period": year,
        "period_type": "year",
        "geo_scheme": scheme,
        "geo_code": code,
        "geo_name": name,
        "value": value,
        "numerator": float(numerator),
        "denominator": float(denominator),
        "unit": "percent",
        "target_value": 100.0,
        "status": status,
        "obs_status": "normal",
    }


def _count_row(year: str, scheme: str, code: str, name: str, count: int):
    return {
        "indicator_code": COUNT["code"],
        "slug": COUNT["slug"],
        "period": year,
        "period_type": "year",
        "geo_scheme": scheme,
        "geo_code": code,
        "geo_name": name,
        "value": float(count),
        "numerator": float(count),
        "denominator": None,
        "unit": "count",
        "target_value": None,
        "status": "monitoring",
        "obs_status": "normal",
    }


def _status_for(value: float) -> str:
    if value >= 100:
        return "achieved"
    if value >= 90:
        return "on_track"
    return "at_risk" if value >= 80 else "off_track"


def write_extended_release(path: Path) -> Path:
    """The same release extended as the full contract allows: sex and age_band columns (with
    male/female and one age band for IND-02 national), quarterly IND-05 national rows, a
    `region` row, milestones.csv and datapackage.json."""
    write_sample_release(path)
    values = pd.read_csv(path / "indicator_values.csv", dtype={"geo_code": str, "period": str})
    values["sex"] = "_T"
    values["age_band"] = "_T"
    national = values[
        (values["indicator_code"] == RATE["code"]) & (values["geo_scheme"] == "national")
    ]
    extra = []
    for sex, shift in (("male", -2.0), ("female", 2.0)):
        rows = national.copy()
        rows["sex"] = sex
        rows["value"] = rows["value"] + shift
        extra.append(rows)
    band = national.copy()
    band["age_band"] = "11-14"
    band["value"] = band["value"] - 5
    extra.append(band)
    quarters = []
    for index, quarter in enumerate(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]):
        quarters.append(
            {**_count_row("2025", "national", "VN", "Toàn quốc", 3000 + index * 100),
             "period": quarter, "period_type": "quarter", "sex": "_T", "age_band": "_T"}
        )  # fmt: skip
    region = {**_count_row("2025", "region", "DBSH", "Đồng bằng sông Hồng", 4000),
              "sex": "_T", "age_band": "_T"}  # fmt: skip
    values = pd.concat([values, *extra, pd.DataFrame(quarters), pd.DataFrame([region])])
    values.to_csv(path / "indicator_values.csv", index=False, encoding="utf-8")
    values.to_parquet(path / "indicator_values.parquet", index=False)
    # each breakdown's published order, as pub_categories writes it
    pd.DataFrame(
        [
            {"dimension": dimension, "category": code, "sort_order": order}
            for dimension, codes in DISAGGREGATIONS.items()
            for order, code in enumerate([TOTAL, *codes, UNKNOWN])
        ]
    ).to_csv(path / "categories.csv", index=False, encoding="utf-8")
    pd.DataFrame(
        [
            {
                "milestone_id": "M1",
                "programme_id": next(
                    p.programme_id for p in default_registry().programmes if p.status == "adopted"
                ),
                "activity": "4a",
                "name_vi": "Xây dựng quy trình hỗ trợ",
                "name_en": "Support procedure issued",
                "lead_unit": "Cục Trẻ em",
                "due_date": "2022-12-31",
                "completed_date": "2022-11-30",
                "status": "done",
            }
        ]
    ).to_csv(path / "milestones.csv", index=False, encoding="utf-8")
    (path / "datapackage.json").write_text(json.dumps({"name": "test", "resources": []}))
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    manifest["release_id"] = RELEASE_ID + "-extended"
    manifest["files"] = [*manifest["files"], "milestones.csv", "categories.csv", "datapackage.json"]
    (path / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return path
