"""Accessibility: the vendored axe-core (tests/dashboard/vendor/axe.min.js, MPL-2.0) is
injected into each page; any serious or critical violation fails the test."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.dashboard.test_site_browser import browser_problems  # noqa: F401  (autouse)

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="module")
def addresses(release_dir: Path) -> list[str]:
    indicators = pd.read_csv(release_dir / "indicators.csv", dtype=str)
    values = pd.read_parquet(release_dir / "indicator_values.parquet")
    province = values[values["geo_scheme"] == "province_2025"].iloc[0]
    return [
        "/",
        f"/indicators/{indicators['slug'].iloc[0]}",
        f"/provinces/province_2025/{province['geo_code']}",
        "/data",
        "/methodology",
    ]


@pytest.mark.parametrize("lang", ["", "/en"])
@pytest.mark.parametrize("index", range(5))
def test_no_serious_accessibility_violations(
    page: Page, site_url: str, addresses: list[str], lang: str, index: int
) -> None:
    path = addresses[index]
    page.goto(site_url + (lang + path if path != "/" else (lang or "/")))
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_timeout(800)  # let charts and the grid settle
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
    assert serious == [], "\n".join(serious)
