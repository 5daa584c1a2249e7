"""The release's files for people and other systems: an XLSX workbook and a Frictionless Data
Package describing every CSV. Column descriptions come from the dbt docs of the public models,
so each column is described once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
from frictionless import Package, Resource, Schema

from publish.xlsx import write_workbook
from schemas.programme import Programme
from schemas.reference import SCHEME_2004, SCHEME_2025, SWITCH_DATE, province_lists
from schemas.registry import Registry

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _notes(registry: Registry) -> list[tuple[str, str]]:
    """The workbook's Notes sheet: what the release holds, from the registry's programmes and
    thresholds and the reference province lists (no programme, year or threshold written here)."""
    programmes = sorted(registry.programmes, key=lambda p: p.start_year)

    def named(programme: Programme, lang: str) -> str:
        name = getattr(programme.name, lang)
        draft = {"vi": "dự thảo", "en": "draft"}[lang]
        return name if programme.status == "adopted" or draft in name else f"{name} ({draft})"

    thresholds = sorted({i.disclosure.min_cell for i in registry.indicators} - {0})
    provinces = province_lists()
    last_2004 = SWITCH_DATE - dt.timedelta(days=1)
    return [
        (
            "Dữ liệu / Data",
            "; ".join(named(p, "vi") for p in programmes)
            + " / "
            + "; ".join(named(p, "en") for p in programmes),
        ),
        ("Dữ liệu mẫu / Sample", "{sample_note}"),
        (
            "Phiên bản / Release",
            "{release_id} ({created_at}); dữ liệu đến / data as of {data_as_of}",
        ),
        (
            "Ẩn số nhỏ / Disclosure control",
            f"Ô có tử số hoặc mẫu số dưới ngưỡng ({', '.join(map(str, thresholds))}) bị ẩn, kèm"
            " ô bù để không suy ngược được / Cells whose numerator or denominator is below the"
            f" threshold ({', '.join(map(str, thresholds))}) are suppressed, with complementary"
            " cells so they cannot be recovered (obs_status = suppressed).",
        ),
        (
            "Tình trạng ô / obs_status",
            "provisional: số liệu tạm thời, còn báo cáo của kỳ có thể đến (completeness = % báo"
            " cáo đã nhận), chưa đánh giá tiến độ; not_applicable: không có giá trị vì tỷ lệ không"
            " có mẫu số (0/0, tỉnh không xác định); no_data: chưa có báo cáo / provisional: a"
            " report of the period can still arrive (completeness = % of expected reports"
            " received), progress not judged; not_applicable: no value, the rate has no base"
            " (0/0, unknown province); no_data: nothing reported yet.",
        ),
        (
            "Tỉnh / Provinces",
            f"{SCHEME_2004}: {len(provinces.p2004)} tỉnh đến {last_2004:%d/%m/%Y};"
            f" {SCHEME_2025}: {len(provinces.p2025)} tỉnh, cả giai đoạn quy đổi /"
            f" {SCHEME_2004}: the {len(provinces.p2004)} provinces until {last_2004:%Y-%m-%d};"
            f" {SCHEME_2025}: the {len(provinces.p2025)}"
            " provinces, all years harmonised.",
        ),
        (
            "Mục tiêu / Targets",
            "target_kind = official: mục tiêu chính thức; derived: lộ trình suy ra, không chính"
            " thức / official targets, or derived (not official) yearly trajectories.",
        ),
        ("Giấy phép / Licence", LICENCE["title"]),
    ]


def dbt_column_docs(manifest_path: Path, models: list[str]) -> dict[str, dict[str, str]]:
    """{model: {column: description}} from dbt's manifest.json ({} if it is missing)."""
    if not manifest_path.exists():
        return {}
    nodes = json.loads(manifest_path.read_text(encoding="utf-8"))["nodes"]
    docs: dict[str, dict[str, str]] = {}
    for node in nodes.values():
        if node.get("resource_type") == "model" and node["name"] in models:
            docs[node["name"]] = {
                name: column.get("description", "") for name, column in node["columns"].items()
            }
    return docs


def write_xlsx(
    path: Path,
    values: pd.DataFrame,
    indicators: pd.DataFrame,
    manifest: dict,
    registry: Registry,
) -> None:
    sample_note = (
        "DỮ LIỆU MẪU, không phải số liệu thật / SAMPLE DATA, not real figures"
        if manifest["is_sample"]
        else "Số liệu thật / Real data"
    )
    notes = pd.DataFrame(
        [(key, text.format(sample_note=sample_note, **manifest)) for key, text in _notes(registry)],
        columns=["Mục / Item", "Nội dung / Content"],
    )
    write_workbook(path, {"Data": values, "Metadata": indicators, "Notes": notes})


def _field_type(dtype) -> str:
    """Frictionless type of a pandas column; codes stay strings (never inferred as integers)."""
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    return "string"


def write_datapackage(
    release_dir: Path,
    frames: dict[str, pd.DataFrame],
    models: dict[str, str],
    column_docs: dict[str, dict[str, str]],
    manifest: dict,
) -> Path:
    """Describe every CSV of the release (frames: file stem -> data; models: stem -> dbt model)."""
    resources = []
    for stem, frame in frames.items():
        docs = column_docs.get(models[stem], {})
        fields = [
            {"name": name, "type": _field_type(dtype)}
            | ({"description": docs[name]} if docs.get(name) else {})
            for name, dtype in frame.dtypes.items()
        ]
        resources.append(
            Resource(
                name=stem,
                path=f"{stem}.csv",
                format="csv",
                encoding="utf-8",
                mediatype="text/csv",
                schema=Schema.from_descriptor({"fields": fields}),
            )
        )
    package = Package(
        name="vn-child-online-protection-indicators",
        title="Chỉ số bảo vệ trẻ em trên môi trường mạng / Child online protection indicators",
        description=(
            ("SAMPLE DATA. " if manifest["is_sample"] else "")
            + f"Release {manifest['release_id']}, data as of {manifest['data_as_of']}."
        ),
        version=manifest["release_id"],
        licenses=[LICENCE],
        resources=resources,
    )
    target = release_dir / "datapackage.json"
    target.write_text(
        json.dumps(package.to_descriptor(), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return target
