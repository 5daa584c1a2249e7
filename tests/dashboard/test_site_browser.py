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
    page.on(
        "requestfailed",
        lambda request: problems.append(f"request failed: {request.url} {request.failure}"),
    )
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


def _province_counts(values: pd.DataFrame, slug: str) -> dict[str, dict[str, int]]:
    """{scheme: {period: row count}} of an indicator's province rows."""
    rows = values[(values["slug"] == slug) & values["geo_scheme"].str.startswith("province_")]
    counts = rows.groupby(["geo_scheme", "period"]).size()
    result: dict[str, dict[str, int]] = {}
    for (scheme, period), count in counts.items():
        result.setdefault(scheme, {})[period] = int(count)
    return result


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
        expect(card.locator(".indicator-value")).to_have_text(re.compile(r"\d|Ẩn"))
        expect(card.locator(".badge")).to_be_visible()
        if not row.target_id:
            expect(card.locator(".indicator-target")).to_have_text("Theo dõi (monitoring)")
    expect(page.locator("h1")).to_have_text("Các chỉ số của Chương trình")


def test_indicator_page_chart_table_and_scheme_switch(page: Page, site_url: str, published) -> None:
    values = published["values"]
    slugs = published["indicators"]["slug"].tolist()
    both = [s for s in slugs if len(_province_counts(values, s)) == 2]
    if not both:
        pytest.skip("no indicator has province rows in both schemes in this release")
    slug = both[0]
    counts = _province_counts(values, slug)
    start_year = max(counts["province_2004"])

    page.goto(f"{site_url}/indicators/{slug}")
    expect(page.locator(".js-plotly-plot")).to_be_visible()
    expect(page.locator(f"{GRID} .ag-row").first).to_be_visible()
    expect(page.locator("#indicator-row-count")).to_contain_text(
        str(counts["province_2004"][start_year])
    )
    assert _grid_row_count(page) == counts["province_2004"][start_year]

    page.get_by_label(re.compile("^34 tỉnh")).check()
    years_2025 = counts["province_2025"]
    year = start_year if start_year in years_2025 else max(years_2025)
    expected = years_2025[year]
    expect(page.locator("#indicator-row-count")).to_contain_text(str(expected))
    assert _grid_row_count(page) == expected
    assert expected != counts["province_2004"][start_year]


def test_suppressed_cell_is_shown_as_hidden_not_zero(page: Page, site_url: str, published):
    values = published["values"]
    suppressed = values[
        (values["obs_status"] == "suppressed") & values["geo_scheme"].str.startswith("province_")
    ]
    if suppressed.empty:
        pytest.skip("no suppressed province cell in this release")
    cell = suppressed.iloc[0]
    page.goto(f"{site_url}/indicators/{cell['slug']}")
    page.get_by_label(
        re.compile("^63 tỉnh" if cell["geo_scheme"] == "province_2004" else "^34 tỉnh")
    ).check()
    page.locator("#indicator-year").get_by_label(cell["period"], exact=True).check()
    row = page.locator(f'{GRID} .ag-row[row-id="{cell["geo_code"]}"]').first
    row.scroll_into_view_if_needed()
    expect(row.locator('[col-id="value"]')).to_have_text("Ẩn (<5)")


def test_csv_download(page: Page, site_url: str, published) -> None:
    slug = published["indicators"]["slug"].iloc[0]
    page.goto(f"{site_url}/indicators/{slug}")
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("CSV")).click()
    download = info.value
    assert download.suggested_filename.startswith(slug)
    header = Path(download.path()).read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("indicator_code,slug,period")


def test_unknown_slug_and_unknown_page_are_friendly(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/indicators/no-such-indicator")
    expect(page.get_by_text("Không tìm thấy chỉ số")).to_be_visible()
    page.goto(f"{site_url}/khong-co-trang-nay")
    expect(page.get_by_text("Không tìm thấy trang")).to_be_visible()


def test_sample_banner_and_footer(page: Page, site_url: str, release_dir: Path) -> None:
    import json

    manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
    page.goto(site_url + "/")
    banner = page.locator("#shell-sample-banner")
    if manifest["is_sample"]:
        expect(banner).to_contain_text("DỮ LIỆU MẪU / SAMPLE DATA")
    else:
        expect(banner).to_be_hidden()
    expect(page.locator("#shell-footer")).to_contain_text(manifest["release_id"])


def test_home_fits_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "/")
    expect(page.locator(".indicator-card").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
