"""The leadership view in a real browser (gunicorn started with test credentials, conftest.py).
Every test uses the console-error / failed-request guard of test_site_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.dashboard.conftest import LEAD_PASSWORD, LEAD_USER
from tests.dashboard.test_site_axe import AXE
from tests.dashboard.test_site_browser import browser_problems  # noqa: F401  (autouse)

pytestmark = pytest.mark.browser


def _sign_in(page: Page, site_url: str, prefix: str = "", password: str = LEAD_PASSWORD) -> None:
    page.goto(f"{site_url}{prefix}/leadership")
    expect(page).to_have_url(re.compile(r"/leadership/login\?next="))
    page.locator("#lead-user").fill(LEAD_USER)
    page.locator("#lead-password").fill(password)
    page.locator(".login-form button[type=submit]").click()


def test_leadership_without_login_goes_to_login_and_shows_no_figures(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "/")
    expect(page.locator("#shell-nav")).not_to_contain_text("Lãnh đạo")  # not signed in
    page.wait_for_load_state("networkidle")  # a navigation must not abort plotly's loading
    page.goto(site_url + "/leadership")
    expect(page).to_have_url(re.compile(r"/leadership/login\?next=%2Fleadership$"))
    expect(page.locator("h1")).to_have_text("Đăng nhập dành cho lãnh đạo")
    expect(page.locator("#lead-scorecard")).to_have_count(0)
    expect(page.locator(".badge")).to_have_count(0)
    page.goto(site_url + "/leadership/report?year=2025&lang=en")
    expect(page).to_have_url(re.compile(r"/leadership/login\?next="))
    expect(page.get_by_text("Annual assessment report")).to_have_count(0)


def test_wrong_password_is_refused(page: Page, site_url: str) -> None:
    _sign_in(page, site_url, "/en", password="not-the-password")
    expect(page.locator("#lead-login-error")).to_have_text("Wrong user name or password.")
    expect(page.locator("#lead-user")).to_have_value(LEAD_USER)
    page.goto(site_url + "/en/leadership")
    expect(page).to_have_url(re.compile(r"/en/leadership/login"))


def test_right_password_shows_the_scorecard(page: Page, site_url: str, release_dir: Path) -> None:
    _sign_in(page, site_url)
    expect(page).to_have_url(re.compile(r"/leadership$"))
    expect(page.locator("#lead-scorecard")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Bảng điều hành dành cho lãnh đạo")
    targets = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
    expect(page.locator("#shell-footer")).to_contain_text(targets["release_id"])
    grid = page.locator("#lead-status-grid")
    for target_id in ("T1", "T2", "T3"):
        expect(grid.locator("tbody tr", has_text=target_id)).to_have_count(1)
    # five years per row, each said in words
    expect(grid.locator("tbody tr").first.locator(".grid-cell")).to_have_count(5)
    expect(grid.locator(".grid-cell .badge").first).to_have_text(re.compile(r"\w"))
    expect(page.locator("#lead-moved")).to_be_visible()
    expect(page.locator("#lead-lagging")).to_contain_text(re.compile(r"bị ẩn|ẩn"))
    expect(page.locator("#lead-milestones")).to_be_visible()
    expect(page.locator("#shell-nav")).to_contain_text("Lãnh đạo")  # linked when signed in
    # signing out ends the session
    page.locator("#lead-logout button").click()
    expect(page).to_have_url(re.compile(r"/leadership/login$"))
    page.goto(site_url + "/leadership")
    expect(page).to_have_url(re.compile(r"/leadership/login\?next="))


def test_report_print_page_and_pdf(page: Page, site_url: str) -> None:
    _sign_in(page, site_url)
    expect(page.locator("#lead-scorecard")).to_be_visible()
    # the lagging lists never name a province that met its target
    expect(page.locator("#lead-lagging .lead-lag").first).to_be_visible()
    expect(page.locator('#lead-lagging [data-status="achieved"]')).to_have_count(0)
    year = page.locator("#lead-report-year").input_value()
    page.locator("#lead-report-form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"/leadership/report\?lang=vi&year={year}"))
    expect(page.locator("h1")).to_have_text("Báo cáo đánh giá hằng năm")
    expect(page.locator(".site-header")).to_have_count(0)  # no navigation in the print layout
    expect(page.locator("#report-summary")).to_contain_text("so với mục tiêu")
    years = page.locator("#lead-status-grid thead th").all_inner_texts()[1:]
    assert years and max(years) == year  # no column after the report's year
    reader = _pdf(page, f"{site_url}/leadership/report.pdf?year={year}&lang=vi")
    assert reader.metadata.title == f"Báo cáo đánh giá hằng năm {year}"
    texts = [p.extract_text() for p in reader.pages]
    assert 1 < len(texts) <= 4, len(texts)
    assert "Tóm tắt" in texts[0]  # the summary opens the report
    # no near-empty page (one row or one sentence on a page of its own)
    assert min(len(text) for text in texts) > 600, [len(text) for text in texts]


def test_quarterly_report_is_named_quarterly(page: Page, site_url: str, release_dir: Path) -> None:
    from dashboard.release import load_release
    from dashboard.scorecard import report_quarters

    release = load_release(release_dir)
    year = next((y for y in ("2025", "2024") if report_quarters(release, y)), None)
    if year is None:
        pytest.skip("this release has no quarterly rows")
    quarter = report_quarters(release, year)[0]
    _sign_in(page, site_url, "/en")
    expect(page.locator("#lead-scorecard")).to_be_visible()
    reader = _pdf(page, f"{site_url}/leadership/report.pdf?year={year}&quarter={quarter}&lang=en")
    assert reader.metadata.title == f"Quarterly assessment report Q{quarter} {year}"
    assert "Annual" not in reader.pages[0].extract_text()


def _pdf(page: Page, url: str):
    from io import BytesIO

    from pypdf import PdfReader

    response = page.request.get(url)
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    assert response.body().startswith(b"%PDF-")
    return PdfReader(BytesIO(response.body()))


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_scorecard_has_no_serious_accessibility_violations(
    page: Page, site_url: str, prefix: str
) -> None:
    _sign_in(page, site_url, prefix)
    expect(page.locator("#lead-scorecard")).to_be_visible()
    page.wait_for_timeout(500)
    for check in ("scorecard", "login"):
        if check == "login":
            page.locator("#lead-logout button").click()
            expect(page.locator("#lead-user")).to_be_visible()
        page.evaluate(
            AXE.read_text(encoding="utf-8")
        )  # not a script tag: the CSP forbids inline scripts
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(str(node["target"]) for node in v["nodes"][:5])
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert serious == [], f"{check}:\n" + "\n".join(serious)
