"""The leadership login as an attacker tries it (Flask test client; the real gunicorn version
with two workers is in test_site_gunicorn.py): guessing, copied and forged cookies, a missing
session key, the shared store and the command that writes users."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import dash
import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface

from dashboard import auth, credentials
from dashboard.app import create_app
from dashboard.login_store import (
    CLIENT_LIMIT,
    SESSION_SECONDS,
    USER_LIMIT,
    WINDOW_SECONDS,
    LoginStore,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "lanh-dao", "mot mat khau dai 830"
# Small scrypt parameters keep the guessing tests quick; the entry carries its parameters, so
# the site checks it with exactly the code the real (2^17) entries go through.
ENTRY = credentials.hash_password(PASSWORD, log2_n=10)
KEY = "login-test-key-" + "k" * 32


@pytest.fixture
def environment(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("COP_LEADERSHIP_USERS", f"{USER}:{ENTRY}")
    monkeypatch.setenv("COP_SECRET_KEY", KEY)
    monkeypatch.setenv("COP_SITE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("COP_LEADERSHIP_USERS_FILE", raising=False)
    monkeypatch.delenv("COP_COOKIE_SECURE", raising=False)
    return tmp_path / "state"


@pytest.fixture
def app(environment: Path, sample_release_dir: Path) -> dash.Dash:
    return create_app(sample_release_dir)


def _attempt(client, password: str, user: str = USER, lang_prefix: str = ""):
    page = client.get(f"{lang_prefix}/leadership/login").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    return client.post(
        f"{lang_prefix}/leadership/login",
        data={"user": user, "password": password, "csrf": token.group(1) if token else ""},
    )


def _cookie(client) -> str:
    return client.get_cookie("cop_session").value


def test_guessing_is_throttled_per_client_with_retry_after(app: dash.Dash, caplog) -> None:
    caplog.set_level(logging.WARNING)
    client = app.server.test_client()
    statuses = [_attempt(client, f"guess {n}").status_code for n in range(CLIENT_LIMIT + 5)]
    assert statuses == [200] * CLIENT_LIMIT + [429] * 5
    refused = _attempt(client, PASSWORD)  # the right password, too late
    assert refused.status_code == 429
    retry = int(refused.headers["Retry-After"])
    assert 0 < retry <= WINDOW_SECONDS
    assert "Quá nhiều lần đăng nhập" in refused.get_data(as_text=True)
    assert client.get("/leadership").status_code == 302  # not signed in
    refusals = [r.getMessage() for r in caplog.records if "sign-in" in r.getMessage()]
    assert all("127.0.0.1" in message for message in refusals)
    assert sum("throttled" in message for message in refusals) == 6


def test_guessing_one_account_from_many_clients_is_throttled(app: dash.Dash) -> None:
    statuses = []
    for n in range(USER_LIMIT + 1):
        client = app.server.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.{n // 250}.{n % 250}"
        statuses.append(_attempt(client, f"guess {n}").status_code)
    assert statuses == [200] * USER_LIMIT + [429]
    other = app.server.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.9.9.9"
    assert _attempt(other, "x", user="someone-else").status_code == 200  # other accounts open


def test_a_success_does_not_count_and_the_form_token_changes_after_a_failure(
    app: dash.Dash,
) -> None:
    client = app.server.test_client()
    page = client.get("/leadership/login").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    wrong = client.post("/leadership/login", data={"user": USER, "password": "x", "csrf": token})
    again = client.post(
        "/leadership/login", data={"user": USER, "password": PASSWORD, "csrf": token}
    )
    assert wrong.status_code == again.status_code == 200  # the old token no longer serves
    assert 'id="lead-login-error"' in again.get_data(as_text=True)
    for _ in range(CLIENT_LIMIT + 2):
        assert _attempt(client, PASSWORD).status_code == 303  # (signs in, and out again)
        client.delete_cookie("cop_session")


def test_copied_cookie_is_refused_after_sign_out(app: dash.Dash) -> None:
    client = app.server.test_client()
    assert _attempt(client, PASSWORD).status_code == 303
    copied = _cookie(client)
    thief = app.server.test_client()
    thief.set_cookie("cop_session", copied)
    assert thief.get("/leadership").status_code == 200  # a copied cookie works while open...
    with client.session_transaction() as session:
        token = session[auth.SESSION_CSRF]
    assert client.post("/leadership/logout", data={"csrf": token}).status_code == 303
    assert client.get("/leadership").status_code == 302
    assert thief.get("/leadership").status_code == 302  # ...and not after sign-out
    assert thief.get("/leadership/report?year=2025").status_code == 302


def test_a_new_password_ends_open_sessions(app: dash.Dash, monkeypatch) -> None:
    client = app.server.test_client()
    assert _attempt(client, PASSWORD).status_code == 303
    assert client.get("/leadership").status_code == 200
    new_entry = credentials.hash_password("a new long passphrase", log2_n=10)
    monkeypatch.setenv("COP_LEADERSHIP_USERS", f"{USER}:{new_entry}")
    assert client.get("/leadership").status_code == 302


def test_cookie_forged_without_the_key_is_refused(app: dash.Dash) -> None:
    client = app.server.test_client()
    assert _attempt(client, PASSWORD).status_code == 303
    real = app.server.session_interface.get_signing_serializer(app.server).loads(_cookie(client))
    assert set(real) == {"_permanent", auth.SESSION_ID, auth.SESSION_CSRF}  # no password data
    forger = Flask("forger")
    forger.secret_key = f"{USER}:{ENTRY}"  # what the old site derived its key from
    forged = SecureCookieSessionInterface().get_signing_serializer(forger).dumps(real)
    attacker = app.server.test_client()
    attacker.set_cookie("cop_session", forged)
    assert attacker.get("/leadership").status_code == 302
    # signed with the right key but naming a session the server never opened
    invented = app.server.session_interface.get_signing_serializer(app.server).dumps(
        {auth.SESSION_ID: "x" * 43}
    )
    attacker.set_cookie("cop_session", invented)
    assert attacker.get("/leadership").status_code == 302


def test_session_cookie_flags(app: dash.Dash, monkeypatch, sample_release_dir: Path) -> None:
    client = app.server.test_client()
    cookie = client.get("/leadership/login").headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    monkeypatch.setenv("COP_COOKIE_SECURE", "0")  # local development over plain HTTP only
    local = create_app(sample_release_dir).server.test_client()
    assert "Secure" not in local.get("/leadership/login").headers["Set-Cookie"]


def test_leadership_is_refused_without_a_session_key(
    environment: Path, monkeypatch, sample_release_dir: Path, caplog
) -> None:
    monkeypatch.delenv("COP_SECRET_KEY")
    caplog.set_level(logging.ERROR)
    app = create_app(sample_release_dir)
    assert "COP_SECRET_KEY is not set, so leadership access stays off" in caplog.text
    client = app.server.test_client()
    page = client.get("/en/leadership/login").get_data(as_text=True)
    assert "Leadership access is not configured" in page and "COP_SECRET_KEY" in page
    posted = client.post("/leadership/login", data={"user": USER, "password": PASSWORD})
    assert "Chưa cấu hình" in posted.get_data(as_text=True)
    assert client.get("/leadership/report?year=2025").status_code == 302


def test_old_sha256_configuration_is_refused_with_how_to_migrate(
    environment: Path, monkeypatch, sample_release_dir: Path, caplog
) -> None:
    monkeypatch.setenv("COP_LEADERSHIP_USERS", f"{USER}:{'ab' * 32}")
    caplog.set_level(logging.ERROR)
    client = create_app(sample_release_dir).server.test_client()
    assert "Chưa cấu hình" in client.get("/leadership/login").get_data(as_text=True)
    assert f"python -m dashboard.users add {USER}" in caplog.text


# ---- the shared store ----------------------------------------------------------------------


def test_attempts_are_shared_by_every_store_on_the_file(tmp_path: Path) -> None:
    """Two stores on one file stand for two gunicorn workers; 8 threads race for 10 attempts."""
    path = tmp_path / "state" / "leadership.sqlite3"
    stores = [LoginStore(path), LoginStore(path)]
    granted: list[str] = []

    def guess(store: LoginStore) -> None:
        for _ in range(5):
            attempt, _ = store.reserve_attempt({"client:1.2.3.4": 10})
            if attempt:
                granted.append(attempt)

    threads = [threading.Thread(target=guess, args=(stores[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(granted) == 10
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


def test_attempt_window_and_retry_after(tmp_path: Path) -> None:
    store = LoginStore(tmp_path / "s.sqlite3")
    for n in range(3):
        assert store.reserve_attempt({"k": 3}, now=1000.0 + n)[0]
    assert store.reserve_attempt({"k": 3}, now=1010.0) == (None, WINDOW_SECONDS - 10)
    assert store.reserve_attempt({"k": 3}, now=1000.0 + WINDOW_SECONDS + 0.5)[0]
    attempt, _ = store.reserve_attempt({"j": 1}, now=5000.0)
    store.forget_attempt(attempt)
    assert store.reserve_attempt({"j": 1}, now=5001.0)[0]


def test_sessions_end_at_sign_out_and_after_their_lifetime(tmp_path: Path) -> None:
    store = LoginStore(tmp_path / "s.sqlite3")
    sid = store.open_session(USER, "fp", now=1000.0)
    assert store.session(sid, now=1001.0).user == USER
    assert store.session(sid, now=1000.0 + SESSION_SECONDS) is None  # absolute lifetime
    assert store.session(sid + "x", now=1001.0) is None
    store.close_session(sid)
    assert store.session(sid, now=1001.0) is None
    with store._db() as db:  # noqa: SLF001
        assert sid not in str(db.execute("SELECT * FROM sessions").fetchall())


# ---- python -m dashboard.users ---------------------------------------------------------------


def _users(*args: str, password: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.users", *args],
        input=password + "\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={k: v for k, v in os.environ.items() if k != "COP_LEADERSHIP_USERS_FILE"},
        check=False,
    )


def test_users_command_writes_scrypt_entries(tmp_path: Path) -> None:
    file = tmp_path / "users.txt"
    file.write_text("# leaders of the programme\nkeep-me:scrypt$old\n", encoding="utf-8")
    file.chmod(0o644)
    added = _users("add", USER, "--file", str(file), "--password-stdin", password=PASSWORD)
    assert added.returncode == 0, added.stderr
    assert oct(file.stat().st_mode & 0o777) == "0o600"
    lines = file.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# leaders of the programme", "keep-me:scrypt$old"]
    user, _, entry = lines[2].partition(":")
    assert user == USER and entry.startswith("scrypt$17$")
    assert credentials.check_password({USER: entry}, USER, PASSWORD)
    changed = _users("add", USER, "--file", str(file), "--password-stdin", password="x" * 20)
    assert changed.returncode == 0 and len(file.read_text().splitlines()) == 3
    short = _users("add", "other", "--file", str(file), "--password-stdin", password="short")
    assert short.returncode == 2 and "at least 12" in short.stderr
    bad = _users("add", "a:b", "--file", str(file), "--password-stdin", password=PASSWORD)
    assert bad.returncode == 2
    removed = _users("remove", USER, "--file", str(file))
    assert removed.returncode == 0 and USER not in file.read_text()
    assert _users("add", USER, "--password-stdin", password=PASSWORD).returncode == 2  # no file
