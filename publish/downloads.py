"""The indicator page's whole-indicator downloads, written once into the release at publish time.

For every published indicator: `indicator-<slug>.csv` (UTF-8 with a byte-order mark, so
spreadsheet programs read the Vietnamese text), `indicator-<slug>.xlsx` (sheets Data and
Metadata) and `indicator-<slug>.json` (`{"release": …, "indicator": …, "values": [...]}`, a
suppressed or missing number as null), for programs. The rows are the indicator's rows of
indicator_values, by geo_scheme, period and geo_code (tests/dashboard/test_site_speed.py checks
the files against the release's rows in that order); a count is written as a whole number in the
CSV and JSON (publish/numbers.py). The site serves these files as they are
(dashboard/server_routes.py), with ETags, instead of building them per request. The workbooks
are written by publish/xlsx.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from publish.numbers import whole_counts
from publish.xlsx import write_workbook

PREFIX = "indicator-"
_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SORT = ["geo_scheme", "period", "geo_code"]
KINDS = ("csv", "xlsx", "json")


def download_names(slug: str) -> dict[str, str]:
    """{"csv": file name, "xlsx": file name, "json": file name} of one indicator's downloads."""
    return {kind: f"{PREFIX}{slug}.{kind}" for kind in KINDS}


def indicator_metadata(indicator: dict, manifest: dict) -> pd.DataFrame:
    """The Metadata sheet: the indicator's indicators.csv fields, then the release's."""
    rows = [{"field": k, "value": v} for k, v in indicator.items()]
    rows += [
        {"field": "release_id", "value": manifest.get("release_id")},
        {"field": "data_as_of", "value": manifest.get("data_as_of")},
        {"field": "licence", "value": "CC BY 4.0"},
    ]
    return pd.DataFrame(rows)


def indicator_json(indicator: dict, manifest: dict, rows: pd.DataFrame) -> str:
    """The whole indicator for programs: the release it belongs to, its metadata, its rows (one
    row a line: json's C encoder writes each, the indenting encoder is ten times slower)."""
    release = {key: manifest.get(key) for key in ("release_id", "data_as_of", "is_sample")}
    metadata = {k: (None if pd.isna(v) else v) for k, v in indicator.items()}
    values = json.loads(rows.to_json(orient="records", double_precision=15))
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in values)
    return (
        f'{{\n "release": {json.dumps({**release, "licence": "CC BY 4.0"}, ensure_ascii=False)},'
        f'\n "indicator": {json.dumps(metadata, ensure_ascii=False)},'
        f'\n "values": [\n{lines}\n ]\n}}\n'
    )


def write_indicator_downloads(
    release_dir: Path, values: pd.DataFrame, indicators: pd.DataFrame, manifest: dict
) -> dict[str, dict[str, str]]:
    """Write the CSV and XLSX of every indicator into `release_dir`; {slug: download_names}."""
    written: dict[str, dict[str, str]] = {}
    by_slug = dict(tuple(values.groupby("slug", sort=False)))
    for indicator in indicators.to_dict(orient="records"):
        slug = str(indicator.get("slug") or "")
        if not _SAFE_SLUG.match(slug):
            continue
        rows = by_slug.get(slug, values.iloc[0:0])
        rows = rows.sort_values(SORT, kind="stable").reset_index(drop=True)
        names = download_names(slug)
        counted = whole_counts(rows)  # text files write a count as 80, not 80.0
        with (release_dir / names["csv"]).open("w", encoding="utf-8-sig", newline="") as file:
            counted.to_csv(file, index=False)
        write_workbook(
            release_dir / names["xlsx"],
            {"Data": rows, "Metadata": indicator_metadata(indicator, manifest)},
        )
        (release_dir / names["json"]).write_text(
            indicator_json(indicator, manifest, counted), encoding="utf-8"
        )
        written[slug] = names
    return written
