"""More of what readers need, in a real browser (both languages, 1280 px and a 375 px phone):
numbers in words under the trend and on the home cards (none for a monitoring indicator), the
text fallback without JavaScript, several series on one chart, the province's rank.
Expectations are computed here from the release served."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.formatting import format_period
from dashboard.i18n import dim_label, dim_value_label, period_type_label, t
from dashboard.views.compare import mode_options
from tests.dashboard.test_site_browser import browser_problems, published  # noqa: F401

pytestmark = pytest.mark.browser


def _national_years(published, slug: str) -> pd.DataFrame:  # noqa: F811
    values = published["values"]
    rows = values[(values["slug"] == slug) & (values["geo_scheme"] == "national")]
    for column in ("sex", "age_band"):
        if column in rows.columns:
            rows = rows[rows[column].fillna("_T") == "_T"]
    return rows[rows["period_type"].isin(["year", "school_year"])].sort_values("period")


def _targeted_rate(published) -> tuple[dict, pd.DataFrame]:  # noqa: F811
    """A % indicator with a target (the programme's targets T1–T3 are 100%) whose last two
    years (or school years) are published."""
    for indicator in published["indicators"].to_dict("records"):
        if indicator["unit_label_en"] != "%" or not indicator["target_id"]:
            continue
        if indicator["direction"] != "increase":
            continue
        rows = _national_years(published, indicator["slug"])
        last = rows.tail(2)
        if len(last) == 2 and last["value"].notna().all():
            return indicator, rows
    pytest.fail("no targeted rate with two published years in this release")


def _previous(rows: pd.DataFrame, lang: str) -> str:
    """The previous period as the sentences name it ('2023–2024' for a school year)."""
    return format_period(rows["period"].iloc[-2], rows["period_type"].iloc[-2], lang)


def _latest(rows: pd.DataFrame, lang: str) -> str:
    return format_period(rows["period"].iloc[-1], rows["period_type"].iloc[-1], lang)


def _points(value: float, decimals: int, lang: str) -> str:
    text = f"{abs(value):.{decimals}f}"
    return text.replace(".", ",") if lang == "vi" else text


@pytest.mark.parametrize("width", [1280, 375])
def test_the_trend_says_its_change_and_gap_in_words(page: Page, site_url: str, published, width):  # noqa: F811
    indicator, rows = _targeted_rate(published)
    page.set_viewport_size({"width": width, "height": 900})
    decimals = int(indicator["decimals"] or 0)
    now, before = float(rows["value"].iloc[-1]), float(rows["value"].iloc[-2])
    change = now - before
    sign = "+" if change > 0 else "−"
    for prefix, lang, since, short, met in (
        ("/en", "en", "percentage points since", "percentage points short of the", "is met"),
        ("", "vi", "điểm % so với", "Còn cách mục tiêu", "Đã đạt mục tiêu"),
    ):
        page.goto(f"{site_url}{prefix}/indicators/{indicator['slug']}")
        words = page.locator("#indicator-trend-summary .in-words")
        expect(words).to_be_visible()
        expect(words.locator("li").first).to_have_text(
            f"{sign}{_points(change, decimals, lang)} {since} {_previous(rows, lang)}"
        )
        if now < 100:
            expect(words).to_contain_text(short)
            expect(words).to_contain_text(_points(100 - now, decimals, lang))
        else:
            expect(words).to_contain_text(met)
        fits = words.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
        assert fits, "the sentences wrap inside the phone's width"


def test_home_cards_carry_the_words_and_monitoring_has_no_gap(page: Page, site_url: str, published):  # noqa: F811
    indicator, rows = _targeted_rate(published)
    page.goto(f"{site_url}/en")
    card = page.locator(f".indicator-card[data-code='{indicator['indicator_code']}']")
    expect(card.locator(".in-words")).to_contain_text(f"since {_previous(rows, 'en')}")
    expect(card.locator(".in-words")).to_contain_text(
        "short of the" if float(rows["value"].iloc[-1]) < 100 else "is met"
    )
    monitors = published["indicators"]
    monitors = monitors[monitors["target_id"] == ""]
    for code in monitors["indicator_code"]:
        expect(page.locator(f".indicator-card[data-code='{code}']")).not_to_contain_text(
            "target of"
        )
    page.goto(f"{site_url}/")
    card = page.locator(f".indicator-card[data-code='{indicator['indicator_code']}']")
    expect(card.locator(".in-words")).to_contain_text(f"so với {_previous(rows, 'vi')}")


@pytest.mark.parametrize("width", [1280, 375])
def test_without_javascript_the_headline_and_table_are_text(
    browser: Browser,
    site_url: str,
    published,  # noqa: F811
    width: int,
) -> None:
    indicator, rows = _targeted_rate(published)
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    try:
        page = context.new_page()
        for prefix, lang, national in (("/en", "en", "National"), ("", "vi", "Toàn quốc")):
            page.goto(f"{site_url}{prefix}/indicators/{indicator['slug']}")
            block = page.locator(".noscript-fallback")
            expect(block).to_be_visible()
            expect(block).to_have_attribute("lang", lang)
            expect(block.locator("h1")).to_contain_text(indicator["indicator_code"])
            expect(block).to_contain_text(f"{national} {_latest(rows, lang)}")
            decimals = int(indicator["decimals"] or 0)
            last = _points(float(rows["value"].iloc[-1]), decimals, lang) + "%"
            expect(block.locator("strong")).to_have_text(last)
            table = block.locator("table tbody tr")
            expect(table).to_have_count(len(rows))
            expect(table.last).to_contain_text(last)
            fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
            assert fits, "the fallback fits the viewport"
    finally:
        context.close()


def _best_province(published):  # noqa: F811
    """(indicator, province row, published count) of a province_2025 province that ranks first
    for an indicator whose higher values are better, in the indicator's latest period."""
    values = published["values"]
    indicators = published["indicators"].set_index("slug")
    for slug, rows in values[values["geo_scheme"] == "province_2025"].groupby("slug"):
        if indicators.loc[slug, "direction"] != "increase":
            continue
        for column in ("sex", "age_band"):
            if column in rows.columns:
                rows = rows[rows[column].fillna("_T") == "_T"]
        kind = next((k for k in ("year", "school_year") if (rows["period_type"] == k).any()), None)
        national = values[(values["slug"] == slug) & (values["geo_scheme"] == "national")]
        if kind is None or national[national["period_type"] == kind].empty:
            continue
        rows = rows[rows["period_type"] == kind]
        latest = rows[rows["period"] == rows["period"].max()]
        shown = latest[(latest["geo_code"] != "_U") & latest["value"].notna()]
        shown = shown[shown["obs_status"] != "suppressed"]
        if len(shown) >= 2 and shown["value"].nunique() > 1:
            best = shown.sort_values("value", ascending=False).iloc[0]
            return indicators.loc[slug].to_dict() | {"slug": slug}, best, len(shown)
    pytest.fail("no ranked indicator with published province_2025 values")


@pytest.mark.parametrize("width", [1280, 375])
def test_province_page_ranks_among_published_provinces(page: Page, site_url: str, published, width):  # noqa: F811
    indicator, best, count = _best_province(published)
    page.set_viewport_size({"width": width, "height": 900})
    for prefix, rank in (("/en", f"1 of {count}"), ("", f"1/{count}")):
        page.goto(f"{site_url}{prefix}/provinces/province_2025/{best['geo_code']}")
        row = page.locator("#province-table tbody tr").filter(
            has_text=f"{indicator['indicator_code']} · "
        )
        expect(row.locator("td").nth(4)).to_have_text(rank)
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert fits, "the province table with its rank fits the viewport"


PLOT = "#indicator-trend-chart .js-plotly-plot"
TRACES = f"() => document.querySelector('{PLOT}').data.map(trace => trace.name)"


def _traces(page: Page) -> list[str]:
    page.wait_for_function(f"() => document.querySelector('{PLOT}')?.data?.length > 0")
    return page.evaluate(TRACES)


def _breakdown_indicator(published, dimension: str, release_dir: Path):  # noqa: F811
    """(slug, published values other than the total) of an indicator broken down by
    `dimension` (its other breakdowns at their total), in the period type its page opens on
    (a hidden value is no line)."""
    from dashboard.queries import indicator_period_types
    from dashboard.release import load_release

    release = load_release(release_dir)
    values = published["values"]
    national = values[(values["geo_scheme"] == "national") & values["value"].notna()]
    if dimension not in national.columns:
        pytest.fail(f"no {dimension} breakdown in this release")
    others = [c for c in ("sex", "age_band", "platform") if c != dimension and c in national]
    for slug, rows in national.groupby("slug"):
        opens_on = indicator_period_types(release, str(slug))[0]
        rows = rows[rows[others].fillna("_T").eq("_T").all(axis=1)]
        rows = rows[rows["period_type"] == opens_on]
        found = sorted(set(rows[dimension].dropna()) - {"_T"})
        if len(found) >= 2:
            return slug, found
    pytest.fail(f"no indicator broken down by {dimension}")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(
    ("dimension", "label_en", "label_vi"),
    [("sex", "By sex", "Theo giới tính"), ("platform", "By platform", "Theo nền tảng")],
)
def test_a_breakdown_as_lines_on_one_chart_and_in_the_address(
    page: Page,
    site_url: str,
    published,  # noqa: F811
    width: int,
    dimension: str,
    label_en: str,
    label_vi: str,
    release_dir: Path,
) -> None:
    """Sex (IND-02, IND-08...) and the platform of IND-19's takedown notices, a breakdown the
    site knows only from the release's columns: each published category is a line."""
    slug, categories = _breakdown_indicator(published, dimension, release_dir)
    page.set_viewport_size({"width": width, "height": 900})
    for prefix, legend, label in (("/en", "Compare on the chart", label_en),
                                  ("", "So sánh trên biểu đồ", label_vi)):  # fmt: skip
        page.goto(f"{site_url}{prefix}/indicators/{slug}")
        before = _traces(page)
        group = page.get_by_role("group", name=legend)
        group.get_by_label(label).check()
        expect(page).to_have_url(re.compile(rf"compare={dimension}"))
        page.wait_for_function(
            f"() => document.querySelector('#indicator-trend-chart .js-plotly-plot')"
            f".data.length === {len(before) + len(categories)}"
        )
        after = page.evaluate(TRACES)
        assert after[: len(before)] == before  # the national line (and any target) stays
        headers = page.locator("#indicator-trend-table th")
        expect(headers).to_have_count(3 + len(categories))
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert fits, "the page with the compared lines fits the viewport"
        page.go_back()
        expect(page).not_to_have_url(re.compile(rf"compare={dimension}"))


def test_national_line_beside_up_to_five_places(page: Page, site_url: str, published):  # noqa: F811
    values = published["values"]
    regions = values[(values["geo_scheme"] == "region") & values["value"].notna()]
    if regions.empty:
        pytest.fail("no published region")
    slug = regions["slug"].iloc[0]
    shown = values[(values["slug"] == slug) & values["value"].notna()]
    places = [f"region:{c}" for c in sorted(set(shown.loc[shown["geo_scheme"] == "region",
                                                          "geo_code"]))]  # fmt: skip
    provinces = shown[(shown["geo_scheme"] == "province_2004") & (shown["geo_code"] != "_U")]
    places += [f"province_2004:{c}" for c in sorted(set(provinces["geo_code"]))]
    asked = ",".join(places[:7])  # seven asked: five drawn
    for prefix, national in (("/en", "National"), ("", "Toàn quốc")):
        page.goto(f"{site_url}{prefix}/indicators/{slug}?compare=places&places={asked}")
        names = _traces(page)
        assert names[0] == national
        drawn = [n for n in names if re.search(r"\((region|vùng|63 provinces|63 tỉnh)\)$", n)]
        assert len(drawn) == 5, names
        expect(page.locator("#indicator-compare-places-holder")).to_be_visible()
        expect(page.locator(".compare")).not_to_contain_text("{")  # every text filled in
        options = page.locator("#indicator-compare label")  # none first, places last
        expect(options.first).to_have_text("No comparison" if prefix else "Không so sánh")
        expect(options.last).to_have_text(
            "Regions or provinces" if prefix else "Vùng, tỉnh bên cạnh toàn quốc"
        )
        expect(page.locator("#indicator-trend-table th")).to_have_count(3 + 5)


def test_phone_quarters_are_a_select_too(page: Page, site_url: str, published):  # noqa: F811
    values = published["values"]
    quarterly = values[(values["period_type"] == "quarter") & (values["geo_scheme"] == "region")]
    if quarterly.empty:
        pytest.fail("no quarterly regional rows in this release")
    slug = quarterly["slug"].iloc[0]
    quarters = sorted(quarterly.loc[quarterly["slug"] == slug, "period"].unique())
    page.set_viewport_size({"width": 375, "height": 800})
    for prefix, shown in (("/en", "Q{q} {y}"), ("", "Q{q}/{y}")):
        page.goto(f"{site_url}{prefix}/indicators/{slug}?period_type=quarter&scheme=region")
        picker = page.locator("#indicator-year")
        expect(picker).to_be_visible()
        expect(page.locator("#indicator-year input[type=radio]")).to_have_count(0)
        year, quarter = quarters[-1].split("-Q")
        expect(picker).to_contain_text(shown.format(q=quarter, y=year))
        picker.click()
        page.get_by_role("option").nth(0).click()
        expect(page).to_have_url(re.compile(f"period={quarters[0]}"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_home_activities_carry_their_names(page: Page, site_url: str, published):  # noqa: F811
    """Each activity heading names the plan's activity (the plan's order: test_site_details)."""
    activities = {a for a in published["indicators"]["plan_activity"] if a}
    for prefix, word in (("/en", "Activity"), ("", "Hoạt động")):
        page.goto(f"{site_url}{prefix or '/'}")
        titles = page.locator("#home-indicator-list .activity .activity-title")
        expect(titles.first).to_be_visible()
        shown = [s for s in titles.all_inner_texts() if s.startswith(word + " ")]
        assert {s.split(":")[0].removeprefix(word + " ") for s in shown} == activities
        assert all(len(s.split(": ", 1)[-1]) > 10 for s in shown), shown  # each has its name
    expect(page.locator("#home-indicator-list")).to_contain_text("Tổng đài 111")


def _offered(values: pd.DataFrame, slug: str, period_type: str, dims: dict) -> list[str]:
    """The comparisons the release allows for a selection, computed here: a breakdown with two
    or more published national values beside the other chosen ones, places (regions, provinces)
    with a published value."""
    rows = values[(values["slug"] == slug) & (values["period_type"] == period_type)]
    rows = rows[rows["value"].notna()]

    def at(part: pd.DataFrame, free: str | None = None) -> pd.DataFrame:
        for column in ("sex", "age_band"):
            if column in part.columns and column != free:
                part = part[part[column].fillna("_T") == dims.get(column, "_T")]
        return part

    found = ["none"]
    for dimension in ("sex", "age_band"):
        if dimension in rows.columns:
            national = at(rows[rows["geo_scheme"] == "national"], free=dimension)
            if len(set(national[dimension].dropna()) - {"_T"}) >= 2:
                found.append(dimension)
    places = at(rows[rows["geo_scheme"].isin(["region", "province_2004", "province_2025"])])
    if not places[places["geo_code"] != "_U"].empty:
        found.append("places")
    return found


def _period_types(values: pd.DataFrame, slug: str) -> list[str]:
    national = values[(values["slug"] == slug) & (values["geo_scheme"] == "national")]
    order = ["year", "school_year", "quarter", "month"]
    return [p for p in order if p in set(national["period_type"])]


def _compare_shows(page: Page, offered: list[str], lang: str) -> None:
    holder = page.locator("#indicator-compare-holder")
    if offered == ["none"]:
        expect(holder).to_be_hidden()  # nothing to compare: no choice shown
        return
    expect(holder).to_be_visible()
    labels = [option["label"] for option in mode_options(offered, lang)]
    expect(page.locator("#indicator-compare label")).to_have_text(labels)


@pytest.mark.parametrize("width", [1280, 375])
def test_compare_choices_follow_the_period_type_and_the_breakdown(
    page: Page,
    site_url: str,
    published,  # noqa: F811
    width: int,
) -> None:
    """The comparisons offered are recomputed when the period type or a breakdown changes (only
    what the release publishes for the new selection); a comparison no longer offered ends and
    leaves the address."""
    values = published["values"]
    by_period = by_breakdown = None
    for slug in published["indicators"]["slug"]:
        types = _period_types(values, slug)
        first = _offered(values, slug, types[0], {}) if types else []
        for other in types[1:]:
            lost = set(first) - set(_offered(values, slug, other, {})) - {"none"}
            if by_period is None and lost:
                by_period = (slug, types[0], other, sorted(lost)[0])
        for dimension in ("sex", "age_band"):
            if by_breakdown is None and dimension in first:
                shown = values[(values["slug"] == slug) & (values["geo_scheme"] == "national")]
                chosen = sorted(set(shown[dimension].dropna()) - {"_T"})[0]
                if _offered(values, slug, types[0], {dimension: chosen}) != first:
                    by_breakdown = (slug, types[0], dimension, chosen)
    if by_period is None or by_breakdown is None:
        pytest.fail(f"no indicator whose comparisons change: {by_period}, {by_breakdown}")
    page.set_viewport_size({"width": width, "height": 900})
    for prefix, lang in (("/en", "en"), ("", "vi")):
        slug, first, other, mode = by_period
        page.goto(f"{site_url}{prefix}/indicators/{slug}")
        _compare_shows(page, _offered(values, slug, first, {}), lang)
        compare = page.get_by_role("group", name=t("compare.legend", lang))
        label = mode_options([mode], lang)[0]["label"]
        compare.get_by_label(label, exact=True).check()
        expect(page).to_have_url(re.compile(f"compare={mode}"))
        periods = page.get_by_role("group", name=t("ind.period_type", lang))
        periods.get_by_label(period_type_label(other, lang), exact=True).check()
        _compare_shows(page, _offered(values, slug, other, {}), lang)
        expect(page).not_to_have_url(re.compile("compare="))  # no longer offered: ended
        periods.get_by_label(period_type_label(first, lang), exact=True).check()
        _compare_shows(page, _offered(values, slug, first, {}), lang)

        slug, first, dimension, chosen = by_breakdown
        page.goto(f"{site_url}{prefix}/indicators/{slug}")
        _compare_shows(page, _offered(values, slug, first, {}), lang)
        group = page.get_by_role("group", name=dim_label(dimension, lang))
        group.get_by_label(dim_value_label(dimension, chosen, lang), exact=True).check()
        _compare_shows(page, _offered(values, slug, first, {dimension: chosen}), lang)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
