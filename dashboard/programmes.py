"""The programmes of a release, their years and their wording: pure queries (no file access,
no Dash).

The release says which programmes there are (programmes.csv: adopted or draft, with their years,
short name, decision and plan), which programme year each period counts for (periods.csv:
year_number), each target's programme (targets.csv) and the names of the plan's activities
(activities.csv). The site writes no programme year, decision or activity name of its own: a new
programme file in schemas/programmes reaches every page through the release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.i18n import pick, t
from dashboard.release import Release

ADOPTED = "adopted"
DRAFT = "draft"


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


# ---- the programme's wording on the site ------------------------------------------------------


def site_title(release: Release | None, lang: str) -> str:
    """'Chỉ số <short name> 2021–2025' of the current programme; the site's plain name when the
    release names none."""
    programme = chosen_programme(release) if release is not None else None
    short = pick(programme, "short_name", lang) if programme else ""
    if not programme or not short:
        return t("site.name", lang)
    first, last = programme["start_year"], programme["end_year"]
    return t("site.title", lang, programme=short, first=first, last=last)


def site_description(release: Release | None, lang: str) -> str:
    """The site's description (link previews, search engines): open data on the current
    programme, by its full name; a plain sentence when the release names none."""
    programme = chosen_programme(release) if release is not None else None
    name = pick(programme, "name", lang) if programme else ""
    if not name:
        return t("site.description_plain", lang)
    return t("site.description", lang, programme=name)


def plan_text(programme: Mapping[str, Any] | None, lang: str) -> str:
    """The plan a programme's deliverables come from, as the site names it ('Plan
    838/QĐ-LĐTBXH'); 'the implementation plan' when it names none (a draft)."""
    return (pick(programme, "plan", lang) if programme else "") or t("site.plan_plain", lang)


def site_subtitle(release: Release | None, lang: str) -> str:
    """The current programme's decision and plan: 'Quyết định 830/QĐ-TTg · Kế hoạch 838/…'."""
    programme = chosen_programme(release) if release is not None else None
    if not programme:
        return ""
    return " · ".join(x for x in (pick(programme, f, lang) for f in ("decision", "plan")) if x)


def programme_citation(release: Release | None, lang: str) -> str:
    """'<name> (<decision>); <plan>.' of the current programme, or '' without one."""
    programme = chosen_programme(release) if release is not None else None
    if not programme or not (name := pick(programme, "name", lang)):
        return ""
    decision, plan = pick(programme, "decision", lang), pick(programme, "plan", lang)
    return name + (f" ({decision})" if decision else "") + (f"; {plan}" if plan else "") + "."


def targets_text(release: Release | None, lang: str) -> str:
    """The methodology's sentence on official and derived targets, citing the current
    programme's decision and last year."""
    programme = chosen_programme(release) if release is not None else None
    decision = pick(programme, "decision", lang) if programme else ""
    if not programme or not decision:
        return t("method.targets_plain", lang)
    return t("method.targets_body", lang, decision=decision, year=programme["end_year"])


def decision_text(programme: Mapping[str, Any] | None, lang: str) -> str:
    """The decision a programme's targets come from, as the site cites it ('Decision
    830/QĐ-TTg'); a programme without one (a draft) by its name."""
    if programme is None:
        return t("site.name", lang)
    return pick(programme, "decision", lang) or pick(programme, "name", lang)


def official_target_label(release: Release, target: Mapping[str, Any], lang: str) -> str:
    """'Official target (Decision 830/QĐ-TTg)': the decision of the target's programme."""
    programme_id = str(target.get("programme_id") or "")
    known = [p for p in programmes(release) if str(p["programme_id"]) == programme_id]
    decision = pick(known[0], "decision", lang) if known else ""
    if not decision:
        return t("target.official_plain", lang)
    return t("target.official", lang, decision=decision)


def activity_label(release: Release, activity: str, lang: str) -> str:
    """'Hoạt động 4a: Tư vấn…' / 'Activity 4a: Counselling…' with the name the current
    programme's plan gives it (activities.csv), or without a name if it gives none."""
    name = ""
    activities = release.activities
    if activities is not None and not activities.empty:
        rows = activities[activities["activity"].astype(str) == str(activity)]
        programme = chosen_programme(release)
        if programme is not None and len(rows) > 1:
            rows = rows[rows["programme_id"] == programme["programme_id"]]
        if not rows.empty:
            name = pick(rows.iloc[0].to_dict(), "name", lang)
    if name:
        return t("home.activity_named", lang, activity=activity, name=name)
    return t("home.activity", lang, activity=activity)
