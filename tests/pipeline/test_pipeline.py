"""The whole pipeline, run once through Dagster on a tiny sample (tests/conftest.py): the raw
tables, the dbt marts and the published release agree with each other and with the sources."""

from __future__ import annotations

import hashlib
import json
import stat

import duckdb
import pandas as pd
import pytest

from schemas.reference import DISAGGREGATIONS, TOTAL
from schemas.registry_files import load_registry

AT_TOTAL = " and ".join(f"{dimension} = '{TOTAL}'" for dimension in DISAGGREGATIONS)
"""SQL: a cell at the total of every breakdown (sex, age band, platform)."""


def _at_total(values: pd.DataFrame) -> pd.Series:
    """The rows at the total of every breakdown."""
    return values[list(DISAGGREGATIONS)].eq(TOTAL).all(axis=1)


@pytest.fixture(scope="module")
def warehouse(pipeline_run):
    with duckdb.connect(str(pipeline_run.warehouse_path), read_only=True) as con:
        yield con


@pytest.fixture(scope="module")
def all_values(pipeline_run) -> pd.DataFrame:
    return pd.read_parquet(pipeline_run.release_dir / "indicator_values.parquet")


@pytest.fixture(scope="module")
def values(all_values) -> pd.DataFrame:
    """Yearly totals (no disaggregation): the rows most tests reason about."""
    return all_values[(all_values.period_type == "year") & _at_total(all_values)]


def _restricted(warehouse, code: str, year: str) -> tuple:
    """The unsuppressed national value, numerator and denominator (marts, never published)."""
    return warehouse.execute(
        "select value, numerator, denominator from marts.fct_indicator_values "
        f"where indicator_code = ? and period = ? and geo_scheme = 'national' and {AT_TOTAL}",
        [code, year],
    ).fetchone()


def _national(values: pd.DataFrame, code: str, year: str) -> pd.Series:
    row = values[
        (values.indicator_code == code)
        & (values.geo_scheme == "national")
        & (values.period == year)
    ]
    assert len(row) == 1, f"{code} {year}: expected one national row, got {len(row)}"
    return row.iloc[0]


def test_release_holds_the_contracted_files(pipeline_run):
    release = pipeline_run.release_dir
    assert release.parent == pipeline_run.publish_dir / "releases"
    assert (pipeline_run.publish_dir / "current").is_symlink()
    for name in [
        "indicator_values.csv",
        "indicator_values.parquet",
        "indicators.csv",
        "targets.csv",
        "manifest.json",
    ]:
        path = release / name
        assert path.exists(), name
        assert not path.stat().st_mode & stat.S_IWUSR, f"{name} should be read-only"
    columns = pd.read_csv(release / "indicator_values.csv", nrows=1).columns
    assert {
        "indicator_code",
        "period",
        "period_type",
        "geo_scheme",
        "geo_code",
        "value",
        "numerator",
        "denominator",
        "unit",
        "target_value",
        "status",
        "obs_status",
    } <= set(columns)
    indicators = pd.read_csv(release / "indicators.csv")
    assert {"indicator_code", "slug", "name_vi", "name_en", "unit"} <= set(indicators.columns)


def test_manifest_lists_every_source_file_with_its_hash(pipeline_run):
    manifest = json.loads((pipeline_run.release_dir / "manifest.json").read_text("utf-8"))
    assert manifest["release_id"] == pipeline_run.release_dir.name
    assert manifest["is_sample"] is True
    assert manifest["data_as_of"] == "2025-12-31"
    landing_files = {
        str(p.relative_to(pipeline_run.landing_dir))
        for p in pipeline_run.landing_dir.rglob("*")
        if p.is_file() and not p.name.startswith("_")
    }
    listed = {f["file_path"]: f for f in manifest["source_files"]}
    assert set(listed) == landing_files
    some_file = sorted(landing_files)[0]
    expected = hashlib.sha256((pipeline_run.landing_dir / some_file).read_bytes()).hexdigest()
    assert listed[some_file]["sha256"] == expected
    for entry in listed.values():
        assert entry["rows_read"] == entry["rows_loaded"] + entry["rows_rejected"]
    assert manifest["tables"]["indicator_values"] == len(
        pd.read_parquet(pipeline_run.release_dir / "indicator_values.parquet")
    )
    assert {"indicator_values.xlsx", "datapackage.json", "milestones.csv"} <= set(manifest["files"])


def test_every_registry_indicator_is_published_for_every_year(all_values):
    registry = load_registry()
    assert set(all_values.indicator_code) == {i.code for i in registry.indicators}
    national = all_values[(all_values.geo_scheme == "national") & _at_total(all_values)]
    yearly = national[national.period_type == "year"]
    for code, rows in yearly.groupby("indicator_code"):
        assert sorted(rows.period) == ["2021", "2022", "2023", "2024", "2025"], code
    # a school-year indicator (T1): the school years ending in each programme year
    school_years = national[national.period_type == "school_year"]
    assert set(school_years.indicator_code) == {"IND-01"}
    assert sorted(school_years.period) == [f"{y - 1}-{y}" for y in range(2021, 2026)]


def test_school_year_indicator_counts_the_register(all_values, warehouse):
    """IND-01 (T1) 2024-2025: facilities that ran online-safety education over the register;
    the 63-province view covers it (the school year ends on 31 May 2025, before the merger)."""
    ran, registered = warehouse.execute(
        "select count(*) filter (where ran_online_safety), count(*) "
        "from main.raw_schools__register where school_year = '2024-2025'"
    ).fetchone()
    rows = all_values[(all_values.indicator_code == "IND-01") & (all_values.period == "2024-2025")]
    national = rows[rows.geo_scheme == "national"].iloc[0]
    assert (national.numerator, national.denominator) == (ran, registered)
    assert national.value == pytest.approx(100 * ran / registered)
    assert national.target_value == 100 and national.target_kind == "official"
    for scheme in ("province_2004", "province_2025"):
        provinces = rows[rows.geo_scheme == scheme]
        assert provinces.denominator.sum() == registered, scheme


def test_online_cases_count_matches_the_raw_cases(values, warehouse):
    expected = warehouse.execute(
        "select count(distinct case_id) from main.raw_hotline__cases "
        "where is_online_related and year(opened_date) = 2023"
    ).fetchone()[0]
    assert _restricted(warehouse, "IND-04", "2023")[0] == expected


def test_victims_supported_rate_has_its_numerator_and_denominator(values, warehouse):
    asked, supported = warehouse.execute(
        "select count(*), count(*) filter (where support_provided) from main.raw_hotline__cases "
        "where is_online_related and help_requested and year(opened_date) = 2024"
    ).fetchone()
    value, numerator, denominator = _restricted(warehouse, "IND-02", "2024")
    assert (numerator, denominator) == (supported, asked)
    assert value == pytest.approx(100 * supported / asked)


def test_contact_share_counts_app_zalo_and_web(values, warehouse):
    online, total = warehouse.execute(
        "select count(*) filter (where channel in ('app', 'zalo', 'web')), count(*) "
        "from main.raw_hotline__contacts where year(received_date) = 2022"
    ).fetchone()
    row = _national(values, "IND-06", "2022")
    assert (row.numerator, row.denominator) == (online, total)


def test_both_province_schemes_add_up_and_respect_july_2025(values, warehouse):
    sessions = values[values.indicator_code == "IND-12"]  # yearly, not suppressed: min_cell 0
    old = sessions[sessions.geo_scheme == "province_2004"]
    new = sessions[sessions.geo_scheme == "province_2025"]
    assert old[old.geo_code != "_U"].geo_code.nunique() == 63
    assert new[new.geo_code != "_U"].geo_code.nunique() == 34
    assert set(old.period) == {"2021", "2022", "2023", "2024"}  # 63 provinces end 30 June 2025
    assert set(new.period) == {"2021", "2022", "2023", "2024", "2025"}
    for year in ["2022", "2024"]:
        national = _national(values, "IND-12", year).value
        assert (
            old[old.period == year].value.sum() == new[new.period == year].value.sum() == national
        )
    assert _national(values, "IND-12", "2025").value == new[new.period == "2025"].value.sum()
    schemes = warehouse.execute(
        "select province_scheme, min(session_date), max(session_date) "
        "from main.raw_portal__traffic group by 1 order by 1"
    ).fetchall()
    assert [(s, str(lo), str(hi)) for s, lo, hi in schemes] == [
        ("province_2004", "2021-01-01", "2025-06-30"),
        ("province_2025", "2025-07-01", "2025-12-31"),
    ]


def test_national_counts_are_published_provinces_plus_the_suppressed_remainder(
    all_values, warehouse
):
    """For every count indicator and year: national = published province cells + what the
    suppressed province cells hold (known only to the restricted marts), in both schemes."""
    counts = {i.code for i in load_registry().indicators if i.unit == "count"}
    restricted = warehouse.execute(
        "select indicator_code, period, geo_scheme, geo_code, numerator as restricted "
        "from marts.fct_indicator_values "
        f"where period_type = 'year' and {AT_TOTAL}"
    ).df()
    cells = all_values[
        all_values.indicator_code.isin(counts)
        & (all_values.period_type == "year")
        & _at_total(all_values)
    ].merge(restricted, on=["indicator_code", "period", "geo_scheme", "geo_code"])
    checked = 0
    for (code, period), group in cells.groupby(["indicator_code", "period"]):
        national = group[group.geo_scheme == "national"].iloc[0]
        if national.obs_status != "normal":
            continue
        for scheme in ("province_2004", "province_2025", "region"):
            provinces = group[group.geo_scheme == scheme]
            if provinces.empty:
                continue
            published = provinces[provinces.obs_status == "normal"].value.sum()
            remainder = provinces[provinces.obs_status == "suppressed"].restricted.sum()
            assert published + remainder == national.value, (code, period, scheme)
            checked += 1
    assert checked >= 10


def test_published_cells_equal_the_restricted_marts(all_values, warehouse):
    keys = ["indicator_code", "period_type", "period", "geo_scheme", "geo_code", *DISAGGREGATIONS]
    restricted = warehouse.execute(
        f"select {', '.join(keys)}, value, status from marts.fct_indicator_values"
    ).df()
    merged = all_values.merge(restricted, on=keys, suffixes=("", "_r"))
    # every released cell is a mart cell; the marts hold more detail than the registry publishes
    assert len(merged) == len(all_values) < len(restricted)
    published = merged[merged.obs_status == "normal"]
    assert (
        published.value.equals(published.value_r)
        or ((published.value - published.value_r).abs().fillna(0) < 1e-9).all()
    )
    assert (published.status == published.status_r).all()


def test_status_uses_official_target_and_labels_the_trajectory_derived(values, warehouse):
    final = warehouse.execute(
        "select value, target_value, target_kind, status from marts.fct_indicator_values "
        "where indicator_code = 'IND-02' and period = '2025' and geo_scheme = 'national' "
        f"and {AT_TOTAL}"
    ).fetchall()
    assert len(final) == 1  # the national total only (not one of its sex / age breakdowns)
    final = final[0]
    value, target_value, target_kind, status = final
    assert (target_value, target_kind) == (100, "official")
    assert status == ("achieved" if value >= 100 else "off_track")
    supported = values[(values.indicator_code == "IND-02") & (values.geo_scheme == "national")]
    earlier = supported[supported.period < "2025"]
    assert set(earlier.target_kind) == {"derived"}
    monitoring = values[values.indicator_code.isin(["IND-04", "IND-06", "IND-12"])]
    assert set(monitoring[monitoring.obs_status == "normal"].status) == {"monitoring"}
    assert monitoring.target_value.isna().all()


def test_no_identifying_column_reaches_the_warehouse_or_release(warehouse, pipeline_run):
    columns = {
        name.lower()
        for (name,) in warehouse.execute(
            # reference seeds (province lists) are public lookups, not records
            "select column_name from information_schema.columns where table_schema <> 'reference'"
        ).fetchall()
    }
    for word in ("name", "phone", "address", "note"):
        public_names = ("name_", "geo_name", "short_name_")  # names of places and programmes
        hits = {c for c in columns if word in c and not c.startswith(public_names)}
        hits -= {"table_name", "column_name", "file_path"}
        assert not hits, f"identifying-looking columns in the warehouse: {hits}"
    release_columns = pd.read_csv(pipeline_run.release_dir / "indicator_values.csv").columns
    assert not {"case_id", "child_ref", "contact_id"} & set(release_columns)


def test_release_is_a_valid_data_package(pipeline_run):
    from frictionless import Package, validate

    report = validate(str(pipeline_run.release_dir / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(str(pipeline_run.release_dir / "datapackage.json"))
    assert {r.name for r in package.resources} == {
        "indicator_values",
        "indicators",
        "targets",
        "milestones",
        "reporting_agencies",
        "programmes",
        "activities",
        "periods",
        "categories",
    }
    fields = {f.name: f for f in package.get_resource("indicator_values").schema.fields}
    assert fields["geo_code"].type == "string"  # "01" must not become the integer 1
    assert "suppressed" in fields["obs_status"].description
    undocumented = [
        f"{resource.name}.{field.name}"
        for resource in package.resources
        for field in resource.schema.fields
        if not (field.description or "").strip()
    ]
    assert not undocumented, "every published column needs a description in dbt's YAML"


def test_xlsx_has_data_metadata_and_notes(pipeline_run, all_values):
    from openpyxl import load_workbook

    workbook = load_workbook(pipeline_run.release_dir / "indicator_values.xlsx", read_only=True)
    assert workbook.sheetnames == ["Data", "Metadata", "Notes"]
    assert workbook["Data"].max_row == len(all_values) + 1
    notes = " ".join(str(c.value) for row in workbook["Notes"].iter_rows() for c in row)
    assert "SAMPLE DATA" in notes


def test_disaggregations_add_up_to_the_total(warehouse):
    """Unsuppressed marts: girls + boys never exceed the total; the _T cell is never smaller."""
    rows = warehouse.execute(
        "select t.indicator_code, t.period, t.geo_scheme, t.geo_code, t.numerator, "
        "sum(d.numerator) "
        "from marts.fct_indicator_values t join marts.fct_indicator_values d "
        "using (indicator_code, period_type, period, geo_scheme, geo_code) "
        "where t.sex = '_T' and t.age_band = '_T' and d.sex <> '_T' and d.age_band = '_T' "
        "group by t.indicator_code, t.period_type, t.period, t.geo_scheme, t.geo_code, t.numerator"
    ).fetchall()
    assert rows, "IND-02 and IND-08 publish a sex breakdown"
    assert all(parts <= total for *_, total, parts in rows)


def test_quarters_add_up_to_years(warehouse):
    mismatches = warehouse.execute(
        "select y.indicator_code, y.period, y.geo_scheme, y.geo_code "
        "from marts.fct_indicator_values y join marts.fct_indicator_values q "
        "on q.indicator_code = y.indicator_code and q.geo_scheme = y.geo_scheme "
        "and q.geo_code = y.geo_code and q.sex = y.sex and q.age_band = y.age_band "
        "and q.period_type = 'quarter' and left(q.period, 4) = y.period "
        "where y.period_type = 'year' and y.indicator_code in ('IND-04', 'IND-12') "
        "group by 1, 2, 3, 4, y.numerator having sum(q.numerator) <> y.numerator"
    ).fetchall()
    assert mismatches == []


def test_milestones_claim_no_completion_without_a_report(pipeline_run):
    milestones = pd.read_csv(pipeline_run.release_dir / "milestones.csv").set_index("milestone_id")
    assert len(milestones) >= 6
    reported = milestones.document_number.notna()
    assert (milestones.completed_date.notna() == reported).all()
    assert set(milestones.status[~reported]) <= {"due", "not_reported"}
    assert set(milestones.status[reported]) == {"done", "done_late"}
    # the sample's April 2022 correction (_v2) is the completion that counts
    assert milestones.loc["M-09-COORDINATION", "completed_date"] == "2022-03-15"
    # the CSAM database, whose exports start in January 2022, is reported complete on time
    assert milestones.loc["M-10A-CSAM-DATABASE", "status"] == "done"
    assert milestones.loc["M-10A-CSAM-DATABASE", "completed_date"] == "2021-12-31"
    values = pd.read_csv(pipeline_run.release_dir / "indicator_values.csv")
    ind15 = values[(values.indicator_code == "IND-15") & (values.period_type == "year")]
    by_year = ind15.set_index(ind15.period.astype(str))[["numerator", "denominator"]]
    # due by 2021: portal, coordination (late), network; by 2022 also integration, the CSAM
    # database and AI listening (late)
    assert by_year.loc["2021"].tolist() == [2.0, 3.0]
    assert by_year.loc["2022"].tolist() == [4.0, 6.0]


def test_every_cell_without_a_value_says_why(all_values):
    """normal only with a value; a missing value is suppressed, not_applicable or no_data."""
    missing = all_values[all_values.value.isna()]
    assert set(missing.obs_status) <= {"suppressed", "not_applicable", "no_data"}
    assert all_values[all_values.obs_status.isin(["normal", "provisional"])].value.notna().all()
    plan = all_values[all_values.indicator_code == "IND-15"]
    # the sample's completion reports give every year of IND-15 deliverables with a report
    assert set(plan.obs_status) == {"normal"}
    unknown = missing[(missing.geo_code == "_U") & (missing.obs_status != "suppressed")]
    assert set(unknown.obs_status) == {"not_applicable"}


def test_incomplete_report_periods_are_provisional_and_not_judged(all_values, warehouse):
    """2025-Q4: the national completeness is the ledger's received / the calendar's expected
    (one report from each of the 34 provinces); it and its year are provisional for every
    training-report indicator, 2024 is final."""
    from schemas.reference import province_lists

    expected = len(province_lists().p2025)
    [(received,)] = warehouse.execute(
        "select count(distinct province_code) from main.raw_ingestion__ledger "
        "where source = 'training_events' and period = '2025-Q4' "
        "and status in ('loaded', 'superseded')"
    ).fetchall()
    assert expected == 34 and received < expected
    national = all_values[(all_values.geo_scheme == "national") & _at_total(all_values)]
    for code in ["IND-09", "IND-10", "IND-11", "IND-14"]:
        rows = national[national.indicator_code == code].set_index("period")
        assert rows.loc["2025-Q4"].completeness == pytest.approx(100 * received / expected)
        assert rows.loc["2025-Q4"].obs_status == rows.loc["2025"].obs_status == "provisional"
        assert rows.loc["2024"].obs_status == "normal"
    provisional = all_values[all_values.obs_status == "provisional"]
    assert set(provisional.status) <= {"provisional", "monitoring"}
    assert provisional[["numerator"]].notna().all().all()
    assert all_values[all_values.indicator_code == "IND-04"].completeness.isna().all()


def test_opinions_window_closes_at_the_manifest_data_as_of(pipeline_run, warehouse):
    """IND-13 counts an opinion once its 30 days ended by the release's data_as_of."""
    manifest = json.loads((pipeline_run.release_dir / "manifest.json").read_text("utf-8"))
    closed = warehouse.execute(
        "select count(*) from main.raw_portal__opinions "
        "where submitted_date + interval 30 day <= cast(? as date) "
        "and year(submitted_date) = 2025",
        [manifest["data_as_of"]],
    ).fetchone()[0]
    assert _restricted(warehouse, "IND-13", "2025")[2] == closed


def test_landing_files_and_warehouse_are_private_and_the_release_is_public(pipeline_run):
    """Names and phone numbers sit in the landing files, case records in the warehouse: only
    their owner may enter those folders; anyone may read the release."""
    for folder in (pipeline_run.landing_dir, pipeline_run.warehouse_path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in pipeline_run.release_dir.iterdir():
        assert file.stat().st_mode & stat.S_IROTH, file


def test_every_cell_names_its_reporting_agency_as_of_its_period(pipeline_run):
    """Hotline 111 moved from MOLISA to the Ministry of Health on 1 March 2025."""
    values = pd.read_csv(pipeline_run.release_dir / "indicator_values.csv", dtype=str)
    assert values.reporting_agency.notna().all()
    national = values[(values.geo_scheme == "national") & _at_total(values)]
    agency = national.set_index(["indicator_code", "period"]).reporting_agency
    assert agency[("IND-08", "2024")] == "molisa"
    assert agency[("IND-08", "2025-Q1")] == "molisa;moh"
    assert agency[("IND-08", "2025-Q2")] == "moh"
    assert agency[("IND-03", "2025")] == "mps_a05"
    agencies = pd.read_csv(pipeline_run.release_dir / "reporting_agencies.csv", dtype=str)
    assert set(values.reporting_agency.str.split(";").explode()) <= set(agencies.agency_code)
    indicators = pd.read_csv(pipeline_run.release_dir / "indicators.csv").set_index("slug")
    line = indicators.loc["online_victims_given_support", "reporting_agency_en"]
    assert line.index("Labour") < line.index("Ministry of Health (")
    assert "from 1 March 2025" in line


def test_ind19_is_published_per_platform_and_every_other_indicator_at_the_total(
    all_values, warehouse
):
    """IND-19's median per platform notified, beside its national median: a row per platform
    and year for every platform with a removed notice that year (its notices the row's
    denominator); no other indicator has a platform breakdown, whose categories are the
    reference data's."""
    broken_down = all_values[all_values.platform != TOTAL]
    assert set(broken_down.indicator_code) == {"IND-19"}
    ind19 = all_values[(all_values.indicator_code == "IND-19") & (all_values.period_type == "year")]
    assert set(ind19.geo_scheme) == {"national"}
    assert (ind19[["sex", "age_band"]] == TOTAL).all().all()
    removed = warehouse.execute(
        "select cast(year(notice_date) as varchar), platform, count(*) "
        "from intermediate.int_csam_notices_followed where hours_to_removal is not null "
        "group by 1, 2"
    ).fetchall()
    assert {(year, platform) for year, platform, _ in removed} == set(
        map(tuple, broken_down[broken_down.period_type == "year"][["period", "platform"]].values)
    )
    assert set(broken_down.platform) <= set(DISAGGREGATIONS["platform"])
    assert len(set(broken_down.platform)) >= 3
    for year, platform, notices in removed:
        row = ind19[(ind19.period == year) & (ind19.platform == platform)].iloc[0]
        assert row.denominator == notices and row.value == row.numerator > 0, (year, platform)
    for year, rows in ind19[ind19.value.notna()].groupby("period"):
        total = rows[rows.platform == TOTAL].iloc[0]
        parts = rows[rows.platform != TOTAL]
        # a median's parts do not add up, its observations do
        assert parts.denominator.sum() == total.denominator, year
        assert parts.value.min() <= total.value <= parts.value.max(), year
    assert sorted(ind19[ind19.value.notna()].period.unique()) == ["2022", "2023", "2024", "2025"]


def test_new_sources_publish_their_indicators(all_values, values, warehouse):
    """Facility counselling (IND-16, IND-16b), the CSAM database (IND-17 to IND-19) and
    inspections (IND-20, IND-21) are published by year with no site code, as monitoring; the
    CSAM database starts in 2022; IND-03's right-censored 2025 cohort is provisional."""
    national = values[values.geo_scheme == "national"].set_index(["indicator_code", "period"])
    for code in ["IND-16", "IND-16b", "IND-17", "IND-18", "IND-19", "IND-20", "IND-21"]:
        rows = national.loc[code]
        assert rows.loc[["2023", "2024"]].value.notna().all(), code
        assert set(rows.status) == {"monitoring"}, code
    before = national.loc[("IND-17", "2021")]  # the database was built in 2022
    assert pd.isna(before.value) and before.obs_status == "not_applicable"
    counselled, rate = national.loc[("IND-16", "2024")], national.loc[("IND-16b", "2024")]
    assert rate.numerator == counselled.numerator and rate.obs_status == counselled.obs_status
    assert 0 <= national.loc[("IND-20", "2024")].value <= 34
    median = national.loc[("IND-19", "2024")]
    assert median.value == median.numerator and median.unit == "hours"
    # (at the test's scale the national cell may be suppressed: read the warehouse)
    ind03 = dict(
        warehouse.execute(
            "select period, is_provisional and status = 'provisional' "
            "from marts.fct_indicator_values where indicator_code = 'IND-03' "
            f"and geo_scheme = 'national' and period_type = 'year' and {AT_TOTAL}"
        ).fetchall()
    )
    assert ind03["2025"] is True and ind03["2024"] is False
    # IND-16 counts children: its published detail is protected like IND-08's
    ind16 = all_values[all_values.indicator_code == "IND-16"]
    assert set(ind16[ind16.geo_scheme != "national"].period_type) == {"year"}
    assert set(ind16[ind16.sex != "_T"].period_type) == {"year"}
