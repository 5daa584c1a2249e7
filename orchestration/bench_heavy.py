"""The site's home page while 50 clients ask for expensive answers at once (`make bench`).

It starts gunicorn (dashboard/benchmark.py's `start_site`) with a leadership account made for the
run (a random password, hashed; a random session key; a sign-in state folder of its own: nothing is
written outside the bench folder), signs in once, then sends, from 50 threads at once, one
expensive request each, in turn: the leadership report as PDF (signed in), the indicator page's
"what you see" download callback, and a whole-indicator XLSX of the release. Meanwhile a few
clients render the home page (its page callback) again and again; the figures are the home
page's p50/p95 during the burst, beside each expensive kind's statuses and times.
Figures only: nothing here judges a time.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

from dashboard import ids
from dashboard.benchmark import fetch, free_port, page_body, percentile, start_site
from dashboard.release import load_release
from dashboard.scorecard import report_years

EXPENSIVE_CLIENTS = 50
HOME_CLIENTS = 4


def download_body(slug: str) -> bytes:
    """What Dash's renderer posts when the "what you see" download button is pressed."""

    def prop(id_: str, name: str, value):
        return {"id": id_, "property": name, "value": value}

    return json.dumps(
        {
            "output": f"{ids.INDICATOR_DOWNLOAD}.data",
            "outputs": {"id": ids.INDICATOR_DOWNLOAD, "property": "data"},
            "inputs": [prop(ids.INDICATOR_DL_SHOWN, "n_clicks", 1)],
            "changedPropIds": [f"{ids.INDICATOR_DL_SHOWN}.n_clicks"],
            "state": [
                prop(ids.INDICATOR_PERIOD_TYPE, "value", "year"),
                [],
                [],
                prop(ids.INDICATOR_SCHEME, "value", "province_2025"),
                prop(ids.INDICATOR_YEAR, "value", None),
                prop(ids.INDICATOR_STATE, "data", {"slug": slug, "lang": "vi"}),
            ],
        }
    ).encode()


def _sign_in(base: str, user: str, password: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = opener.open(f"{base}/leadership/login", timeout=60).read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    form = {"user": user, "password": password, "csrf": token.group(1) if token else ""}
    opener.open(f"{base}/leadership/login", urllib.parse.urlencode(form).encode(), timeout=60)
    return opener


def _timed(opener: urllib.request.OpenerDirector, url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with opener.open(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def _kind_summary(results: list[tuple[int, float]]) -> dict:
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    times = sorted(seconds * 1000 for _, seconds in results)
    return {"requests": len(results), "statuses": statuses,
            "p50_ms": round(percentile(times, 0.5), 1),
            "max_ms": round(times[-1], 1)}  # fmt: skip


def run(release: Path, folder: Path) -> dict:
    """The burst against `release`; the site's sign-in state goes to `folder`."""
    from dashboard.credentials import hash_password

    loaded = load_release(release)
    slugs = list(loaded.indicators["slug"])
    year = report_years(loaded)[-1]
    user, password = "bench", secrets.token_urlsafe(24)
    saved = {k: os.environ.get(k) for k in ("COP_LEADERSHIP_USERS", "COP_SECRET_KEY",
                                            "COP_SITE_STATE_DIR")}  # fmt: skip
    os.environ.update(
        COP_LEADERSHIP_USERS=f"{user}:{hash_password(password)}",
        COP_SECRET_KEY=secrets.token_urlsafe(48),
        COP_SITE_STATE_DIR=str(folder / "site"),
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_site(release, port, folder / f"bench-heavy-{port}.log")
    try:
        signed_in = _sign_in(base, user, password)
        plain = urllib.request.build_opener()
        fetch(base + "/_dash-update-component", page_body("/"))  # the release is loaded
        pdf = f"{base}/leadership/report.pdf?year={year}&lang=vi"
        if _timed(signed_in, pdf)[0] != 200:
            raise RuntimeError("the signed-in PDF did not answer 200 before the burst")

        def expensive(k: int) -> tuple[str, tuple[int, float]]:
            slug = slugs[k % len(slugs)]
            if k % 3 == 0:
                return "pdf", _timed(signed_in, pdf)
            if k % 3 == 1:
                status, _, seconds = fetch(base + "/_dash-update-component", download_body(slug))
                return "download_callback", (status, seconds)
            return "xlsx_file", _timed(plain, f"{base}/release-files/indicator-{slug}.xlsx")

        home: list[tuple[int, int, float]] = []
        done = threading.Event()

        def reader() -> None:
            while not done.is_set():
                home.append(fetch(base + "/_dash-update-component", page_body("/")))

        readers = [threading.Thread(target=reader) for _ in range(HOME_CLIENTS)]
        started = time.perf_counter()
        for thread in readers:
            thread.start()
        with ThreadPoolExecutor(EXPENSIVE_CLIENTS) as pool:
            results = list(pool.map(expensive, range(EXPENSIVE_CLIENTS)))
        burst = time.perf_counter() - started
        done.set()
        for thread in readers:
            thread.join()
    finally:
        process.terminate()
        process.wait(timeout=30)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    times = [seconds * 1000 for *_, seconds in home]
    by_kind: dict[str, list[tuple[int, float]]] = {}
    for kind, result in results:
        by_kind.setdefault(kind, []).append(result)
    return {
        "expensive_clients": EXPENSIVE_CLIENTS,
        "burst_s": round(burst, 1),
        "home": {
            "requests": len(home),
            "errors": sum(1 for r in home if r[0] != 200),
            "p50_ms": round(percentile(times, 0.5), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
        },  # fmt: skip
        "expensive": {kind: _kind_summary(rows) for kind, rows in sorted(by_kind.items())},
    }
