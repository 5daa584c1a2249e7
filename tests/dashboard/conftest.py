"""Fixtures for the site: a hand-made release, the app under gunicorn, the browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.credentials import hash_password
from dashboard.pdf import CHROMIUM, CHROMIUM_ARGS
from tests.dashboard.release_fixture import write_sample_release

REPO_ROOT = Path(__file__).resolve().parents[2]
# Test-only leadership credentials, given to gunicorn through the environment (the app itself
# has no default user or password).
LEAD_USER = "lanh-dao-test"
LEAD_PASSWORD = "mat-khau-thu-830"
LEAD_USERS = f"{LEAD_USER}:{hash_password(LEAD_PASSWORD)}"
SECRET_KEY = "test-secret-key-not-for-production-0123456789"
# The same Debian chromium and flags as the site's PDF report uses.


@pytest.fixture(scope="session", autouse=True)
def _site_state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The site's shared state (login store, shared callback answers) in a folder of the
    session, never in the repository's data/; a test that needs its own sets it again."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COP_SITE_STATE_DIR", str(tmp_path_factory.mktemp("site-state")))
        yield


@pytest.fixture(scope="session")
def release_dir(request: pytest.FixtureRequest) -> Path:
    """The release the browser tests serve: the real pipeline's (tests/conftest.py), or, when
    COP_TEST_RELEASE_DIR is set, that published release folder (quick runs while developing)."""
    if explicit := os.environ.get("COP_TEST_RELEASE_DIR"):
        return Path(explicit).resolve()
    return request.getfixturevalue("pipeline_run").release_dir


@pytest.fixture(scope="session")
def sample_release_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made release of release_fixture.py (pure tests assert its exact numbers)."""
    return write_sample_release(tmp_path_factory.mktemp("publish") / "sample-release")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout}s:\n{log.read_text()}")


def site_environment(release_dir: Path, state_dir: Path) -> dict[str, str]:
    """The environment of a test gunicorn: the release, a state folder of its own, the test
    user and key, and cookies without `Secure` (the tests speak plain HTTP on loopback)."""
    env = {
        **os.environ,
        "COP_RELEASE_DIR": str(release_dir),
        "COP_SITE_STATE_DIR": str(state_dir),
        "COP_LEADERSHIP_USERS": LEAD_USERS,
        "COP_SECRET_KEY": SECRET_KEY,
        "COP_COOKIE_SECURE": "0",
    }
    env.pop("COP_LEADERSHIP_USERS_FILE", None)
    return env


@contextmanager
def gunicorn(env: dict[str, str], log: Path, *options: str) -> Iterator[str]:
    """The site under gunicorn (the site's own gunicorn settings, then `options`) on a free
    loopback port; yields its address and stops it afterwards."""
    port = _free_port()
    command = [
        sys.executable, "-m", "gunicorn", "-c", "python:dashboard.gunicorn_conf",
        "--bind", f"127.0.0.1:{port}", *options, "dashboard.app:server",
    ]  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def site_url(release_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site under gunicorn (one worker, four threads) serving `release_dir`."""
    folder = tmp_path_factory.mktemp("gunicorn")
    env = site_environment(release_dir, folder / "state")
    with gunicorn(env, folder / "gunicorn.log", "--workers", "1") as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, headless, with nothing reaching for the network."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def _patient_browser(request: pytest.FixtureRequest) -> None:
    """Dash renders after its callbacks answer; on a busy 2-core machine that can take more
    than Playwright's 5 s default, which made the browser tests flaky under load."""
    if "page" in request.fixturenames:
        from playwright.sync_api import expect

        expect.set_options(timeout=20_000)
        request.getfixturevalue("page").set_default_timeout(30_000)
