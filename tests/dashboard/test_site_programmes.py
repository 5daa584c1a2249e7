"""A programme is data: a new programme file reaches the site through dbt and the release, with
no code change; the shipped draft is labelled and never judged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import dash
import duckdb
import pandas as pd
import pytest
import yaml

from dashboard import i18n
from dashboard import programmes as prog
from dashboard import release as rel
from dashboard.app import create_app
from dashboard.routing import page_head
from dashboard.scorecard import report_years, target_lines
from dashboard.views.leadership_view import scorecard_sections
from orchestration.settings import DBT_PROJECT_DIR, dbt_executable
from schemas.registry_files import REGISTRY_DIR, load_registry
from schemas.registry_tables import registry_tables
from tests.dashboard.release_fixture import RATE, write_sample_release

NEW_ID = "test_programme_2031_2035"
NEW_PROGRAMME = {
    "programme_id": NEW_ID,
    "name": {"vi": "Chương trình thử nghiệm 2031–2035", "en": "Test programme 2031–2035"},
    "legal_basis": {"vi": "Chưa có quyết định", "en": "No decision yet"},
    "status": "draft",
    "status_text": {"vi": "Chỉ để kiểm thử, minh họa.", "en": "For a test only, illustrative."},
    "start_year": 2031,
    "end_year": 2035,
    "targets": [
        {
            "target_id": "X2",
            "indicator_code": "IND-02",
            "target_year": 2035,
            "target_value": 100,
            "unit": "percent",
            "kind": "illustrative",
            "text": {"vi": "Mục tiêu thử X2", "en": "Test target X2"},
        }
    ],
}


def _texts(component) -> str:
    return json.dumps(component, default=lambda o: o.to_plotly_json(), ensure_ascii=False)


def _page(app: dash.Dash, page: str, **query) -> str:
    with app.server.test_request_context("/"):
        return _texts(dash.page_registry[f"dashboard.pages.{page}"]["layout"](**query))


def _pub_programmes(registry_dir: Path, work: Path) -> pd.DataFrame:
    """pub_programmes as dbt builds it from the registry in `registry_dir` (the same
    raw_registry__* rows the Dagster registry asset loads)."""
    warehouse = work / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        for table, rows in registry_tables(load_registry(registry_dir)).items():
            con.register("rows_", pd.DataFrame(rows))
            con.execute(f"create table main.{table} as select * from rows_")
            con.unregister("rows_")
    dbt = dbt_executable()  # sets the variables its wrapper reads
    env = {
        **os.environ,
        "COP_WAREHOUSE_PATH": str(warehouse),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    project = str(DBT_PROJECT_DIR)
    result = subprocess.run(
        [dbt, "--no-use-colors", "run", "--no-partial-parse",
         "--select", "stg_registry__programmes", "pub_programmes",
         "--project-dir", project, "--profiles-dir", project],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select * from public.pub_programmes order by start_year").df()


@pytest.fixture(scope="module")
def release_with_a_new_programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made release plus programmes.csv built by dbt from the shipped registry and a
    temporary programme file, and that programme's target as pub_targets publishes it."""
    work = tmp_path_factory.mktemp("programme")
    registry_dir = work / "registry"
    shutil.copytree(REGISTRY_DIR / "indicators", registry_dir / "indicators")
    shutil.copytree(REGISTRY_DIR / "programmes", registry_dir / "programmes")
    (registry_dir / "programmes" / f"{NEW_ID}.yml").write_text(
        yaml.safe_dump(NEW_PROGRAMME, allow_unicode=True), encoding="utf-8"
    )
    release = write_sample_release(work / "release")
    _pub_programmes(registry_dir, work).to_csv(release / "programmes.csv", index=False)
    targets = pd.read_csv(release / "targets.csv", dtype=str, keep_default_na=False)
    targets["programme_id"] = "decision_830_2021_2025"  # the shipped programme's id
    typed_in = pd.DataFrame(registry_tables(load_registry(registry_dir))["raw_registry__targets"])
    new = typed_in[typed_in["programme_id"] == NEW_ID][targets.columns]
    pd.concat([targets, new.astype(str)]).to_csv(release / "targets.csv", index=False)
    return release


def test_a_new_programme_file_reaches_the_site_without_code(
    release_with_a_new_programme: Path,
) -> None:
    release = rel.load_release(release_with_a_new_programme)
    known = [p["programme_id"] for p in prog.programmes(release)]
    assert known == ["decision_830_2021_2025", "child_online_2026_2030", NEW_ID]
    app = create_app(release_with_a_new_programme)

    home = _page(app, "home")  # the current adopted programme by default, with a chooser
    assert "programme-chooser" in home and "Chương trình thử nghiệm 2031–2035" in home
    assert "Mục tiêu đến năm 2025" in home and "programme-draft" not in home

    chosen = _page(app, "home_en", programme=NEW_ID)
    assert "Targets for 2035" in chosen and "Test target X2" in chosen
    assert "For a test only, illustrative." in chosen and "Illustrative, not official" in chosen
    assert '"data-target": "T2"' not in chosen  # T2 belongs to the 2021-2025 programme

    sections = _texts(scorecard_sections(release, "vi", previous=None, programme_id=NEW_ID))
    assert all(f'"data-year": "{year}"' in sections for year in range(2031, 2036))
    assert '"data-year": "2025"' not in sections
    assert report_years(release, NEW_ID) == ["2031", "2032", "2033", "2034", "2035"]


def test_a_draft_target_is_never_judged(release_with_a_new_programme: Path) -> None:
    release = rel.load_release(release_with_a_new_programme)
    [line] = target_lines(release, programme_id=NEW_ID)
    assert line.target_id == "X2" and not line.official
    assert line.row is None  # the 2025 value belongs to the 2021-2025 programme's years
    assert set(line.statuses.values()) == {"no_data"}
    current = {line.target_id: line for line in target_lines(release)}
    assert current["T2"].official and current["T2"].row is not None


def test_no_programme_year_is_written_in_site_code() -> None:
    """Years come from the release: no string or number in the site's code (docstrings aside)
    is a year, except the province schemes' names."""
    import ast
    import re

    year = re.compile(r"(?<![\d_])20[0-9]{2}(?!\d)")
    found = []
    for path in sorted((Path(prog.__file__).parent).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or id(node) in docstrings:
                continue
            if isinstance(node.value, int) and 2000 <= node.value <= 2100:
                found.append(f"{path.name}:{node.lineno}: {node.value}")
            elif isinstance(node.value, str) and year.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value[:40]!r}")
    assert not found, found


# The site's words that may name a year: the 1 July 2025 province switch and its two lists.
SWITCH_WORDING = ("scheme.province_", "prov.merged_into", "prov.kept", "prov.merged_from")
SWITCH_WORDING += ("method.provinces", "lead.lag_note")


def test_no_programme_year_or_activity_is_written_in_the_catalogues_or_templates() -> None:
    """The programme's years, title, decision and plan activities are programme data
    (schemas/programmes, published as programmes.csv and activities.csv): the catalogues and
    the templates name none of them."""
    import re

    year = re.compile(r"(?<![\d_])20[0-9]{2}(?!\d)")
    found = [
        f"{lang}.yml: {key}"
        for lang, texts in i18n.CATALOGUES.items()
        for key, text in texts.items()
        if year.search(text) and not key.startswith(SWITCH_WORDING)
    ]
    templates = Path(prog.__file__).parent / "templates"
    found += [p.name for p in templates.glob("*.html") if year.search(p.read_text())]
    assert found == []
    keys = set(i18n.CATALOGUES["vi"])
    assert not {k for k in keys if k.startswith("activity.")}
    decision = re.compile(r"\b83[08]\b")  # the decision and the plan, in full or not
    found = [
        f"{lang}.yml: {key}"
        for lang, texts in i18n.CATALOGUES.items()
        for key, text in texts.items()
        if decision.search(text)
    ]
    assert found == []


def test_the_programme_names_itself_on_the_site(tmp_path: Path) -> None:
    """The site's title, subtitle, footer, methodology, official-target label and the home page's
    activity names come from programmes.csv and activities.csv."""
    folder = write_sample_release(tmp_path / "release")
    programmes = pd.read_csv(folder / "programmes.csv", dtype=str, keep_default_na=False)
    programmes = programmes.assign(
        short_name_vi="Chương trình thử",
        decision_vi="Quyết định 999/QĐ-TTg",
        plan_vi="Kế hoạch 99",
        name_vi="Chương trình thử nghiệm giai đoạn 2021–2025",
    )
    programmes.to_csv(folder / "programmes.csv", index=False)
    activities = pd.read_csv(folder / "activities.csv", dtype=str, keep_default_na=False)
    activities.loc[activities["activity"] == "4a", "name_vi"] = "Hoạt động thử nghiệm"
    activities.to_csv(folder / "activities.csv", index=False)
    release = rel.load_release(folder)
    app = create_app(folder)

    home = _page(app, "home")
    assert "Chỉ số Chương trình thử 2021–2025" in home
    assert "Quyết định 999/QĐ-TTg · Kế hoạch 99" in home
    assert "(Quyết định 999/QĐ-TTg); Kế hoạch 99. Tổng đài quốc gia bảo vệ trẻ em: 111." in home
    assert "Hoạt động 4a: Hoạt động thử nghiệm" in home
    assert "Ba mục tiêu của Quyết định 999/QĐ-TTg và" in home
    assert "theo hoạt động của Kế hoạch 99." in home
    assert "838" not in home
    method = _page(app, "methodology")
    assert "mục tiêu ghi trong Quyết định 999/QĐ-TTg cho năm 2025" in method
    indicator = _page(app, "indicator", slug=RATE["slug"])
    assert "Mục tiêu chính thức (Quyết định 999/QĐ-TTg)" in indicator
    assert prog.site_title(release, "en") == (
        "Indicators of the programme on protecting children online, 2021–2025"
    )
    with app.server.test_request_context("/"):
        assert page_head("/")["title"] == "Chỉ số Chương trình thử 2021–2025"
        assert page_head("/search")["description"] == (
            "Số liệu mở về Chương trình thử nghiệm giai đoạn 2021–2025."
        )
    assert prog.site_description(None, "en") == i18n.t("site.description_plain", "en")
    assert prog.site_title(None, "vi") == i18n.t("site.name", "vi")  # no release: no programme


def test_the_leadership_page_offers_the_programmes(
    release_with_a_new_programme: Path, monkeypatch
) -> None:
    app = create_app(release_with_a_new_programme)
    from dashboard.pages import leadership  # registered by create_app

    monkeypatch.setattr(leadership, "configured_users", lambda: {"lead": "x"})
    monkeypatch.setattr(leadership, "signed_in_user", lambda: "lead")
    monkeypatch.setattr(leadership, "csrf_token", lambda: "token")
    current = _page(app, "leadership")
    assert "programme-chooser" in current and "programme-draft" not in current
    assert '"data-programme": "decision_830_2021_2025"' in current
    chosen = _page(app, "leadership_en", programme=NEW_ID)
    assert "Test programme 2031–2035" in chosen and "For a test only, illustrative." in chosen
    assert f'"data-programme": "{NEW_ID}"' in chosen and '"data-year": "2035"' in chosen
