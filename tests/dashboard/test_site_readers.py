"""What readers need beyond the numbers, in a real browser (Debian chromium, both languages):
the region view when provinces are hidden, the map's legend, clickable tiles. Expectations are
read from the release served. The console-error guard of test_site_browser.py applies."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.dashboard.test_site_browser import browser_problems, published  # noqa: F401

pytestmark = pytest.mark.browser


def _totals(values: pd.DataFrame) -> pd.DataFrame:
    for column in ("sex", "age_band"):
        if column in values.columns:
            values = values[values[column].fillna("_T") == "_T"]
    return values[values["period_type"] == "year"]


def _mostly_hidden_indicator(published) -> tuple[str, int, int]:  # noqa: F811
    """(slug, hidden, provinces) of an indicator whose latest yearly province_2004 cells are
    mostly suppressed while its regions are published."""
    values = _totals(published["values"])
    for slug in published["indicators"]["slug"]:
        rows = values[(values["slug"] == slug) & (values["geo_scheme"] == "province_2004")]
        rows = rows[rows["geo_code"] != "_U"]
        regions = values[(values["slug"] == slug) & (values["geo_scheme"] == "region")]
        if rows.empty or regions.empty:
            continue
        latest = rows[rows["period"] == rows["period"].max()]
        hidden = int((latest["obs_status"] == "suppressed").sum())
        if hidden * 2 > len(latest):
            return slug, hidden, len(latest)
    pytest.skip("no indicator with mostly suppressed provinces in this release")


def test_region_view_leads_when_provinces_are_hidden(page: Page, site_url: str, published):  # noqa: F811
    slug, hidden, total = _mostly_hidden_indicator(published)
    page.goto(f"{site_url}/en/indicators/{slug}")
    scheme = page.locator("#indicator-scheme")
    for label in ("National", "6 regions", "63 provinces", "34 provinces"):
        expect(scheme.get_by_label(re.compile("^" + label))).to_have_count(1)
    expect(scheme.get_by_label("6 regions")).to_be_checked()
    note = page.locator("#indicator-geo-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"{hidden} of {total} provinces are hidden")
    expect(note).to_contain_text("6 regions")
    expect(page.locator("#indicator-row-count")).to_contain_text("6 regions")
    expect(page.locator("#indicator-map-figure")).to_be_hidden()  # tiles are provinces

    scheme.get_by_label(re.compile("^63 provinces")).check()
    expect(page.locator("#indicator-map-figure")).to_be_visible()
    expect(note).to_contain_text("Choose “6 regions”")
    legend = page.locator("#indicator-tile-map")
    expect(legend).to_contain_text(f"Suppressed (small count): {hidden}")

    page.goto(f"{site_url}/indicators/{slug}")  # Vietnamese: the same lead, in words
    expect(page.locator("#indicator-scheme").get_by_label("6 vùng")).to_be_checked()
    expect(page.locator("#indicator-geo-note")).to_contain_text(f"{hidden} trên {total} tỉnh")


def test_a_map_tile_opens_its_province(page: Page, site_url: str, published) -> None:  # noqa: F811
    values = _totals(published["values"])
    shown = values[(values["geo_scheme"] == "province_2025") & values["value"].notna()]
    shown = shown[(shown["obs_status"] != "suppressed") & (shown["geo_code"] != "_U")]
    if shown.empty:
        pytest.skip("no published province_2025 value")
    row = shown.iloc[0]
    page.goto(f"{site_url}/en/indicators/{row['slug']}?scheme=province_2025&period={row['period']}")
    plot = page.locator("#indicator-tile-map .js-plotly-plot")
    expect(plot).to_have_attribute("data-tile-links", "1")
    target = f"/en/provinces/province_2025/{row['geo_code']}"
    page.evaluate(
        """([code, link]) => {
            const plot = document.querySelector('#indicator-tile-map .js-plotly-plot');
            plot.emit('plotly_click', {points: [{customdata: ['', '', link]}]});
        }""",
        [row["geo_code"], target],
    )
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.locator("h1")).to_have_text(str(row["geo_name"]))


def _national(published) -> pd.DataFrame:  # noqa: F811
    values = published["values"]
    return values[values["geo_scheme"] == "national"]


def test_no_empty_axes_but_a_sentence_saying_why(page: Page, site_url: str, published):  # noqa: F811
    national = _totals(_national(published))
    empty = [slug for slug, rows in national.groupby("slug") if rows["value"].isna().all()]
    if not empty:
        pytest.skip("every indicator has a national value in this release")
    for prefix, words in (("/en", "no figure yet"), ("", "chưa có số liệu")):
        page.goto(f"{site_url}{prefix}/indicators/{empty[0]}")
        expect(page.locator("#indicator-trend-summary")).to_contain_text(words)
        expect(page.locator("#indicator-trend-holder")).to_be_hidden()
        expect(page.locator("#indicator-trend-summary")).not_to_contain_text("–")


def test_only_published_breakdowns_are_offered(page: Page, site_url: str, published):  # noqa: F811
    national = _national(published)
    if not {"sex", "age_band"} <= set(national.columns):
        pytest.skip("no sex and age breakdowns in this release")
    found = None
    for key, rows in national.groupby("slug"):
        pairs = set(zip(rows["sex"], rows["age_band"], strict=True))
        sexes = {s for s, _ in pairs if s not in ("_T", "_U")}
        ages = {a for _, a in pairs if a not in ("_T", "_U")}
        if sexes and ages and not any(s in sexes and a in ages for s, a in pairs):
            found = key, pairs
            break
    if found is None:
        pytest.skip("no indicator with sex and age bands published apart")
    slug, pairs = found
    page.goto(f"{site_url}/en/indicators/{slug}")
    sex = page.locator('[id*="\\"dim\\":\\"sex\\""]')
    age = page.locator('[id*="\\"dim\\":\\"age_band\\""]')
    expect(age.locator("input")).to_have_count(len({a for _, a in pairs}))
    sex.get_by_label("Male", exact=True).check()
    # male × an age band is never published: only the age total is offered beside "Male"
    expect(age.locator("input")).to_have_count(1)
    expect(age.get_by_label("Total")).to_be_checked()
    sex.get_by_label("Total", exact=True).check()
    expect(age.locator("input")).to_have_count(len({a for _, a in pairs}))


def test_a_single_period_type_is_not_a_choice(page: Page, site_url: str, published):  # noqa: F811
    national = _national(published)
    single = [s for s, rows in national.groupby("slug") if rows["period_type"].nunique() == 1]
    if not single:
        pytest.skip("every indicator has several period types")
    page.goto(f"{site_url}/en/indicators/{single[0]}")
    expect(page.locator(".fixed-choice").first).to_contain_text("Period type:")
    expect(page.locator("#indicator-period-type")).to_be_hidden()


def _two_scheme_indicator(published) -> tuple[str, list[str]]:  # noqa: F811
    values = _totals(published["values"])
    for slug, rows in values.groupby("slug"):
        schemes = set(rows["geo_scheme"])
        years = sorted(rows.loc[rows["geo_scheme"] == "province_2004", "period"].unique())
        if {"province_2004", "province_2025", "region"} <= schemes and len(years) >= 2:
            return str(slug), years
    pytest.skip("no indicator with both province lists and regions")


def _choose_period(page: Page, label: str) -> None:
    """Radio buttons for an indicator with years only; a select where it has quarters or
    months too (views/province_view.period_picker)."""
    picker = page.locator("#indicator-year")
    if picker.locator("input[type=radio]").count():
        picker.get_by_label(label, exact=True).check()
    else:
        picker.click()
        page.get_by_role("option", name=label, exact=True).click()


def test_the_address_follows_the_filters_and_back_works(page: Page, site_url: str, published):  # noqa: F811
    slug, years = _two_scheme_indicator(published)
    page.goto(f"{site_url}/en/indicators/{slug}?scheme=province_2004&period={years[-1]}")
    scheme = page.locator("#indicator-scheme")
    expect(scheme.get_by_label(re.compile("^63 provinces"))).to_be_checked()
    scheme.get_by_label("6 regions").check()
    expect(page).to_have_url(re.compile(r"scheme=region"))
    _choose_period(page, years[0])
    expect(page).to_have_url(
        re.compile(rf"scheme=region.*period={years[0]}|period={years[0]}.*scheme=region")
    )
    expect(page.locator("#shell-lang-switch")).to_have_attribute(
        "href", re.compile(f"period={years[0]}")
    )
    page.go_back()
    expect(page).to_have_url(re.compile(r"scheme=region"))
    expect(page).not_to_have_url(re.compile(rf"period={years[0]}"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"scheme=province_2004"))
    expect(
        page.locator("#indicator-scheme").get_by_label(re.compile("^63 provinces"))
    ).to_be_checked()
    page.go_forward()
    expect(page.locator("#indicator-scheme").get_by_label("6 regions")).to_be_checked()


def test_a_chart_exports_png_and_svg_with_its_credits(
    page: Page,
    site_url: str,
    published,  # noqa: F811
    release_dir,  # noqa: F811
):
    import json
    from pathlib import Path

    manifest = json.loads((Path(release_dir) / "manifest.json").read_text(encoding="utf-8"))
    national = _totals(_national(published))
    slug = next(s for s, rows in national.groupby("slug") if rows["value"].notna().any())
    indicator = published["indicators"].set_index("slug").loc[slug]
    page.goto(f"{site_url}/en/indicators/{slug}")
    chart = page.locator("#indicator-trend-chart")
    expect(chart.locator(".main-svg").first).to_be_visible()
    chart.hover()
    expect(chart.locator(".modebar-btn").first).to_be_attached()  # Plotly's own PNG button
    with page.expect_download() as png:
        page.get_by_role("button", name="Download PNG").click()
    assert png.value.suggested_filename == f"{slug}_{manifest['release_id']}.png"
    with page.expect_download() as svg:
        page.get_by_role("button", name="Download SVG").click()
    image = Path(svg.value.path()).read_text(encoding="utf-8")
    assert image.startswith("<svg")
    assert indicator["name_en"].split()[0] in image and indicator["indicator_code"] in image
    assert "Source:" in image and manifest["release_id"] in image
    assert ("SAMPLE DATA" in image) == bool(manifest["is_sample"])


def test_embed_page_has_sample_label_source_and_iframe_code(page: Page, site_url: str, published):  # noqa: F811
    slug = published["indicators"]["slug"].iloc[0]
    page.goto(f"{site_url}/en/embed/{slug}")
    expect(page.locator(".embed .sample-banner")).to_contain_text("SAMPLE DATA")
    expect(page.locator(".embed")).to_contain_text("Source:")
    page.get_by_text("Embed code").click()
    code = page.locator("#embed-code")
    expect(code).to_have_value(re.compile(rf'^<iframe src="{re.escape(site_url)}/en/embed/{slug}"'))
    page.get_by_role("button", name="Copy the code").click()
    expect(page.get_by_role("button", name="Copy the code")).to_have_attribute("data-copied", "1")


@pytest.mark.parametrize(("prefix", "query"), [("/en", "hotline"), ("", "tong dai 111")])
def test_search_finds_every_hotline_indicator_and_keeps_the_query(
    page: Page,
    site_url: str,
    published,  # noqa: F811
    prefix: str,
    query: str,
) -> None:
    indicators = published["indicators"]
    hotline = indicators.loc[indicators["source"] == "hotline_111", "indicator_code"].tolist()
    if not hotline:
        pytest.skip("no hotline indicator in this release")
    page.goto(f"{site_url}{prefix}/")
    page.wait_for_load_state("networkidle")  # (leaving while Plotly loads aborts its request)
    box = page.locator("#shell-search-input")
    box.fill(query)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q="))
    results = page.locator("#search-results .search-results li")
    expect(results.first).to_be_visible()
    texts = results.all_inner_texts()
    found = {text.split(" · ")[0] for text in texts}
    assert set(hotline) <= found, (hotline, texts)
    expect(page.locator("#shell-search-input")).to_have_value(query)  # the box keeps it
    with_value = results.filter(has=page.locator(".search-value"))
    assert with_value.count() >= len(hotline) - 1  # the latest value beside each hit


def test_province_pages_link_the_merger_both_ways_and_show_the_trend(
    page: Page,
    site_url: str,
    release_dir,  # noqa: F811
) -> None:
    from pathlib import Path

    places = pd.read_csv(Path(release_dir) / "geographies.csv", dtype=str, keep_default_na=False)
    old = places[places["geo_scheme"] == "province_2004"]
    merged = old[old["successor"] != old["geo_code"]].iloc[0]
    new = places[(places["geo_scheme"] == "province_2025")]
    new = new[new["geo_code"] == merged["successor"]].iloc[0]
    page.goto(f"{site_url}/en/provinces/province_2004/{merged['geo_code']}")
    note = page.locator("#province-merger")
    expect(note).to_contain_text(
        f"{merged['geo_name']} is part of {new['geo_name']} from 1 July 2025"
    )
    note.get_by_role("link", name=new["geo_name"]).click()
    expect(page).to_have_url(re.compile(f"/en/provinces/province_2025/{new['geo_code']}$"))
    back = page.locator("#province-merger")
    expect(back).to_contain_text("brings together")
    expect(back.get_by_role("link", name=merged["geo_name"], exact=True)).to_have_attribute(
        "href", f"/en/provinces/province_2004/{merged['geo_code']}"
    )
    trend = page.locator("#province-trend")
    expect(trend.locator(".main-svg").first).to_be_visible()
    expect(trend).to_contain_text("National")
    expect(trend).to_contain_text(str(new["geo_name"]))


PHONE = {"width": 375, "height": 800}


def test_phone_province_table_fits(page: Page, site_url: str, published) -> None:  # noqa: F811
    values = _totals(published["values"])
    code = values.loc[values["geo_scheme"] == "province_2004", "geo_code"].iloc[0]
    page.set_viewport_size(PHONE)
    for prefix in ("", "/en"):
        page.goto(f"{site_url}{prefix}/provinces/province_2004/{code}")
        status = page.locator("#province-table tbody tr").first.locator("td").last
        expect(status).to_be_visible()
        box = status.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        expect(status).to_have_attribute("data-label", re.compile("."))  # the cell says what it is
        page.wait_for_load_state("networkidle")  # (leaving while Plotly loads aborts it)


def test_phone_school_year_axis_keeps_every_label(page: Page, site_url: str, published):  # noqa: F811
    national = _national(published)
    school = national.loc[national["period_type"] == "school_year", "slug"].unique()
    if not len(school):
        pytest.skip("no school-year indicator in this release")
    years = sorted(national.loc[national["slug"] == school[0], "period"].unique())
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/en/indicators/{school[0]}")
    chart = page.locator("#indicator-trend-chart")
    expect(chart.locator(".xtick").first).to_be_visible()
    labels = chart.locator(".xtick text")
    expect(labels).to_have_count(len(years))
    svg = chart.locator(".main-svg").first.bounding_box()
    for index in range(labels.count()):
        box = labels.nth(index).bounding_box()
        assert box is not None and svg["x"] <= box["x"]
        assert box["x"] + box["width"] <= svg["x"] + svg["width"]
    assert "…" not in " ".join(labels.all_text_contents())


def test_phone_months_are_a_select_not_a_wall(page: Page, site_url: str, published):  # noqa: F811
    values = published["values"]
    monthly = values[(values["period_type"] == "month") & (values["geo_scheme"] == "region")]
    if monthly.empty:
        pytest.skip("no monthly regional rows in this release")
    slug = monthly["slug"].iloc[0]
    months = sorted(monthly.loc[monthly["slug"] == slug, "period"].unique())
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/en/indicators/{slug}?period_type=month&scheme=region")
    picker = page.locator("#indicator-year")
    expect(picker).to_be_visible()
    expect(page.locator("#indicator-year input[type=radio]")).to_have_count(0)
    expect(picker).to_contain_text("Dec 2025" if months[-1] == "2025-12" else "20")
    assert len(months) > 12
    picker.click()
    page.get_by_role("option").nth(0).click()
    expect(page).to_have_url(re.compile(f"period={months[0]}"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
