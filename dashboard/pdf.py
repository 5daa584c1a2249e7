"""HTML → PDF with Debian's headless chromium through Playwright, in a child process.

The web worker never drives a browser itself: `render_pdf` runs `python -m dashboard.pdf`,
which reads one HTML document on stdin and writes the PDF on stdout. Each request gets its own
Playwright and browser, so concurrent requests in gunicorn's threads cannot share state.
The page is loaded with `set_content` and JavaScript disabled: nothing is fetched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path(os.environ.get("COP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_SECONDS = 60


class PdfUnavailableError(RuntimeError):
    """No PDF can be made here (chromium or Playwright missing, or the render failed)."""


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def render_pdf(html: str, footer: str = "") -> bytes:
    """The PDF of an HTML document (A4, backgrounds, page numbers in the footer)."""
    if not chromium_available():
        raise PdfUnavailableError(f"chromium is not installed at {CHROMIUM}")
    env = {**os.environ, "COP_PDF_FOOTER": footer}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "dashboard.pdf"],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PdfUnavailableError(f"the PDF renderer did not finish: {error}") from error
    if result.returncode != 0 or not result.stdout.startswith(b"%PDF"):
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise PdfUnavailableError("the PDF renderer failed: " + " ".join(detail))
    return result.stdout


def _footer_template(text: str) -> str:
    from html import escape

    return (
        '<div style="font-size:7pt;width:100%;padding:0 12mm;color:#4a535c;'
        'display:flex;justify-content:space-between;font-family:sans-serif">'
        f"<span>{escape(text)}</span>"
        '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
    )


def _main() -> int:
    from playwright.sync_api import sync_playwright

    html = sys.stdin.buffer.read().decode("utf-8")
    footer = os.environ.get("COP_PDF_FOOTER", "")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(java_script_enabled=False, offline=True)
            page = context.new_page()
            page.set_content(html, wait_until="load", timeout=30_000)
            page.emulate_media(media="print")
            pdf = page.pdf(
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=_footer_template(footer),
                margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
            )
        finally:
            browser.close()
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
