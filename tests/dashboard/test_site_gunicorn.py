"""The site under real gunicorn with two workers (the site's own gunicorn settings) on loopback:
the guesser across both workers, a huge body, concurrent expensive downloads, the control
socket. Figures are printed (`pytest -s`), never asserted against a clock."""

from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pandas as pd
import pytest

from dashboard.benchmark import page_body
from dashboard.callback_cache import CACHE_HEADER, CALLBACK_PATH
from dashboard.login_store import CLIENT_LIMIT
from tests.dashboard.conftest import LEAD_PASSWORD, LEAD_USER, gunicorn, site_environment
from tests.dashboard.test_site_edges import download_body


@pytest.fixture(scope="module")
def site(release_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """(address, folder, log) of a two-worker gunicorn whose HOME and XDG_RUNTIME_DIR are
    folders of the test (where gunicorn would put a control socket)."""
    folder = tmp_path_factory.mktemp("two-workers")
    env = site_environment(release_dir, folder / "state")
    for name in ("HOME", "XDG_RUNTIME_DIR"):
        env[name] = str(folder / name.lower())
        (folder / name.lower()).mkdir(mode=0o700)
    log = folder / "gunicorn.log"
    options = ["--workers", "2", "--access-logfile", "-", "--access-logformat", "%(p)s %(r)s %(s)s"]
    with gunicorn(env, log, *options) as url:
        yield url, folder, log


def _request(opener, url: str, data: dict | None = None) -> tuple[int, dict, str]:
    body = urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(url, data=body), timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _guess(url: str, password: str) -> tuple[int, dict]:
    """One sign-in attempt with a session of its own: fetch the form, post it."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect()
    )
    _, _, page = _request(opener, url + "/leadership/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = {"user": LEAD_USER, "password": password, "csrf": token}
    status, headers, _ = _request(opener, url + "/leadership/login", form)
    return status, headers


def test_guesser_is_throttled_across_both_workers(site) -> None:
    url, _, log = site
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda n: _guess(url, f"guess-{n}"), range(200)))
    elapsed = time.monotonic() - started
    statuses = [status for status, _ in answers]
    # CLIENT_LIMIT attempts are checked (refused as wrong, or 503 when both of a worker's
    # sign-in slots are busy hashing): every other one is throttled, whichever worker answers
    assert statuses.count(429) == 200 - CLIENT_LIMIT
    assert statuses.count(200) + statuses.count(503) == CLIENT_LIMIT
    assert all(int(h["Retry-After"]) > 0 for status, h in answers if status == 429)
    right, headers = _guess(url, LEAD_PASSWORD)
    assert right == 429 and int(headers["Retry-After"]) > 0
    workers = {
        line.split()[0] for line in log.read_text().splitlines() if "POST /leadership/login" in line
    }
    print(
        f"\n200 guesses from 8 threads in {elapsed:.1f} s: {statuses.count(200)} refused as "
        f"wrong, {statuses.count(503)} busy (503), {statuses.count(429)} throttled "
        f"(429, Retry-After {headers['Retry-After']} s); "
        f"the sign-in posts were answered by {len(workers)} worker process(es)"
    )


def test_a_page_is_rendered_once_for_both_workers(site, release_dir: Path) -> None:
    """The crowd after a press story asks for one page again and again: whichever worker
    answers, the page is rendered once (the workers share their answers, callback_cache.py)."""
    url, _, log = site
    slug = pd.read_csv(release_dir / "indicators.csv").slug.iloc[-1]
    body = page_body(f"/indicators/{slug}")
    sources, answers = [], set()
    for _ in range(40):  # one connection each: either worker may take it
        request = urllib.request.Request(
            url + CALLBACK_PATH, data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            sources.append(response.headers[CACHE_HEADER])
            answers.add(response.read())
        if sources.count("shared"):
            break
    workers = {line.split()[0] for line in log.read_text().splitlines() if CALLBACK_PATH in line}
    print(f"\n{len(sources)} requests of one page: {sources.count('miss')} rendered, "
          f"{sources.count('shared')} from the shared file, {sources.count('hit')} from memory; "
          f"{len(workers)} worker process(es) answered callbacks")  # fmt: skip
    assert sources.count("miss") == 1 and len(answers) == 1
    assert "shared" in sources  # the other worker had it without rendering


def test_huge_body_is_refused_before_it_is_sent(site) -> None:
    url, _, _ = site
    host, port = urlparse(url).hostname, urlparse(url).port
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=30) as conn:
        conn.sendall(
            b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/json\r\nContent-Length: 18874368\r\n\r\n" + b" " * 65536
        )  # 18 MiB announced, 64 KiB sent: the answer must not wait for the rest
        answer = conn.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    print(f"\n18 MiB POST: 413 after {time.monotonic() - started:.3f} s")


def test_expensive_downloads_do_not_starve_the_home_page(site, release_dir: Path) -> None:
    url, _, _ = site
    slug = pd.read_csv(release_dir / "indicators.csv", dtype=str)["slug"].iloc[0]
    body = json.dumps(download_body(slug)).encode()
    opener = urllib.request.build_opener()

    def download(_: int) -> tuple[int, dict, float]:
        started = time.monotonic()
        request = urllib.request.Request(
            url + "/_dash-update-component", data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, headers = response.status, dict(response.headers)
                response.read()
        except urllib.error.HTTPError as error:
            status, headers = error.code, dict(error.headers)
        return status, headers, time.monotonic() - started

    with ThreadPoolExecutor(9) as pool:
        downloads = [pool.submit(download, n) for n in range(8)]
        home_started = time.monotonic()
        home_status, _, _ = _request(opener, url + "/")
        home_seconds = time.monotonic() - home_started
        results = [future.result() for future in downloads]
    statuses = [status for status, _, _ in results]
    assert home_status == 200
    assert set(statuses) <= {200, 503} and 200 in statuses
    assert all(int(h["Retry-After"]) > 0 for status, h, _ in results if status == 503)
    print(
        f"\n8 concurrent XLSX downloads: {statuses.count(200)} served, {statuses.count(503)} "
        f"refused (503); slowest {max(s for _, _, s in results):.2f} s; "
        f"home page meanwhile {home_seconds:.2f} s"
    )


def test_no_shared_control_socket(site) -> None:
    _, folder, log = site
    assert list(folder.rglob("gunicorn.ctl")) == []
    assert "Control socket" not in log.read_text()
