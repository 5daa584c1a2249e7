"""Stable addresses of the release's files: /releases/<release id>/<file> for good (immutable),
/releases/latest/<file> for the current release; anything else is a 404."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dashboard.app import create_app

PAST_ID = "20240101T000000Z-0123abcd"


@pytest.fixture(scope="module")
def site(release_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The pipeline's release as the current one, beside an earlier release kept on disk."""
    releases = tmp_path_factory.mktemp("publish") / "releases"
    current = releases / release_dir.name
    shutil.copytree(release_dir, current)
    past = releases / PAST_ID
    shutil.copytree(release_dir, past)
    (past / "indicators.csv").chmod(0o644)
    (past / "indicators.csv").write_text("an earlier release's indicators\n", encoding="utf-8")
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
    return create_app(current).server.test_client(), manifest, current


def test_latest_and_the_release_id_serve_the_current_files(site):
    client, manifest, current = site
    release_id = manifest["release_id"]
    name = next(iter(manifest["downloads"].values()))["json"]
    latest = client.get(f"/releases/latest/{name}")
    by_id = client.get(f"/releases/{release_id}/{name}")
    assert latest.status_code == by_id.status_code == 200
    assert latest.data == by_id.data == (current / name).read_bytes()
    assert latest.headers["Cache-Control"] == "no-cache"
    assert "immutable" in by_id.headers["Cache-Control"]
    assert by_id.headers["X-Release-Id"] == release_id
    assert client.get(f"/releases/{release_id}/sdmx-structure.xml").mimetype == "application/xml"


def test_an_earlier_release_is_served_from_its_own_folder(site):
    client, _, _ = site
    answer = client.get(f"/releases/{PAST_ID}/indicators.csv")
    assert answer.status_code == 200
    assert answer.data == b"an earlier release's indicators\n"
    assert answer.headers["X-Release-Id"] == PAST_ID


@pytest.mark.parametrize(
    "path",
    [
        "/releases/20990101T000000Z-ffffffff/indicators.csv",  # no such release
        f"/releases/{PAST_ID}/not-listed.csv",
        f"/releases/{PAST_ID}/..%2Fmanifest.json",
        "/releases/..%2F..%2Fetc/passwd",
        "/releases/latest/.staging",
        "/releases/not-an-id/indicators.csv",
    ],
)
def test_anything_else_is_not_found(site, path):
    client, _, _ = site
    assert client.get(path).status_code == 404
