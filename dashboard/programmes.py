"""The programmes of a release and their years: pure queries (no file access, no Dash).

The release says which programmes there are (programmes.csv: adopted or draft, with their years),
which programme year each period counts for (periods.csv: year_number) and each target's
programme (targets.csv). The site writes no programme year of its own: a new programme file in
schemas/programmes reaches every page through the release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.release import Release

ADOPTED = "adopted"
DRAFT = "draft"
JUDGED_KIND = "official"
"""Only an adopted programme's official targets are judged; a draft's are illustrative."""


def programmes(release: Release) -> list[dict[str, Any]]:
    """Every programme of the release, oldest first. A release written before programmes.csv
    existed: one adopted programme per programme_id of targets.csv, over the years it has."""
    if release.programmes is not None and not release.programmes.empty:
        rows = release.programmes.to_dict("records")
        return sorted(rows, key=lambda row: (int(row["start_year"]), str(row["programme_id"])))
    years = data_years(release)
    ids = list(dict.fromkeys(release.targets.get("programme_id", pd.Series(dtype=str))))
    return [
        {
            "programme_id": programme_id,
            "status": ADOPTED,
            "start_year": int(years[0]) if years else 0,
            "end_year": int(years[-1]) if years else 0,
        }
        for programme_id in ids
        if programme_id
    ]


def data_years(release: Release) -> list[str]:
    """The programme years of the release's periods, oldest first."""
    return sorted({str(y) for y in release.values["year_number"].dropna().astype(int)})


def chosen_programme(release: Release, programme_id: str | None = None) -> dict[str, Any] | None:
    """The programme asked for, if the release has it; else the adopted programme holding the
    latest year with data (else the latest adopted one, else the first). None: no programme."""
    known = programmes(release)
    if not known:
        return None
    for programme in known:
        if programme_id and str(programme["programme_id"]) == programme_id:
            return programme
    adopted = [p for p in known if str(p.get("status")) == ADOPTED] or known
    years = [int(y) for y in data_years(release)]
    latest = max(years) if years else None
    for programme in reversed(adopted):
        if latest is not None and int(programme["start_year"]) <= latest <= int(
            programme["end_year"]
        ):
            return programme
    return adopted[-1]


def programme_years(programme: Mapping[str, Any]) -> list[str]:
    """Its years, as the period labels of yearly rows ('2021' … '2025')."""
    return [str(y) for y in range(int(programme["start_year"]), int(programme["end_year"]) + 1)]


def is_draft(programme: Mapping[str, Any] | None) -> bool:
    return programme is not None and str(programme.get("status")) == DRAFT


def programme_targets(release: Release, programme_id: str | None) -> pd.DataFrame:
    """targets.csv rows typed in for the programme (official or illustrative, never derived),
    by target id."""
    targets = release.targets
    rows = targets[targets["kind"] != "derived"]
    if programme_id and "programme_id" in rows.columns:
        rows = rows[rows["programme_id"] == programme_id]
    return rows.sort_values("target_id").reset_index(drop=True)
