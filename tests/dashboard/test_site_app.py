"""The app factory and page layouts, without a browser (Flask test client)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import dash
import pytest

from dashboard.app import create_app
from tests.dashboard.release_fixture import RATE, RELEASE_ID

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def app(sample_release_dir: Path) -> dash.Dash:
    return create_app(sample_release_dir)


def _texts(component) -> str:
    """All text in a layout tree, for assertions."""
    return json.dumps(component.to_plotly_json(), cls=_Encoder, ensure_ascii=False)


class _Encoder(json.JSONEncoder):
    def default(self, o):
        return o.to_plotly_json() if hasattr(o, "to_plotly_json") else str(o)


def _layout(app: dash.Dash, page: str, **kwargs):
    with app.server.test_request_context("/"):
        return dash.page_registry[f"dashboard.pages.{page}"]["layout"](**kwargs)


def test_import_and_create_read_no_data(tmp_path: Path) -> None:
    """Importing the module makes no app; creating one reads nothing (no release exists)."""
    code = (
        "import dashboard.app as m\n"
        "assert m._app is None\n"
        "app = m.create_app()\n"
        "import dash, json\n"
        "with app.server.test_request_context('/'):\n"
        "    page = dash.page_registry['dashboard.pages.home']['layout']()\n"
        "enc = lambda o: o.to_plotly_json()\n"
        "text = json.dumps(page.to_plotly_json(), default=enc, ensure_ascii=False)\n"
        "assert 'Chưa có bản phát hành' in text, text\n"
        "print('ok')\n"
    )
    env = {**os.environ, "COP_RELEASE_DIR": str(tmp_path / "missing")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_frame_has_banner_title_and_footer(app: dash.Dash) -> None:
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    assert client.get(f"/indicators/{RATE['slug']}").status_code == 200
    assert client.get("/indicators/anything").status_code == 404
    vi = _texts(_layout(app, "home"))
    assert "DỮ LIỆU MẪU" in vi
    assert "Chỉ số Chương trình bảo vệ trẻ em trên môi trường mạng 2021–2025" in vi
    assert RELEASE_ID in vi and "31/12/2025" in vi
    en = _texts(_layout(app, "home_en"))
    assert "SAMPLE DATA" in en and "31 Dec 2025" in en and "DỮ LIỆU MẪU" not in en


def test_html_lang_follows_the_address(app: dash.Dash) -> None:
    client = app.server.test_client()
    assert '<html lang="vi">' in client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/en/").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/en/indicators/x").get_data(as_text=True)
    assert '<html lang="vi">' in client.get("/indicators/x").get_data(as_text=True)


def test_language_switch_keeps_page_and_query(app: dash.Dash) -> None:
    vi = _layout(app, "indicator", slug=RATE["slug"], scheme="province_2025")
    en = _layout(app, "indicator_en", slug=RATE["slug"], scheme="province_2025")
    assert f'"/en/indicators/{RATE["slug"]}?scheme=province_2025"' in _texts(vi)
    assert f'"/indicators/{RATE["slug"]}?scheme=province_2025"' in _texts(en)


def test_plotly_is_served_locally(app: dash.Dash) -> None:
    index = app.server.test_client().get("/").get_data(as_text=True)
    assert "cdn" not in index.lower()


def test_home_lists_both_indicators(app: dash.Dash) -> None:
    text = _texts(_layout(app, "home"))
    assert "96,2%" in text and "15.210 ca" in text  # IND-04's unit label
    assert "Theo dõi (không có mục tiêu)" in text
    assert "100% vào năm 2025" in text
    english = _texts(_layout(app, "home_en"))
    assert "96.2%" in english and "15,210 cases" in english and "100% by 2025" in english


def test_home_scorecard_never_invents_a_value(app: dash.Dash) -> None:
    text = _texts(_layout(app, "home"))
    assert "Mục tiêu đến năm 2025" in text and "T2" in text


def test_indicator_page_and_unknown_slug(app: dash.Dash) -> None:
    page = _texts(_layout(app, "indicator", slug=RATE["slug"]))
    assert "Mục tiêu chính thức" in page and "indicator-province-grid" in page
    assert "indicator-tile-map" in page and "Hoàng Sa" in page
    missing = _texts(_layout(app, "indicator", slug="no-such-indicator"))
    assert "Không tìm thấy chỉ số" in missing
    english = _texts(_layout(app, "indicator_en", slug=RATE["slug"]))
    assert "Official target" in english and "Suppressed" in english


def test_grid_rows_show_suppressed_cells_as_hidden(app: dash.Dash) -> None:
    from dashboard.queries import indicator_by_slug
    from dashboard.release import current_release
    from dashboard.views.province_view import grid_rows

    with app.server.test_request_context("/"):
        release = current_release()
        indicator = indicator_by_slug(release, RATE["slug"])
        rows = grid_rows(release, indicator, "2025", "province_2004")
        english = grid_rows(release, indicator, "2025", "province_2004", "en")
    assert len(rows) == 63
    cell = next(row for row in rows if row["geo_code"] == "02")
    assert cell["value"] is None and cell["numerator"] is None
    assert cell["value_display"] == cell["numerator_display"] == "Ẩn"
    assert next(r for r in english if r["geo_code"] == "02")["value_display"] == "Suppressed"


def test_other_pages_render_in_both_languages(app: dash.Dash) -> None:
    for page, kwargs, expected in [
        ("province", {"scheme": "province_2004", "code": "05"}, "Tỉnh mẫu 05"),
        ("province_en", {"scheme": "province_2025", "code": "05"}, "Tỉnh mới 05"),
        ("province", {"scheme": "province_2004", "code": "99"}, "Không tìm thấy tỉnh"),
        ("search", {"q": "tinh mau 05"}, "Tỉnh mẫu 05"),
        ("search_en", {"q": "ty le tre em"}, RATE["code"]),
        ("data", {}, "indicator_values.csv"),
        ("methodology_en", {}, "Disclosure control"),
        ("embed", {"slug": RATE["slug"]}, "CC BY 4.0"),
    ]:
        text = _texts(_layout(app, page, **kwargs))
        assert expected in text, (page, kwargs)


def test_release_files_route_serves_only_listed_files(app: dash.Dash) -> None:
    client = app.server.test_client()
    ok = client.get("/release-files/indicator_values.csv")
    assert ok.status_code == 200 and ok.data.startswith(b"indicator_code")
    for bad in (
        "../manifest.json",
        "..%2Fmanifest.json",
        "nothing.csv",
        "%2Fetc%2Fpasswd",
        "indicator_values.parquet/../manifest.json",
    ):
        response = client.get(f"/release-files/{bad}")
        # 404 from the route, or the site's own HTML page: never a file from the disk.
        served = "attachment" in response.headers.get("Content-Disposition", "")
        assert response.status_code == 404 or not served, bad
        assert b"root:" not in response.data and b'"release_id"' not in response.data
