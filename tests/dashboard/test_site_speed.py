"""Speed without staleness: whole-indicator downloads pre-built at publish time and served as
static files with ETags, compressed text responses, and the pure callbacks cached per release."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.benchmark import page_body
from dashboard.callback_cache import CACHE_HEADER, ReleaseCache, SharedAnswers, is_pure
from dashboard.queries import PAGE_DOWNLOAD_KINDS, indicator_downloads
from dashboard.release import Release, load_release
from publish.downloads import download_names, write_indicator_downloads
from tests.dashboard.release_fixture import COUNT, RATE, RELEASE_ID, write_sample_release

SLUG = RATE["slug"]
GZIP = {"Accept-Encoding": "gzip"}


def _published_rows(release: Release, slug: str) -> pd.DataFrame:
    """Every published row of one indicator, in the downloads' order (publish/downloads.py)."""
    rows = release.values[release.values["slug"] == slug]
    return rows.sort_values(["geo_scheme", "period", "geo_code"]).reset_index(drop=True)


def _with_downloads(folder: Path, release_id: str = RELEASE_ID) -> Path:
    """The hand-made release, plus the downloads publish/release.py writes."""
    write_sample_release(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["release_id"] = release_id
    values = pd.read_parquet(folder / "indicator_values.parquet")
    indicators = pd.read_csv(folder / "indicators.csv", dtype=str, keep_default_na=False)
    manifest["downloads"] = write_indicator_downloads(folder, values, indicators, manifest)
    manifest["files"] += [n for names in manifest["downloads"].values() for n in names.values()]
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def publish_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """publish/ with two releases and `current` pointing at the first."""
    publish = tmp_path_factory.mktemp("publish-speed")
    _with_downloads(publish / "releases" / "a", "release-a")
    _with_downloads(publish / "releases" / "b", "release-b")
    (publish / "current").symlink_to(Path("releases") / "a")
    return publish


@pytest.fixture(scope="module")
def app(publish_dir: Path):
    return create_app(publish_dir / "current")


def _switch(publish_dir: Path, folder: str) -> None:
    link = publish_dir / "current"
    link.unlink()
    link.symlink_to(Path("releases") / folder)


# ---- publish side ----------------------------------------------------------------------------


def _page_files(slug: str) -> dict[str, str]:
    return {k: v for k, v in download_names(slug).items() if k in PAGE_DOWNLOAD_KINDS}


def test_publish_writes_each_indicator_as_the_site_would_read_it(tmp_path: Path) -> None:
    folder = _with_downloads(tmp_path / "release")
    release = load_release(folder)
    manifest = release.manifest
    assert set(manifest["downloads"]) == {RATE["slug"], COUNT["slug"]}
    for slug in (RATE["slug"], COUNT["slug"]):
        names = download_names(slug)
        assert manifest["downloads"][slug] == names
        # the page offers the spreadsheet files; the JSON is for programs (stable addresses)
        assert indicator_downloads(release, slug) == _page_files(slug)
        document = json.loads((folder / names["json"]).read_text(encoding="utf-8"))
        assert len(document["values"]) == len(_published_rows(release, slug))
        raw = (folder / names["csv"]).read_bytes()
        assert raw.startswith("\ufeff".encode())  # spreadsheet programs read it as UTF-8
        csv = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str)
        expected = _published_rows(release, slug)
        assert len(csv) == len(expected) > 0
        assert csv["geo_code"].tolist() == expected["geo_code"].astype(str).tolist()
        assert csv["period"].tolist() == expected["period"].tolist()
        sheets = pd.read_excel(folder / names["xlsx"], sheet_name=None, dtype=str)
        assert set(sheets) == {"Data", "Metadata"}
        assert len(sheets["Data"]) == len(expected)
        meta = dict(zip(sheets["Metadata"]["field"], sheets["Metadata"]["value"], strict=True))
        assert meta["slug"] == slug and meta["release_id"] == RELEASE_ID


def test_a_release_without_downloads_offers_no_whole_indicator_link(
    sample_release_dir: Path,
) -> None:
    release = load_release(sample_release_dir)
    assert indicator_downloads(release, SLUG) == {}
    response = create_app(sample_release_dir).server.test_client().post(
        "/_dash-update-component", data=page_body(f"/indicators/{SLUG}"),
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert "/release-files/indicator-" not in text and "Toàn bộ chỉ số" not in text


# ---- the files, as the site serves them ------------------------------------------------------


def test_indicator_page_links_the_prebuilt_files(app, publish_dir: Path) -> None:
    _switch(publish_dir, "a")
    response = app.server.test_client().post(
        "/_dash-update-component", data=page_body(f"/indicators/{SLUG}"),
        content_type="application/json",
    )  # fmt: skip
    text = json.dumps(response.get_json(), ensure_ascii=False)  # Dash writes "/" as \u002f
    for kind, name in _page_files(SLUG).items():
        assert f'"href": "/release-files/{name}"' in text
        assert f"{ids.INDICATOR_DL_FILE_PREFIX}{kind}" in text


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_download_has_an_etag_and_a_repeat_is_304(app, publish_dir: Path, kind: str) -> None:
    _switch(publish_dir, "a")
    client = app.server.test_client()
    url = f"/release-files/{download_names(SLUG)[kind]}"
    first = client.get(url)
    assert first.status_code == 200
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    assert first.headers["Cache-Control"] == "no-cache"
    assert (
        first.headers["Content-Type"]
        == {
            "csv": "text/csv; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[kind]
    )
    assert f"filename={SLUG}_release-a.{kind}" in first.headers["Content-Disposition"]
    assert first.data == (publish_dir / "releases" / "a" / download_names(SLUG)[kind]).read_bytes()
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    since = client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    assert "Content-Security-Policy" in again.headers  # the security headers on a 304 too


def test_a_new_release_changes_the_etag(app, publish_dir: Path) -> None:
    client = app.server.test_client()
    url = f"/release-files/{download_names(SLUG)['csv']}"
    _switch(publish_dir, "a")
    etag_a = client.get(url).headers["ETag"]
    _switch(publish_dir, "b")
    try:
        answer = client.get(url, headers={"If-None-Match": etag_a})
        assert answer.status_code == 200 and answer.headers["ETag"] != etag_a
        assert answer.headers["X-Release-Id"] == "release-b"
    finally:
        _switch(publish_dir, "a")


# ---- compression -----------------------------------------------------------------------------


def test_text_responses_are_gzipped_when_the_client_accepts_it(app, publish_dir: Path) -> None:
    _switch(publish_dir, "a")
    client = app.server.test_client()
    page = client.get(f"/indicators/{SLUG}", headers=GZIP)
    assert page.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(page.data).decode()
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page.headers
    assert "Accept-Encoding" in page.headers["Vary"]
    script = next(s for s in _script_sources(html) if "dash_renderer" in s or "dash/" in s)
    js = client.get(script, headers=GZIP)
    assert js.status_code == 200 and js.headers["Content-Encoding"] == "gzip"
    callback = client.post(
        "/_dash-update-component", data=page_body("/"), content_type="application/json",
        headers=GZIP,
    )  # fmt: skip
    assert callback.headers["Content-Encoding"] == "gzip"
    assert "response" in json.loads(gzip.decompress(callback.data))
    csv = client.get(f"/release-files/{download_names(SLUG)['csv']}", headers=GZIP)
    assert csv.headers["Content-Encoding"] == "gzip"
    original = (publish_dir / "releases" / "a" / download_names(SLUG)["csv"]).read_bytes()
    assert gzip.decompress(csv.data) == original
    assert client.get(csv.request.path, headers={**GZIP, "If-None-Match": csv.headers["ETag"]})\
        .status_code == 304  # fmt: skip


def test_compressed_static_files_are_kept_and_nothing_else(app) -> None:
    client = app.server.test_client()
    html = client.get("/").get_data(as_text=True)
    kept = app.server.extensions["static_compress_cache"]
    script = _script_sources(html)[0]
    first = client.get(script, headers=GZIP)
    before = len(kept)
    second = client.get(script, headers=GZIP)
    assert first.data == second.data and len(kept) == before >= 1
    assert second.headers["Content-Encoding"] == "gzip"
    for _ in range(2):  # pages and callbacks are compressed afresh, never kept here
        client.get("/", headers=GZIP)
        client.post("/_dash-update-component", data=page_body("/"),
                    content_type="application/json", headers=GZIP)  # fmt: skip
    assert len(kept) == before


def test_brotli_first_and_nothing_without_accept_encoding(app) -> None:
    client = app.server.test_client()
    assert client.get("/", headers={"Accept-Encoding": "gzip, br"}).headers[
        "Content-Encoding"
    ] == "br"  # fmt: skip
    plain = client.get("/")
    assert "Content-Encoding" not in plain.headers
    assert plain.get_data(as_text=True).startswith("<!DOCTYPE html>")


def test_binary_files_and_byte_ranges_are_sent_as_they_are(app) -> None:
    client = app.server.test_client()
    xlsx = client.get(f"/release-files/{download_names(SLUG)['xlsx']}", headers=GZIP)
    assert "Content-Encoding" not in xlsx.headers
    ranged = client.get(
        f"/release-files/{download_names(SLUG)['csv']}", headers={**GZIP, "Range": "bytes=0-9"}
    )
    assert ranged.status_code == 206 and len(ranged.data) == 10
    assert "Content-Encoding" not in ranged.headers


def test_small_edge_answers_stay_plain(app) -> None:
    client = app.server.test_client()
    repeated = client.get("/search?q=a&q=b", headers=GZIP)
    assert repeated.status_code == 400 and "Content-Encoding" not in repeated.headers
    too_big = client.post(
        "/_dash-update-component", data=b"x" * (1024 * 1024 + 1),
        content_type="application/json", headers=GZIP,
    )  # fmt: skip
    assert too_big.status_code == 413


def _script_sources(html: str) -> list[str]:
    import re

    return re.findall(r'<script[^>]+src="([^"]+)"', html)


# ---- the callback cache ----------------------------------------------------------------------


def test_page_callback_is_cached_per_release(app, publish_dir: Path) -> None:
    client = app.server.test_client()
    body = page_body(f"/en/indicators/{COUNT['slug']}")

    def render():
        return client.post("/_dash-update-component", data=body, content_type="application/json")

    _switch(publish_dir, "a")
    first, second = render(), render()
    assert first.headers[CACHE_HEADER] == "miss" and second.headers[CACHE_HEADER] == "hit"
    assert first.data == second.data and b"release-a" in first.data
    assert second.headers["Content-Type"] == first.headers["Content-Type"]
    assert "Content-Security-Policy" in second.headers
    _switch(publish_dir, "b")
    try:
        third = render()
        assert third.headers[CACHE_HEADER] == "miss"  # another release id: invalidated
        assert b"release-b" in third.data and b"release-a" not in third.data
        assert render().headers[CACHE_HEADER] == "hit"
    finally:
        _switch(publish_dir, "a")
    assert render().headers[CACHE_HEADER] == "miss"  # back to a: the cache holds one release


def test_an_answer_one_worker_rendered_is_not_rendered_by_another(publish_dir: Path) -> None:
    """Two apps on one state folder stand for two gunicorn workers."""
    first, second = (create_app(publish_dir / "current").server.test_client() for _ in range(2))
    body = page_body(f"/en/indicators/{RATE['slug']}")

    def render(client):
        return client.post("/_dash-update-component", data=body, content_type="application/json")

    _switch(publish_dir, "a")
    rendered = render(first)
    assert rendered.headers[CACHE_HEADER] == "miss"
    shared = render(second)
    assert shared.headers[CACHE_HEADER] == "shared" and shared.data == rendered.data
    assert shared.headers["Content-Type"] == rendered.headers["Content-Type"]
    assert render(second).headers[CACHE_HEADER] == "hit"  # now in the second one's memory
    _switch(publish_dir, "b")
    try:
        answer = render(second)
        assert answer.headers[CACHE_HEADER] == "miss" and b"release-b" in answer.data
        assert render(first).headers[CACHE_HEADER] == "shared"
    finally:
        _switch(publish_dir, "a")
    assert render(first).headers[CACHE_HEADER] == "miss"  # the file holds one release


def test_shared_answers_are_bounded_and_a_broken_file_is_a_miss(tmp_path: Path) -> None:
    answers = SharedAnswers(tmp_path / "state" / "answers.sqlite3", max_bytes=100)
    answers.put("r1", b"k1", b"x" * 40, "application/json")
    answers.put("r1", b"k2", b"y" * 40, "application/json")
    answers.put("r1", b"k3", b"z" * 40, "application/json")  # 120 bytes: the oldest leaves
    assert answers.get("r1", b"k1") is None
    assert answers.get("r1", b"k3") == (b"z" * 40, "application/json")
    assert answers.get("r2", b"k3") is None  # another release never sees it
    assert (tmp_path / "state").stat().st_mode & 0o777 == 0o700
    assert answers.path.stat().st_mode & 0o777 == 0o600
    answers.path.unlink()
    answers.path.mkdir()  # not a database any more: a miss, never an error
    assert answers.get("r1", b"k3") is None
    answers.put("r1", b"k4", b"w", "application/json")


def test_downloads_and_malformed_callbacks_are_never_cached(app) -> None:
    assert not is_pure({"output": f"{ids.INDICATOR_DOWNLOAD}.data"})
    assert not is_pure({"output": 5}) and not is_pure([])
    assert is_pure(json.loads(page_body("/")))
    client = app.server.test_client()
    bad = client.post("/_dash-update-component", data=b"{}", content_type="application/json")
    assert bad.status_code == 400 and CACHE_HEADER not in bad.headers


def test_release_cache_is_bounded_and_cleared_by_a_new_release() -> None:
    cache = ReleaseCache(max_bytes=100, max_entry_bytes=60)
    cache.put("r1", b"k1", b"x" * 40, "application/json")
    cache.put("r1", b"k2", b"x" * 40, "application/json")
    cache.put("r1", b"k3", b"x" * 40, "application/json")  # over 100 bytes: k1 goes
    assert cache.get("r1", b"k1") is None and cache.get("r1", b"k3") is not None
    assert cache.size <= 100
    cache.put("r1", b"big", b"x" * 80, "application/json")  # over one entry's limit: not kept
    assert cache.get("r1", b"big") is None
    assert cache.get("r2", b"k3") is None and len(cache) == 0


def test_copy_of_a_release_keeps_its_downloads(tmp_path: Path) -> None:
    """The files are plain files of the release folder: a copy (a mirror, a backup) serves."""
    folder = _with_downloads(tmp_path / "one")
    copy = tmp_path / "two"
    shutil.copytree(folder, copy)
    assert indicator_downloads(load_release(copy), SLUG) == _page_files(SLUG)
