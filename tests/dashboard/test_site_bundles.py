"""The JavaScript a first visit loads (dashboard/bundles.py): the vendored partial Plotly bundle
instead of the full one, AG Grid's script only where a grid is shown, compressed and long-lived
assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from plotly.offline import get_plotlyjs_version

from dashboard.app import PACKAGE_DIR, create_app
from dashboard.bundles import AG_GRID_META, PLOTLY_ASSET
from dashboard.figures import graph_config

FULL_PLOTLY = "plotly.min.js"
AG_GRID = "dash_ag_grid"
CHART = ".js-plotly-plot .main-svg"


@pytest.fixture(scope="module")
def client(sample_release_dir: Path):
    return create_app(sample_release_dir).server.test_client()


def _scripts(html: str) -> list[str]:
    return re.findall(r'<script[^>]+src="([^"]+)"', html)


def test_vendored_plotly_is_the_version_plotly_py_writes_for() -> None:
    vendored = PACKAGE_DIR / "assets" / PLOTLY_ASSET
    head = vendored.read_text(encoding="utf-8")[:200]
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}" in head
    assert get_plotlyjs_version() in vendored.name
    assert (vendored.parent / "plotly.js-LICENSE.txt").is_file()


# Hosts a browser script could fetch from or post to: a CDN, Plotly's cloud, font and script hosts.
EXTERNAL_HOST = re.compile(
    r"https?://(?:[a-z0-9.-]*cdn[a-z0-9.-]*|cloud\.plotly\.com|[a-z0-9.-]*jsdelivr\.net|unpkg\.com"
    r"|[a-z0-9.-]*googleapis\.com|[a-z0-9.-]*gstatic\.com|api\.mapbox\.com)",
    re.IGNORECASE,
)


def test_no_asset_names_a_cdn_or_a_cloud_host() -> None:
    """The site runs offline: no file Dash serves from assets/ (scripts, styles, licences, notes)
    may point plotly.js (or anything) at the internet. The vendored bundle's map-topology and
    Chart Studio defaults are patched (docs/vendored-plotly.md, kept out of assets/ because it
    names those hosts)."""
    served = [path for path in (PACKAGE_DIR / "assets").rglob("*") if path.is_file()]
    assert any(path.name == PLOTLY_ASSET.rsplit("/", 1)[-1] for path in served)
    found = {
        str(path.relative_to(PACKAGE_DIR)): sorted(
            set(EXTERNAL_HOST.findall(path.read_text("utf-8", errors="replace")))
        )
        for path in served
    }
    assert {name: hosts for name, hosts in found.items() if hosts} == {}


def test_every_graph_is_configured_to_stay_offline() -> None:
    config = graph_config("chart")
    assert not EXTERNAL_HOST.search(config["topojsonURL"])
    assert config["plotlyServerURL"] == ""
    assert not (config["showLink"] or config["showSendToCloud"] or config["showEditInChartStudio"])


def test_page_loads_the_partial_bundle_and_neither_full_plotly_nor_ag_grid(client) -> None:
    html = client.get("/").get_data(as_text=True)
    scripts = _scripts(html)
    assert any(PLOTLY_ASSET in src for src in scripts)
    assert not any(FULL_PLOTLY in src for src in scripts)
    assert not any(AG_GRID in src for src in scripts)
    lazy = re.search(rf'<meta name="{AG_GRID_META}" content="([^"]+)"', html)
    assert lazy, "the address of AG Grid's script is on the page for the stand-in"
    script = client.get(lazy.group(1))
    assert script.status_code == 200
    assert b"window.dash_ag_grid" in script.get_data()


def test_assets_are_compressed_and_long_lived(client) -> None:
    html = client.get("/").get_data(as_text=True)
    src = next(s for s in _scripts(html) if PLOTLY_ASSET in s)
    answer = client.get(src, headers={"Accept-Encoding": "br"})
    assert answer.status_code == 200
    assert answer.headers["Content-Encoding"] == "br"
    assert len(answer.get_data()) < (PACKAGE_DIR / "assets" / PLOTLY_ASSET).stat().st_size / 2
    assert "max-age=31536000" in answer.headers["Cache-Control"]
    unversioned = client.get("/assets/" + PLOTLY_ASSET)
    assert "max-age=31536000" not in (unversioned.headers.get("Cache-Control") or "")


@pytest.mark.browser
def test_home_draws_charts_without_full_plotly_or_ag_grid(page: Page, site_url: str) -> None:
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/")
    expect(page.locator(CHART).first).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert not [url for url in requested if FULL_PLOTLY in url or AG_GRID in url]
    assert page.evaluate("typeof window.Plotly.newPlot") == "function"


@pytest.mark.browser
def test_indicator_page_loads_ag_grid_on_demand(page: Page, site_url: str, release_dir) -> None:
    import pandas as pd

    indicators = pd.read_csv(release_dir / "indicators.csv", dtype=str, keep_default_na=False)
    slug = indicators["slug"].iloc[0]
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/indicators/{slug}")
    expect(page.locator(CHART).first).to_be_attached()
    expect(page.locator("#indicator-province-grid .ag-row").first).to_be_attached()
    assert errors == []
    assert any(AG_GRID in url for url in requested)
    assert not [url for url in requested if FULL_PLOTLY in url]
