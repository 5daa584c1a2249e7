"""The site's edges through the Flask test client: security headers on every kind of response,
413 / 400 / 404 for what no page should take, and the expensive-route gate."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import threading
from pathlib import Path

import dash
import flask
import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.edges import MAX_BODY_BYTES
from dashboard.limits import Gate, run_limited
from tests.dashboard.release_fixture import RATE

SLUG = RATE["slug"]


@pytest.fixture(scope="module")
def app(sample_release_dir: Path) -> dash.Dash:
    return create_app(sample_release_dir)


def download_body(slug: str = SLUG, button: str = ids.INDICATOR_DL_SHOWN) -> dict:
    """The body Dash's renderer sends when the "what you see" download button is pressed (the
    whole indicator's CSV and XLSX are files of the release: tests/dashboard/test_site_speed.py).
    """
    buttons = (ids.INDICATOR_DL_SHOWN,)

    def prop(id_: str, name: str, value):
        return {"id": id_, "property": name, "value": value}

    return {
        "output": f"{ids.INDICATOR_DOWNLOAD}.data",
        "outputs": {"id": ids.INDICATOR_DOWNLOAD, "property": "data"},
        "inputs": [prop(b, "n_clicks", 1 if b == button else None) for b in buttons],
        "changedPropIds": [f"{button}.n_clicks"],
        "state": [
            prop(ids.INDICATOR_PERIOD_TYPE, "value", "year"),
            [],
            [],
            prop(ids.INDICATOR_SCHEME, "value", "province_2025"),
            prop(ids.INDICATOR_YEAR, "value", "2025"),
            prop(ids.INDICATOR_STATE, "data", {"slug": slug, "lang": "vi"}),
        ],
    }


def _script_hashes(page: str) -> list[str]:
    """The sha256 (CSP form) of every inline script the browser would run."""
    found = []
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S):
        if "src=" in attributes or "application/json" in attributes:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return found


def test_security_headers_on_every_kind_of_response(app: dash.Dash) -> None:
    client = app.server.test_client()
    index = client.get("/").get_data(as_text=True)
    script = re.search(r'<script src="(/_dash-component-suites/[^"]+)"', index).group(1)
    responses = {
        "page": client.get("/en/data"),
        "layout": client.get("/_dash-layout"),
        "asset": client.get("/assets/site.css"),
        "component script": client.get(script),
        "release file": client.get("/release-files/indicators.csv"),
        "sign-in form": client.get("/leadership/login"),
        "callback": client.post("/_dash-update-component", json=download_body()),
        "400": client.get("/search?q=a&q=b"),
        "404": client.get("/khong-co-trang-nay"),
        "413": client.post("/_dash-update-component", data=b"x" * (MAX_BODY_BYTES + 1)),
    }
    for kind, response in responses.items():
        headers = response.headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], kind
        assert headers["X-Frame-Options"] == "DENY", kind
        assert headers["X-Content-Type-Options"] == "nosniff", kind
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", kind
        assert "Strict-Transport-Security" not in headers, kind  # plain HTTP
    assert [r.status_code for r in responses.values()][-3:] == [400, 404, 413]
    assert all(r.status_code == 200 for r in list(responses.values())[:-3])


def test_csp_runs_dash_inline_scripts_and_nothing_else(app: dash.Dash) -> None:
    response = app.server.test_client().get("/indicators/" + SLUG)
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["Content-Security-Policy"].split(";")
    )
    inline = _script_hashes(response.get_data(as_text=True))
    assert inline and all(h in policy["script-src"] for h in inline)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "unsafe-eval" not in policy["script-src"]
    assert policy["default-src"] == policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'"


@pytest.mark.parametrize("path", [f"/embed/{SLUG}", f"/en/embed/{SLUG}"])
def test_only_embed_may_be_framed(app: dash.Dash, path: str) -> None:
    client = app.server.test_client()
    embed = client.get(path)
    assert embed.status_code == 200
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    for other in ("/embedx", "/indicators/" + SLUG, "/en/leadership/login"):
        assert client.get(other).headers["X-Frame-Options"] == "DENY", other


def test_hsts_over_https(app: dash.Dash) -> None:
    response = app.server.test_client().get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_body_over_the_limit_is_413_before_it_is_read(app: dash.Dash) -> None:
    client = app.server.test_client()
    big = b"{" + b" " * (18 * 1024 * 1024) + b"}"
    for path in ("/_dash-update-component", "/leadership/login", "/"):
        response = client.post(path, data=big, content_type="application/json")
        assert response.status_code == 413, path


@pytest.mark.parametrize(
    "path",
    [
        "/search?q=a&q=b",
        "/en/search?q=a&q=b",
        f"/indicators/{SLUG}?scheme=province_2025&scheme=province_2004",
        "/leadership/report?year=2024&year=2025",
    ],
)
def test_repeated_query_parameter_is_400(app: dash.Dash, path: str) -> None:
    assert app.server.test_client().get(path).status_code == 400


def _bad_state() -> dict:
    body = download_body()
    body["state"][-1]["value"] = "not-a-dict"
    return body


@pytest.mark.parametrize(
    "body",
    [
        b"junk",
        b"{}",
        b"[]",
        b'{"output": 1, "outputs": {}, "inputs": []}',
        b'{"output": "a.b", "outputs": {}, "inputs": "x"}',
        json.dumps({**download_body(), "output": "no-such.output"}).encode(),
        json.dumps(_bad_state()).encode(),
        json.dumps({**download_body(), "changedPropIds": 5}).encode(),
    ],
)
def test_malformed_callback_is_400_without_traceback(app: dash.Dash, caplog, body: bytes) -> None:
    caplog.set_level(logging.INFO)
    response = app.server.test_client().post(
        "/_dash-update-component", data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)
    assert all(record.exc_info is None for record in caplog.records)
    assert "Traceback" not in caplog.text


def test_a_good_download_callback_still_answers(app: dash.Dash) -> None:
    response = app.server.test_client().post("/_dash-update-component", json=download_body())
    assert response.status_code == 200
    data = response.get_json()["response"][ids.INDICATOR_DOWNLOAD]["data"]
    assert data["filename"].endswith("_selection.csv") and data["content"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/en", 200),
        ("/en/", 200),
        ("/data", 200),
        ("/en/methodology", 200),
        (f"/indicators/{SLUG}", 200),
        ("/provinces/province_2025/01", 200),
        ("/search?q=ha", 200),
        ("/favicon.ico", 200),
        ("/khong-co-trang-nay", 404),
        ("/en/no-such-page", 404),
        ("/not-found-404", 404),
        ("/_dash-component-suites/dash/dash.py", 404),
        ("/_dash-component-suites/no_such_package/x.js", 404),
        ("/release-files/../pyproject.toml", 404),
    ],
)
def test_status_of_addresses(app: dash.Dash, path: str, status: int) -> None:
    assert app.server.test_client().get(path).status_code == status


# ---- the gate (caps and time limits), with a view that waits for the test ------------------


def _gated_app(gate: Gate, release: threading.Event, started: threading.Semaphore) -> flask.Flask:
    server = flask.Flask("gate-test")

    def slow_view():
        started.release()
        release.wait(30)
        return "done"

    server.add_url_rule("/slow", "slow", lambda: run_limited(gate, slow_view))
    return server


def test_gate_refuses_beyond_its_slots_at_once() -> None:
    gate = Gate("test", slots=2, wait=0.1, timeout=30)
    release, started = threading.Event(), threading.Semaphore(0)
    server = _gated_app(gate, release, started)
    answers: list[int] = []
    holders = [
        threading.Thread(
            target=lambda: answers.append(server.test_client().get("/slow").status_code)
        )
        for _ in range(2)
    ]
    for holder in holders:
        holder.start()
    for _ in holders:
        assert started.acquire(timeout=10)
    refused = server.test_client().get("/slow")
    assert refused.status_code == 503 and int(refused.headers["Retry-After"]) > 0
    release.set()
    for holder in holders:
        holder.join(10)
    assert answers == [200, 200]
    assert server.test_client().get("/slow").status_code == 200  # slots free again


def test_gate_time_limit_answers_and_keeps_the_slot_until_the_work_ends() -> None:
    gate = Gate("test", slots=1, wait=0.1, timeout=0.2)
    release, started = threading.Event(), threading.Semaphore(0)
    server = _gated_app(gate, release, started)
    late = server.test_client().get("/slow")
    assert late.status_code == 503 and "took too long" in late.get_data(as_text=True)
    assert started.acquire(timeout=10)
    assert server.test_client().get("/slow").status_code == 503  # the work still holds it
    release.set()
    for _ in range(50):
        if gate.enter():
            gate.leave()
            break
    else:
        pytest.fail("the slot was never released")
