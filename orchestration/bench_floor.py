"""The floor of `make bench`: one DuckDB script straight over the landing files.

It computes the national yearly figures of the indicators drawn from the big sources (hotline
contacts and cases, portal analytics): the counts IND-04 online abuse cases, IND-08 online
victims given support and IND-12 portal sessions, and the numerators and denominators of the two
rates IND-06 (online contact share) and IND-07 (online counselling share). A corrected
delivery (`_v2`, …) replaces the earlier version of its month, as in ingestion. No validation,
no geocoding, no disclosure control: what a bare engine takes to read the same bytes and count.
`check_against_release` fails when a figure differs from the published one, so the floor is a
real second computation and not a guess. The training reports (XLSX with totals rows and
Vietnamese headers) are left out: DuckDB has no XLSX reader without an extension.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pandas as pd

LATEST = """
    select *, regexp_extract(filename, '_([0-9]+-[0-9]+)', 1) as file_month,
           coalesce(try_cast(regexp_extract(filename, '_v([0-9]+)[.][a-z]+$', 1) as integer), 1)
               as file_version
    from {reader}
    qualify file_version = max(file_version) over (partition by file_month)
"""

FLOOR_SQL = f"""
with contacts as ({
    LATEST.format(
        reader="read_csv('{landing}/hotline/contacts_*.csv',"
        " all_varchar = true, filename = true, header = true)"
    )
}),
cases as ({
    LATEST.format(
        reader="read_csv('{landing}/hotline/cases_*.csv',"
        " all_varchar = true, filename = true, header = true)"
    )
}),
traffic as ({
    LATEST.format(reader="read_json('{landing}/portal/analytics_*.json', filename = true)")
}),
contact_years as (
    select year(cast(received_at as timestamp)) as year,
           count(*) as contacts,
           count(*) filter (where channel in ('Ứng dụng', 'Zalo', 'Website')) as online_channel,
           count(*) filter (where outcome in
               ('information', 'in_depth_counselling', 'intervention_request')) as counselling,
           count(*) filter (where online_related = '1' and outcome in
               ('information', 'in_depth_counselling', 'intervention_request'))
               as online_counselling
    from contacts group by 1
),
case_years as (
    select year(strptime(opened_at, '%d/%m/%Y %H:%M')) as year,
           count(distinct case_id) filter (where online_related = '1') as online_cases,
           count(*) filter (where online_related = '1' and support_provided = '1'
               and child_age_band in ('0-5', '6-10', '11-14', '15')) as victims_supported
    from cases group by 1
),
session_years as (
    select year(cast(day.date as date)) as year, sum(place.sessions) as sessions
    from traffic, unnest(traffic.days) as d(day), unnest(day.provinces) as p(place)
    group by 1
)
select c.year, contacts, online_channel, counselling, online_counselling,
       online_cases, victims_supported, sessions
from contact_years c
left join case_years using (year)
left join session_years using (year)
order by c.year
"""

# figure of the floor → (slug, numerator or denominator) in the release
PUBLISHED = {
    "online_cases": ("online_abuse_cases", "numerator"),
    "victims_supported": ("online_victims_given_support", "numerator"),
    "sessions": ("portal_sessions", "numerator"),
    "online_channel": ("online_contact_share", "numerator"),
    "contacts": ("online_contact_share", "denominator"),
    "online_counselling": ("online_counselling_share", "numerator"),
    "counselling": ("online_counselling_share", "denominator"),
}


class FloorMismatch(AssertionError):
    """The floor's figures are not the release's."""


def run_floor(landing: Path) -> tuple[pd.DataFrame, float]:
    """The floor's figures by year, and the seconds the script took (one fresh connection)."""
    started = time.perf_counter()
    con = duckdb.connect()
    try:
        con.execute("set enable_progress_bar = false")
        frame = con.sql(FLOOR_SQL.format(landing=landing.as_posix())).df()
    finally:
        con.close()
    return frame, time.perf_counter() - started


def published_figures(release: Path) -> pd.DataFrame:
    """The release's national yearly totals (all sexes and ages) of the floor's indicators."""
    values = pd.read_parquet(release / "indicator_values.parquet")
    keep = (values["geo_scheme"] == "national") & (values["period_type"] == "year")
    for column in ("sex", "age_band"):
        keep &= values[column].fillna("_T") == "_T"
    return values[keep & values["slug"].isin({s for s, _ in PUBLISHED.values()})]


def check_against_release(floor: pd.DataFrame, release: Path) -> int:
    """Compare every floor figure with the release; the number compared, or FloorMismatch."""
    published = published_figures(release)
    wrong, compared = [], 0
    for row in floor.itertuples(index=False):
        for figure, (slug, column) in PUBLISHED.items():
            cell = published[(published["slug"] == slug) & (published["period"] == str(row.year))]
            if cell.empty or cell["obs_status"].iloc[0] == "suppressed":
                continue  # a hidden cell has no published figure to compare
            ours, theirs = getattr(row, figure), cell[column].iloc[0]
            compared += 1
            if pd.isna(ours) or pd.isna(theirs) or int(ours) != int(theirs):
                wrong.append(f"{slug} {column} {row.year}: floor {ours}, release {theirs}")
    if wrong or compared == 0:
        raise FloorMismatch("the floor differs from the release:\n" + "\n".join(wrong or ["none"]))
    return compared
