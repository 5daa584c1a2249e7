"""Real-browser tests of the site under gunicorn (Debian chromium through Playwright).

Expectations are read from the release being served, so these tests hold for the hand-made
release and for a release built by the pipeline alike. Every test fails on a browser console
error, an uncaught page error, a failed request or an HTTP error response.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

GRID = "#indicator-province-grid"


@pytest.fixture(autouse=True)
def browser_problems(page: Page) -> Iterator[list[str]]:
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: _record_failed_request(request, problems))
    page.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )
    page.set_default_timeout(15_000)
    yield problems
    assert problems == [], "\n".join(problems)


@pytest.fixture(scope="module")
def published(release_dir: Path) -> dict[str, pd.DataFrame]:
    return {
        "indicators": pd.read_csv(release_dir / "indicators.csv", dtype=str, keep_default_na=False),
        "values": pd.read_parquet(release_dir / "indicator_values.parquet").astype(
            {"period": str, "geo_code": str}
        ),
    }


def _record_failed_request(request, problems: list[str]) -> None:
    # A callback, a lazily loaded script (AG Grid's) or the favicon still in flight when the
    # test moves to the next page is aborted by the browser itself (net::ERR_ABORTED); that is
    # the test navigating, not the site failing.
    in_flight = any(
        part in request.url
        for part in ("_dash-update-component", "_dash-component-suites", "_favicon.ico")
    )
    if in_flight and "ERR_ABORTED" in (request.failure or ""):
        return
    problems.append(f"request failed: {request.url} {request.failure}")


def _province_counts(values: pd.DataFrame, slug: str) -> dict[str, dict[str, int]]:
    """{scheme: {year: row count}} of an indicator's yearly province rows (totals only)."""
    rows = values[(values["slug"] == slug) & values["geo_scheme"].str.startswith("province_")]
    rows = rows[rows["geo_code"] != "_U"]  # the unknown-province row is not a province
    for column, total in (("period_type", "year"), ("sex", "_T"), ("age_band", "_T")):
        if column in rows.columns:
            rows = rows[rows[column].fillna(total) == total]
    counts = rows.groupby(["geo_scheme", "period"]).size()
    result: dict[str, dict[str, int]] = {}
    for (scheme, period), count in counts.items():
        result.setdefault(scheme, {})[period] = int(count)
    return result


def _unknown_rows(values: pd.DataFrame, slug: str, scheme: str, year: str) -> int:
    """1 if the release has the scheme's unknown-province row (_U) for that year, else 0."""
    rows = values[
        (values["slug"] == slug)
        & (values["geo_scheme"] == scheme)
        & (values["geo_code"] == "_U")
        & (values["period"] == year)
    ]
    for column, total in (("sex", "_T"), ("age_band", "_T")):
        if column in rows.columns:
            rows = rows[rows[column].fillna(total) == total]
    return len(rows)


def _grid_row_count(page: Page) -> int:
    return page.evaluate(
        "async () => (await dash_ag_grid.getApiAsync('indicator-province-grid'))"
        ".getDisplayedRowCount()"
    )


def test_home_lists_every_indicator_with_a_value(page: Page, site_url: str, published) -> None:
    page.goto(site_url + "/")
    indicators = published["indicators"]
    cards = page.locator(".indicator-card")
    expect(cards).to_have_count(len(indicators))
    for row in indicators.itertuples():
        card = page.locator(f'.indicator-card[data-code="{row.indicator_code}"]')
        expect(card).to_contain_text(row.name_vi)
        expect(card.locator(".indicator-value")).to_have_text(re.compile(r"\d|Ẩn|Chưa có số liệu"))
        expect(card.locator(".badge")).to_be_visible()
        if not row.target_id:
            expect(card.locator(".indicator-target")).to_have_text("Theo dõi (không có mục tiêu)")
    expect(page.locator("h1")).to_have_text("Tổng quan Chương trình")


def test_home_lists_every_milestone_once(page: Page, site_url: str, release_dir) -> None:
    milestones = pd.read_csv(release_dir / "milestones.csv", dtype=str, keep_default_na=False)
    page.goto(site_url + "/en/")
    items = page.locator(".milestones li")
    expect(items).to_have_count(len(milestones))
    for row in milestones.itertuples():
        expect(items.filter(has_text=row.name_en)).to_have_count(1)


def test_home_scorecard_has_the_official_targets(page: Page, site_url: str, release_dir) -> None:
    targets = pd.read_csv(release_dir / "targets.csv", dtype=str, keep_default_na=False)
    official = targets[targets["kind"] == "official"]
    published = set(
        pd.read_csv(release_dir / "indicators.csv", dtype=str)["indicator_code"].tolist()
    )
    page.goto(site_url + "/en/")
    expect(page.locator(".target-card")).to_have_count(len(official))
    for row in official.itertuples():
        card = page.locator(f'.target-card[data-target="{row.target_id}"]')
        if row.indicator_code not in published:
            expect(card.locator(".indicator-value")).to_have_text("Not yet measured")
        else:
            expect(card.locator(".indicator-value")).to_have_text(re.compile(r"\d|Suppressed"))


def test_language_switch_keeps_the_page(page: Page, site_url: str, published) -> None:
    slug = published["indicators"]["slug"].iloc[0]
    page.goto(f"{site_url}/indicators/{slug}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.locator("#shell-lang-switch").click()
    expect(page).to_have_url(re.compile(f"/en/indicators/{slug}"))
    expect(page.locator("h1")).to_have_text(published["indicators"]["name_en"].iloc[0])
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator("#shell-lang-switch").click()
    expect(page).to_have_url(re.compile(f"^{re.escape(site_url)}/indicators/{slug}"))


def test_search_finds_without_diacritics(page: Page, site_url: str, published) -> None:
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")  # a navigation must not abort plotly's loading
    page.get_by_label("Tìm chỉ số hoặc tỉnh").fill("ha noi")
    page.get_by_label("Tìm chỉ số hoặc tỉnh").press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=ha"))
    link = page.locator("#search-results a", has_text="Hà Nội").first
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("#province-table")).to_be_visible()


def test_indicator_page_chart_table_and_scheme_switch(page: Page, site_url: str, published) -> None:
    values = published["values"]
    slugs = published["indicators"]["slug"].tolist()
    national = values[(values["geo_scheme"] == "national") & values["value"].notna()]
    drawn = set(national["slug"])  # a series with no national value draws no chart
    both = [s for s in slugs if len(_province_counts(values, s)) == 2 and s in drawn]
    if not both:
        pytest.skip("no indicator has province rows in both schemes in this release")
    slug = both[0]
    counts = _province_counts(values, slug)
    start_year = max(counts["province_2004"])

    page.goto(f"{site_url}/indicators/{slug}?scheme=province_2004")
    expect(page.locator("#indicator-trend-chart .main-svg").first).to_be_visible()
    expect(page.locator("#indicator-tile-map .main-svg").first).to_be_visible()
    expect(page.locator(f"{GRID} .ag-row").first).to_be_visible()
    expect(page.locator("#indicator-row-count")).to_contain_text(
        str(counts["province_2004"][start_year])
    )
    # The table also lists the unknown-province row (_U) where the release has one.
    assert _grid_row_count(page) == counts["province_2004"][start_year] + _unknown_rows(
        values, slug, "province_2004", start_year
    )
    expect(page.locator("#indicator-tile-map")).to_contain_text("Hoàng Sa")
    expect(page.locator("#indicator-tile-map")).to_contain_text("Trường Sa")

    page.get_by_label(re.compile("^34 tỉnh")).check()
    years_2025 = counts["province_2025"]
    year = start_year if start_year in years_2025 else max(years_2025)
    expected = years_2025[year]
    expect(page.locator("#indicator-row-count")).to_contain_text(str(expected))
    assert _grid_row_count(page) == expected + _unknown_rows(values, slug, "province_2025", year)
    assert expected != counts["province_2004"][start_year]
    # The language switch now carries the selection.
    expect(page.locator("#shell-lang-switch")).to_have_attribute(
        "href", re.compile("scheme=province_2025")
    )


def _scroll_to(page: Page, row) -> None:
    """Scroll a grid row into view; the grid may draw its rows again (a callback answering
    after the page loaded), detaching the element found first: the locator finds it again."""
    for _ in range(5):
        try:
            row.scroll_into_view_if_needed(timeout=5000)
            return
        except PlaywrightError:
            page.wait_for_timeout(300)
    row.scroll_into_view_if_needed()


def test_suppressed_cell_is_shown_as_hidden_not_zero(page: Page, site_url: str, published):
    values = published["values"]
    suppressed = values[
        (values["obs_status"] == "suppressed") & values["geo_scheme"].str.startswith("province_")
    ]
    if "sex" in values.columns:
        suppressed = suppressed[suppressed["sex"].fillna("_T") == "_T"]
    if suppressed.empty:
        pytest.skip("no suppressed province cell in this release")
    cell = suppressed.iloc[0]
    for prefix, label in (("", "Ẩn"), ("/en", "Suppressed")):
        query = f"scheme={cell['geo_scheme']}&period={cell['period']}"
        page.goto(f"{site_url}{prefix}/indicators/{cell['slug']}?{query}")
        page.wait_for_load_state("networkidle")
        expect(page.locator("#indicator-scheme input:checked")).to_have_value(cell["geo_scheme"])
        row = page.locator(f'{GRID} .ag-row[row-id="{cell["geo_code"]}"]').first
        _scroll_to(page, row)
        expect(row.locator('[col-id="value"]')).to_have_text(label)


def test_downloads(page: Page, site_url: str, published) -> None:
    slug = published["indicators"]["slug"].iloc[0]
    page.goto(f"{site_url}/indicators/{slug}")
    with page.expect_download() as info:
        page.get_by_role("link", name="Toàn bộ chỉ số (CSV)").click()
    download = info.value
    assert download.suggested_filename.startswith(slug)
    text = Path(download.path()).read_text(encoding="utf-8-sig").splitlines()
    assert text[0].startswith("indicator_code,slug,period")
    with page.expect_download() as info:
        page.get_by_role("button", name="Số liệu đang xem (CSV)").click()
    shown = pd.read_csv(info.value.path(), dtype=str, encoding="utf-8-sig")
    assert set(shown["slug"]) == {slug}
    assert 0 < len(shown) < len(text) - 1
    with page.expect_download() as info:
        page.get_by_role("link", name="Toàn bộ chỉ số (XLSX)").click()
    assert info.value.suggested_filename.endswith(".xlsx")


def test_data_page_downloads_a_listed_file(page: Page, site_url: str) -> None:
    page.goto(site_url + "/data")
    expect(page.locator("#data-files")).to_contain_text("indicator_values.csv")
    expect(page.locator("#release-history")).to_be_visible()
    response = page.request.get(site_url + "/release-files/indicators.csv")
    assert response.ok and response.text().startswith("indicator_code")


def test_unknown_slug_and_unknown_page_are_friendly(
    page: Page, site_url: str, browser_problems: list[str]
) -> None:
    page.goto(f"{site_url}/indicators/no-such-indicator")
    expect(page.get_by_text("Không tìm thấy chỉ số")).to_be_visible()
    page.goto(f"{site_url}/khong-co-trang-nay")
    expect(page.get_by_text("Không tìm thấy trang")).to_be_visible()
    expect(page).to_have_title("Không tìm thấy trang")
    page.goto(f"{site_url}/en/no-such-page")
    expect(page.get_by_text("Page not found")).to_be_visible()
    expect(page).to_have_title("Page not found")  # also once Dash has rendered the page
    # an address no page serves, or naming no indicator, is HTTP 404 (the console says so)
    paths = ("/indicators/no-such-indicator", "/khong-co-trang-nay", "/en/no-such-page")
    not_found = [f"HTTP 404: {site_url}{path}" for path in paths]
    console = "console error: Failed to load resource: the server responded with a status of 404"
    assert [p for p in browser_problems if p.startswith("HTTP")] == not_found
    assert all(p in not_found or p.startswith(console) for p in browser_problems)
    browser_problems.clear()


def test_an_indicator_code_opens_its_page(page: Page, site_url: str, published) -> None:
    indicator = published["indicators"].iloc[0]
    page.goto(f"{site_url}/en/indicators/{indicator['indicator_code']}")
    expect(page).to_have_url(f"{site_url}/en/indicators/{indicator['slug']}")
    expect(page.locator("h1")).to_contain_text(indicator["name_en"])
    expect(page).to_have_title(f"{indicator['indicator_code']} · {indicator['name_en']}")


def test_sample_banner_and_footer(page: Page, site_url: str, release_dir: Path) -> None:
    import json

    manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
    page.goto(site_url + "/")
    banner = page.locator("#shell-sample-banner")
    if manifest["is_sample"]:
        expect(banner).to_contain_text("DỮ LIỆU MẪU")
    else:
        expect(banner).to_be_hidden()
    expect(page.locator("#shell-footer")).to_contain_text(manifest["release_id"])


@pytest.mark.parametrize("path", ["/", "/en/indicators/{slug}"])
def test_pages_fit_a_phone(page: Page, site_url: str, published, path: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + path.format(slug=published["indicators"]["slug"].iloc[0]))
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_timeout(500)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_embed_has_chart_licence_and_no_header(page: Page, site_url: str, published) -> None:
    slug = published["indicators"]["slug"].iloc[0]
    page.goto(f"{site_url}/en/embed/{slug}")
    expect(page.locator(".js-plotly-plot")).to_be_visible()
    expect(page.get_by_text("Licence CC BY 4.0")).to_be_visible()
    expect(page.locator(".site-header")).to_have_count(0)
