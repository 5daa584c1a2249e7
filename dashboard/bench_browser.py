"""A cold first visit in headless Chromium (Debian's, through Playwright), for `make bench`.

For each address, a new browser context (empty cache) loads the page and waits for the first
Plotly chart to be drawn. Reported: the bytes the browser received over the network
(compressed bodies plus headers, from Chromium's own `encodedDataLength`), the number of
requests, the bytes of JavaScript among them, whether the full plotly.js bundle or AG Grid's
chunk was fetched, and the time from navigation start to the first chart's SVG.
Figures only: nothing here judges a time.
"""

from __future__ import annotations

from dashboard.pdf import CHROMIUM, CHROMIUM_ARGS

CHART = ".js-plotly-plot .main-svg"


def _keep(store: dict, event: dict, value) -> None:
    store[event["requestId"]] = value


def cold_visit(browser, url: str, timeout_ms: int = 60_000) -> dict:
    """Figures of one cold load of `url` in a fresh context of `browser`."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: _keep(urls, e, e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: _keep(sizes, e, int(e["encodedDataLength"])))
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_selector(CHART, state="attached", timeout=timeout_ms)
        first_chart_ms = page.evaluate("performance.now()")
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    finally:
        loaded = {urls.get(key, ""): size for key, size in sizes.items()}
        context.close()
    scripts = {address: size for address, size in loaded.items() if ".js" in address.split("?")[0]}
    return {
        "requests": len(loaded),
        "bytes": sum(loaded.values()),
        "js_bytes": sum(scripts.values()),
        "full_plotly_fetched": any("plotly.min.js" in address for address in loaded),
        "ag_grid_fetched": any("dash_ag_grid" in address for address in loaded),
        "first_chart_ms": round(first_chart_ms, 1),
    }


def cold_visits(base: str, paths: list[str]) -> dict[str, dict]:
    """`cold_visit` of each path (relative to `base`), one browser for all."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            cold_visit(browser, base + paths[0])  # the site's own first-request set-up, unmeasured
            return {path: cold_visit(browser, base + path) for path in paths}
        finally:
            browser.close()
