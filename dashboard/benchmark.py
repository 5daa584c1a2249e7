"""A small benchmark of the site over loopback: `python -m dashboard.benchmark [--release DIR]`.

It starts gunicorn (dashboard/gunicorn_conf.py) on a free 127.0.0.1 port against a release, then
sends a bounded number of page-rendering callback requests (`_pages_content`, the request a
visitor's browser makes for every page) from a pool of threads, over a mix of addresses (home,
every indicator page, the data page), and prints p50/p95/p99, throughput, errors and bytes
received. It also sums the bytes of the JavaScript a first visit loads, as sent with and without
`Accept-Encoding: gzip`, fetches one whole-indicator download, and loads the home page and one
indicator page cold in headless Chromium (dashboard/bench_browser.py: bytes transferred, time to
the first chart). Figures only: nothing here
judges a time (the machine is shared; compare runs on the same machine).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dashboard.bench_browser import cold_visits
from dashboard.release import default_release_dir, load_release

REPO_ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_body(pathname: str) -> bytes:
    """What Dash's renderer posts to render the page at `pathname`."""
    location = {"id": "_pages_location", "property": "pathname", "value": pathname}
    return json.dumps(
        {
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [
                {"id": "_pages_content", "property": "children"},
                {"id": "_pages_store", "property": "data"},
            ],
            "inputs": [location, {"id": "_pages_location", "property": "search", "value": ""}],
            "changedPropIds": ["_pages_location.pathname"],
            "state": [location],
        }
    ).encode()


def fetch(url: str, body: bytes | None = None, *, gzip: bool = True) -> tuple[int, int, float]:
    """(status, bytes on the wire, seconds) of one request."""
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, headers=headers)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            size = len(response.read())  # urllib does not decompress: these are wire bytes
            status = response.status
    except urllib.error.HTTPError as error:
        size, status = len(error.read()), error.code
    except OSError:
        size, status = 0, 0
    return status, size, time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(results: list[tuple[int, int, float]], elapsed: float) -> dict:
    times = [r[2] * 1000 for r in results]
    return {
        "errors": sum(1 for r in results if r[0] != 200),
        "throughput_rps": round(len(results) / elapsed, 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "bytes_received": sum(r[1] for r in results),
    }


def start_site(release: Path, port: int, log_path: Path) -> subprocess.Popen:
    """gunicorn on `release`, with a state folder of its own beside the log (the shared callback
    answers start empty, so the first pass meets no cache at all)."""
    state = log_path.with_suffix(".state")
    shutil.rmtree(state, ignore_errors=True)
    env = {
        **os.environ,
        "COP_RELEASE_DIR": str(release),
        "COP_COOKIE_SECURE": "0",
        "COP_SITE_STATE_DIR": str(state),
    }
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:dashboard.gunicorn_conf",
         "--bind", f"127.0.0.1:{port}", "dashboard.app:server"],
        cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log_path.read_text()}")
        if fetch(f"http://127.0.0.1:{port}/")[0] == 200:
            return process
        time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not answer within 60 s")


def first_visit_js(base: str, path: str) -> dict[str, int]:
    """Bytes of the scripts the page at `path` loads, with and without gzip."""
    with urllib.request.urlopen(base + path, timeout=60) as response:
        html = response.read().decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    plain = sum(fetch(base + src, gzip=False)[1] for src in scripts)
    packed = sum(fetch(base + src, gzip=True)[1] for src in scripts)
    return {"scripts": len(scripts), "bytes_plain": plain, "bytes_gzip": packed}


def run(release: Path, requests: int, threads: int) -> dict:
    loaded = load_release(release)
    slugs = list(loaded.indicators["slug"])
    paths = ["/", "/en", "/data", *(f"/indicators/{s}" for s in slugs)]
    paths += [f"/en/indicators/{s}" for s in slugs]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"cop-bench-{port}.log"
    process = start_site(release, port, log_path)
    try:
        fetch(base + "/_dash-update-component", page_body(paths[0]))  # loads the release
        bodies = [page_body(paths[i % len(paths)]) for i in range(requests)]
        figures: dict = {"clients": threads, "requests": requests}
        # the same batch twice: the first pass meets empty caches, the second not
        for name in ("pass_1", "pass_2"):
            started = time.perf_counter()
            with ThreadPoolExecutor(threads) as pool:
                url = base + "/_dash-update-component"
                results = list(pool.map(lambda b, u=url: fetch(u, b), bodies))
            figures[name] = summary(results, time.perf_counter() - started)
        figures["first_visit_js"] = first_visit_js(base, f"/indicators/{slugs[0]}")
        figures["cold_visit"] = cold_visits(base, ["/", f"/indicators/{slugs[0]}"])
        for suffix in ("csv", "xlsx"):
            url = f"{base}/release-files/indicator-{slugs[0]}.{suffix}"
            status, size, seconds = fetch(url)
            figures[f"download_{suffix}"] = {"status": status, "bytes": size,
                                             "ms": round(seconds * 1000, 1)}  # fmt: skip
        return figures
    finally:
        process.terminate()
        process.wait(timeout=30)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", type=Path, default=None, help="a release folder")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    release = (args.release or default_release_dir()).resolve()
    figures = run(release, args.requests, args.threads)
    print(f"release {release.name}: {args.requests} page callbacks from {args.threads} threads")
    for key, value in figures.items():
        print(f"  {key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
