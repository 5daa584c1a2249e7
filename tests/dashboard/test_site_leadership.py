"""The leadership view without a browser: credentials, the scorecard queries ("what moved",
lagging provinces, milestones) on hand-made releases, and the Flask routes (test client)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import dash
import pandas as pd
import pytest

from dashboard import auth, credentials, pdf
from dashboard import queries as q
from dashboard import release as rel
from dashboard import scorecard as sc
from dashboard.app import create_app
from dashboard.views.html_out import to_html
from dashboard.views.report_doc import report_document
from tests.dashboard.release_fixture import (
    COUNT,
    RATE,
    RATE_NATIONAL,
    RELEASE_ID,
    write_extended_release,
    write_sample_release,
)

USER, PASSWORD = "lead", "correct horse 830"
ENTRY = credentials.hash_password(PASSWORD)
OTHER = credentials.hash_password("another passphrase", log2_n=10)
KEY = "unit-test-key-" + "0" * 32


# ---- credentials -------------------------------------------------------------------------


def test_parse_users_reads_commas_lines_and_comments() -> None:
    text = f"{USER}:{ENTRY}, second:{OTHER}\n# a comment\n\n third : {OTHER}  # note\n"
    assert auth.parse_users(text) == {USER: ENTRY, "second": OTHER, "third": OTHER}
    assert auth.parse_users("") == {} and auth.parse_users(None) == {}


@pytest.mark.parametrize(
    "text",
    [
        "lead",
        "lead:",
        ":" + ENTRY,
        "lead:abc",
        "lead:scrypt$17$8$1$short$short",
        "lead:" + "g" * 64,
    ],
    # fixed ids: ENTRY's salt is random, and pytest-xdist's workers must collect the same names
    ids=["no-colon", "no-hash", "no-user", "not-a-hash", "short-salt", "not-hex"],
)
def test_parse_users_refuses_malformed_entries(text: str) -> None:
    with pytest.raises(auth.CredentialError) as error:
        auth.parse_users(text)
    assert ENTRY not in str(error.value)  # the message never repeats the entry


def test_old_sha256_entries_are_refused_with_how_to_migrate() -> None:
    digest = "a" * 64
    with pytest.raises(auth.CredentialError) as error:
        auth.parse_users(f"{USER}:{ENTRY}\nold-user:{digest}")
    message = str(error.value)
    assert "sha256" in message and "python -m dashboard.users add old-user" in message
    assert digest not in message


def test_passwords_are_salted_scrypt() -> None:
    users = {USER: ENTRY}
    assert ENTRY.startswith("scrypt$17$8$1$") and credentials.hash_password(PASSWORD) != ENTRY
    assert credentials.check_password(users, USER, PASSWORD)
    assert not credentials.check_password(users, USER, PASSWORD + " ")
    assert not credentials.check_password(users, "someone", PASSWORD)
    assert not credentials.check_password(users, "", "")
    assert not credentials.check_password({}, USER, PASSWORD)


def test_leadership_needs_a_long_session_key() -> None:
    assert auth.secret_key_problem({"COP_SECRET_KEY": KEY}) is None
    assert "is not set" in auth.secret_key_problem({})
    assert "shorter than 32" in auth.secret_key_problem({"COP_SECRET_KEY": "s3cret"})
    users = f"{USER}:{ENTRY}"
    assert auth.configured_users({"COP_LEADERSHIP_USERS": users}) == {}
    assert auth.configured_users({"COP_LEADERSHIP_USERS": users, "COP_SECRET_KEY": KEY}) == {
        USER: ENTRY
    }


def test_users_come_from_the_variable_and_the_file(tmp_path: Path) -> None:
    file = tmp_path / "users.txt"
    file.write_text(f"# leaders\nfile-user:{OTHER}\n", encoding="utf-8")
    environ = {
        "COP_LEADERSHIP_USERS": f"{USER}:{ENTRY}",
        "COP_LEADERSHIP_USERS_FILE": str(file),
        "COP_SECRET_KEY": KEY,
    }
    assert auth.configured_users(environ) == {USER: ENTRY, "file-user": OTHER}
    assert auth.configured_users({**environ, "COP_LEADERSHIP_USERS": "broken"}) == {}
    missing = {"COP_LEADERSHIP_USERS_FILE": str(tmp_path / "none"), "COP_SECRET_KEY": KEY}
    assert auth.configured_users(missing) == {}


def test_next_address_stays_in_the_leadership_view() -> None:
    assert auth.safe_next("/leadership/report?year=2024", "vi") == "/leadership/report?year=2024"
    assert auth.safe_next("https://evil.example/leadership", "vi") == "/leadership"
    assert auth.safe_next("//evil.example/leadership", "en") == "/en/leadership"
    assert auth.safe_next("/data", "vi") == "/leadership"
    assert auth.is_lead_path("/en/leadership/report") and not auth.is_lead_path("/leadershipx")


# ---- scorecard queries -------------------------------------------------------------------


def _release_pair(tmp_path: Path) -> tuple[rel.Release, rel.Release]:
    """Two sibling releases: the newer one changes IND-02's 2025 national value and status."""
    releases = tmp_path / "releases"
    old = write_sample_release(releases / "20260115T000000Z-test")
    new = releases / "20260201T000000Z-test"
    shutil.copytree(old, new)
    for name in ("indicator_values.parquet", "indicator_values.csv"):
        path = new / name
        values = (
            pd.read_parquet(path)
            if name.endswith("parquet")
            else pd.read_csv(path, dtype={"geo_code": str, "period": str})
        )
        mask = (
            (values["indicator_code"] == RATE["code"])
            & (values["geo_scheme"] == "national")
            & (values["period"].astype(str) == "2025")
        )
        values.loc[mask, "value"] = 100.0
        values.loc[mask, "status"] = "achieved"
        if name.endswith("parquet"):
            values.to_parquet(path, index=False)
        else:
            values.to_csv(path, index=False)
    manifest = json.loads((new / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(release_id="20260201T000000Z-test", created_at="2026-02-01T00:00:00Z")
    (new / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return rel.load_release(old), rel.load_release(new)


def test_what_moved_between_two_releases(tmp_path: Path) -> None:
    old, new = _release_pair(tmp_path)
    previous = rel.previous_release(new)
    assert previous is not None and previous.release_id == RELEASE_ID
    assert rel.previous_release(old) is None  # nothing older than the oldest
    changes = sc.changes_since(previous, new)
    assert [c.indicator_code for c in changes] == [RATE["code"]]
    change = changes[0]
    assert change.fields == ("value", "status")
    assert change.before["value"] == RATE_NATIONAL["2025"] and change.before["status"] == "at_risk"
    assert change.after["value"] == 100.0 and change.after["status"] == "achieved"
    assert sc.changes_since(None, new) is None
    assert sc.changes_since(new, new) == []


def test_what_moved_lists_new_and_withdrawn_indicators(tmp_path: Path) -> None:
    old, new = _release_pair(tmp_path)
    trimmed = new.indicators[new.indicators["indicator_code"] == RATE["code"]]
    smaller = rel.Release(new.path, new.manifest, trimmed, new.targets, new.values)
    withdrawn = sc.changes_since(old, smaller)
    assert [(c.indicator_code, c.fields) for c in withdrawn][-1] == (COUNT["code"], ("removed",))
    added = sc.changes_since(smaller, old)
    assert (COUNT["code"], ("new",)) in [(c.indicator_code, c.fields) for c in added]


def test_status_grid_values_and_trajectory(sample_release_dir: Path) -> None:
    release = rel.load_release(sample_release_dir)
    lines = sc.target_lines(release)
    assert [(line.target_id, line.indicator_code) for line in lines] == [("T2", RATE["code"])]
    line = lines[0]
    assert dict(line.statuses) == {
        "2021": "baseline",  # the first year: where the trajectory starts, not "on track"
        "2022": "on_track",
        "2023": "on_track",
        "2024": "at_risk",
        "2025": "at_risk",
    }
    assert line.row["period"] == "2025" and line.row["value"] == RATE_NATIONAL["2025"]
    assert line.official and line.trajectory is None  # no derived trajectory in this release
    assert sc.target_lines(release, "2023")[0].row["value"] == RATE_NATIONAL["2023"]
    assert sc.target_lines(release, "2025-Q1")[0].row is None  # no quarterly rows for IND-02


def test_lagging_provinces_skip_suppressed_cells(sample_release_dir: Path) -> None:
    release = rel.load_release(sample_release_dir)
    indicator = q.indicator_by_slug(release, RATE["slug"])
    lag = sc.lagging_provinces(release, indicator)
    assert lag.period == "2025" and lag.suppressed == 0 and lag.published == 34
    values = [row["value"] for row in lag.rows]
    assert len(values) == 5 and values == sorted(values)
    table = q.geo_table(release, RATE["slug"], "2025", "province_2025")
    assert values[0] == table["value"].min()
    old = sc.lagging_provinces(release, indicator, "2025", scheme="province_2004")
    assert old.suppressed == 1 and old.published == 62  # the suppressed cell is not ranked
    assert all(row["geo_code"] != "02" for row in old.rows)


def test_milestones_by_lead_unit(tmp_path: Path) -> None:
    release = rel.load_release(write_extended_release(tmp_path / "extended"))
    groups = sc.milestones_by_unit(release)
    assert [(unit, [m["milestone_id"] for m in rows]) for unit, rows in groups] == [
        ("Cục Trẻ em", ["M1"])
    ]
    assert sc.milestone_counts(release) == {"done": 1, "done_late": 0, "due": 0, "not_reported": 0}
    assert sc.report_quarters(release, "2025") == ["1", "2", "3", "4"]
    assert sc.report_quarters(release, "2024") == []


def test_report_document_in_both_languages(tmp_path: Path) -> None:
    old, new = _release_pair(tmp_path)
    vi = report_document(new, "vi", previous=old, year="2025")
    assert "Báo cáo đánh giá hằng năm" in vi and "DỮ LIỆU MẪU" in vi and new.release_id in vi
    assert "@page" in vi and "<nav" not in vi and "<script" not in vi
    assert "Đã đạt" in vi and "Có nguy cơ chậm" in vi  # the status change, in words
    en = report_document(new, "en", previous=None, year="2024")
    assert "Annual assessment report" in en and "No previous release" in en
    assert "Hoàn thành" not in en


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_report_summary_gap_period_and_columns(tmp_path: Path) -> None:
    """The report opens with a summary giving the gap to each target, is titled by its
    period (annual or quarterly) and shows no year after its own."""
    release = rel.load_release(write_sample_release(tmp_path / "r"))
    en = report_document(release, "en", previous=None, year="2024")
    summary = _text(re.search(r'<section id="report-summary".*?</section>', en, re.S).group(0))
    gap = 100 - RATE_NATIONAL["2024"]
    assert f"T2 ({RATE['code']}) is 94.6% (2024), {gap:.1f} percentage points short of the 100%"
    assert f"{gap:.1f} percentage points short of the 100% target for 2025" in summary
    grid = re.search(r'<table[^>]*id="lead-status-grid".*?</table>', en, re.S).group(0)
    assert re.findall(r'data-year="(\d+)"', grid)[:4] == ["2021", "2022", "2023", "2024"]
    assert 'data-year="2025"' not in grid and ">2025<" not in grid
    assert "<title>Annual assessment report 2024</title>" in en
    vi = report_document(release, "vi", previous=None, year="2024", quarter="2")
    assert "Báo cáo đánh giá quý" in vi and "hằng năm" not in vi
    assert "<title>Báo cáo đánh giá quý Q2/2024</title>" in vi


def test_lagging_provinces_never_list_those_that_met_the_target(tmp_path: Path) -> None:
    folder = write_sample_release(tmp_path / "r")
    path = folder / "indicator_values.parquet"
    values = pd.read_parquet(path)
    cell = (values["indicator_code"] == RATE["code"]) & (values["geo_scheme"] == "province_2025")
    cell &= values["period"].astype(str) == "2025"
    met = values[cell].sort_values("value").head(3).index  # the three lowest now meet it
    values.loc[met, "value"] = 100.0
    values.loc[met, "status"] = "achieved"
    values.to_parquet(path, index=False)
    (folder / "indicator_values.csv").unlink(missing_ok=True)
    release = rel.load_release(folder)
    indicator = q.indicator_by_slug(release, RATE["slug"])
    lag = sc.lagging_provinces(release, indicator, "2025")
    published = values[cell & (values["obs_status"] != "suppressed")]
    assert lag.met == int((published["value"] >= 100).sum()) >= 3
    assert lag.target == 100.0 and len(lag.rows) == 5
    assert all(row["value"] < 100 and row["status"] != "achieved" for row in lag.rows)
    gaps = [row["gap"] for row in lag.rows]
    assert (
        gaps == sorted(gaps, reverse=True)
        and gaps[0] == 100 - values.loc[cell & ~values.index.isin(met), "value"].min()
    )


def test_html_writer_escapes_text_and_attributes() -> None:
    from dash import html

    node = html.Td(["<b>", html.Span("x", title='"q"')], colSpan=2, **{"data-x": "1"})
    assert (
        to_html(node)
        == '<td colspan="2" data-x="1">&lt;b&gt;<span title="&quot;q&quot;">x</span></td>'
    )


# ---- Flask routes (test client) ----------------------------------------------------------


@pytest.fixture
def lead_app(monkeypatch, sample_release_dir: Path, tmp_path: Path) -> dash.Dash:
    monkeypatch.setenv("COP_LEADERSHIP_USERS", f"{USER}:{ENTRY}")
    monkeypatch.setenv("COP_SECRET_KEY", KEY)
    monkeypatch.setenv("COP_SITE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("COP_LEADERSHIP_USERS_FILE", raising=False)
    return create_app(sample_release_dir)


def _token(client, path: str = "/leadership/login") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _sign_in(client, password: str = PASSWORD):
    return client.post(
        "/leadership/login",
        data={"user": USER, "password": password, "csrf": _token(client), "next": "/leadership"},
    )


def test_leadership_needs_a_session(lead_app: dash.Dash) -> None:
    client = lead_app.server.test_client()
    for path in (
        "/leadership",
        "/en/leadership",
        "/leadership/report?year=2025",
        "/leadership/report.pdf",
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/leadership/login?next=" in response.headers["Location"]
        assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/en/leadership").headers["Location"].startswith("/en/leadership/login")
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


def test_wrong_password_is_refused_and_right_one_signs_in(lead_app: dash.Dash) -> None:
    client = lead_app.server.test_client()
    refused = _sign_in(client, "wrong")
    assert refused.status_code == 200 and "Sai tên hoặc mật khẩu" in refused.get_data(as_text=True)
    assert client.get("/leadership").status_code == 302
    # a missing or forged form token is refused even with the right password
    forged = client.post("/leadership/login", data={"user": USER, "password": PASSWORD})
    assert "Sai tên" in forged.get_data(as_text=True)
    signed = _sign_in(client)
    assert signed.status_code == 303 and signed.headers["Location"] == "/leadership"
    page = client.get("/leadership")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    report = client.get("/leadership/report?year=2024&lang=en")
    assert report.status_code == 200 and "Annual assessment report" in report.get_data(as_text=True)
    assert client.get("/leadership/report?year=2019").status_code == 404
    with client.session_transaction() as session:
        sid = session[auth.SESSION_ID]
    with lead_app.server.test_request_context("/leadership"):
        import flask

        flask.session[auth.SESSION_ID] = sid
        layout = dash.page_registry["dashboard.pages.leadership"]["layout"]()
        text = json.dumps(
            layout.to_plotly_json(), default=lambda o: o.to_plotly_json(), ensure_ascii=False
        )
    assert "lead-scorecard" in text and "Trạng thái theo năm" in text
    # signing out (with the session's form token) ends the session
    with client.session_transaction() as session:
        token = session[auth.SESSION_CSRF]
    assert client.post("/leadership/logout", data={"csrf": token}).status_code == 303
    assert client.get("/leadership").status_code == 302


def test_layout_refuses_a_request_without_session(lead_app: dash.Dash) -> None:
    """The Dash layout checks the session itself (a callback could ask for this address)."""
    with lead_app.server.test_request_context("/"):
        layout = dash.page_registry["dashboard.pages.leadership"]["layout"]()
    text = json.dumps(
        layout.to_plotly_json(), default=lambda o: o.to_plotly_json(), ensure_ascii=False
    )
    assert "Trang này cần đăng nhập" in text and "lead-scorecard" not in text


def test_unconfigured_access_says_so(monkeypatch, sample_release_dir: Path) -> None:
    monkeypatch.delenv("COP_LEADERSHIP_USERS", raising=False)
    monkeypatch.delenv("COP_LEADERSHIP_USERS_FILE", raising=False)
    monkeypatch.delenv("COP_SECRET_KEY", raising=False)
    app = create_app(sample_release_dir)
    client = app.server.test_client()
    assert client.get("/leadership").status_code == 200  # the page, which says so
    login = client.get("/en/leadership/login").get_data(as_text=True)
    assert "Leadership access is not configured" in login and 'id="lead-password"' not in login
    refused = client.post("/leadership/login", data={"user": "admin", "password": "admin"})
    assert "Chưa cấu hình quyền truy cập" in refused.get_data(as_text=True)
    assert client.get("/leadership/report?year=2025").status_code == 302
    with app.server.test_request_context("/leadership"):
        layout = dash.page_registry["dashboard.pages.leadership_en"]["layout"]()
    text = json.dumps(layout.to_plotly_json(), default=lambda o: o.to_plotly_json())
    assert "Leadership access is not configured" in text


def test_pdf_without_chromium_answers_503(lead_app: dash.Dash, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(pdf, "CHROMIUM", tmp_path / "no-chromium")
    client = lead_app.server.test_client()
    _sign_in(client)
    response = client.get("/leadership/report.pdf?year=2025&lang=en")
    assert response.status_code == 503
    body = response.get_data(as_text=True)
    assert "chromium is missing" in body and "Traceback" not in body


def test_school_year_target_is_scored_on_the_school_year_ending_in_each_year(
    release_dir: Path,
) -> None:
    """T1 (IND-01) is published by school year: 2024-2025 counts for 2025, in the status grid,
    the values for a chosen year and the lagging provinces."""
    release = rel.load_release(release_dir)
    values = release.values
    national = values[
        (values["indicator_code"] == "IND-01")
        & (values["geo_scheme"] == "national")
        & (values["sex"] == "_T")
        & (values["age_band"] == "_T")
    ].set_index("period")
    line = next(line for line in sc.target_lines(release) if line.target_id == "T1")
    assert line.indicator_code == "IND-01"
    assert dict(line.statuses) == {
        str(end): national.loc[f"{end - 1}-{end}", "status"] if end > 2021 else "baseline"
        for end in range(2021, 2026)
    }
    chosen = next(line for line in sc.target_lines(release, "2023") if line.target_id == "T1")
    assert chosen.row["period"] == "2022-2023"
    indicator = q.indicator_by_code(release, "IND-01")
    lag = sc.lagging_provinces(release, indicator, "2025", scheme="province_2004")
    assert lag.period == "2024-2025" and lag.published > 0
    # the release says which year a period counts for (periods.csv); the site does not derive it
    year_number = pd.read_csv(release_dir / "periods.csv", dtype=str).set_index("period")
    assert year_number.loc["2024-2025", "year_number"] == "2025"
    assert year_number.loc["2025-Q3", "year_number"] == "2025"
