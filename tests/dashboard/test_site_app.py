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
        "page = app.server.test_client().get('/_dash-layout').get_data(as_text=True)\n"
        "assert 'Chưa có bản phát hành' in page, page\n"
        "print('ok')\n"
    )
    env = {**os.environ, "COP_RELEASE_DIR": str(tmp_path / "missing")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_shell_has_banner_title_and_footer(app: dash.Dash) -> None:
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/indicators/anything").status_code == 200
    shell = client.get("/_dash-layout").get_data(as_text=True)
    shell = json.loads(shell)
    text = json.dumps(shell, ensure_ascii=False)
    assert "DỮ LIỆU MẪU / SAMPLE DATA" in text
    assert "Chỉ số Chương trình bảo vệ trẻ em trên môi trường mạng 2021–2025" in text
    assert RELEASE_ID in text and "31/12/2025" in text


def test_plotly_is_served_locally(app: dash.Dash) -> None:
    index = app.server.test_client().get("/").get_data(as_text=True)
    assert "cdn" not in index.lower()
    assert 'lang="vi"' in index


def test_home_lists_both_indicators(app: dash.Dash) -> None:
    text = _texts(_layout(app, "home"))
    assert "96,2%" in text and "15.210 lượt" in text
    assert "Theo dõi (monitoring)" in text
    assert "100% vào năm 2025" in text


def test_indicator_page_and_unknown_slug(app: dash.Dash) -> None:
    page = _texts(_layout(app, "indicator", slug=RATE["slug"]))
    assert "Mục tiêu chính thức" in page and "indicator-province-grid" in page
    missing = _texts(_layout(app, "indicator", slug="no-such-indicator"))
    assert "Không tìm thấy chỉ số" in missing


def test_grid_rows_show_suppressed_cells_as_hidden(app: dash.Dash) -> None:
    module = sys.modules["dashboard.pages.indicator"]
    with app.server.test_request_context("/"):
        release = module.current_release()
        indicator = module.indicator_by_slug(release, RATE["slug"])
        rows = module.grid_rows(release, indicator, "2025", "province_2004")
    assert len(rows) == 63
    cell = next(row for row in rows if row["geo_code"] == "02")
    assert cell["value"] is None and cell["numerator"] is None
    assert cell["value_display"] == cell["numerator_display"] == "Ẩn (<5)"
