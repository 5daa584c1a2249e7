"""Smaller readers' details, through the Flask test client on the served release: activities
in the plan's order on home, readable /data headers, every status rule in words on
/methodology, and whole counts written as whole numbers in the "data shown" download."""

from __future__ import annotations

import json
import re
from pathlib import Path

import dash
import pytest

from dashboard.app import create_app
from dashboard.release import load_release
from dashboard.views import downloads


@pytest.fixture(scope="module")
def app(release_dir: Path) -> dash.Dash:
    return create_app(release_dir)


def _texts(app: dash.Dash, page: str, **kwargs) -> str:
    with app.server.test_request_context("/"):
        layout = dash.page_registry[f"dashboard.pages.{page}"]["layout"](**kwargs)
    return json.dumps(
        layout.to_plotly_json(),
        default=lambda o: o.to_plotly_json() if hasattr(o, "to_plotly_json") else str(o),
        ensure_ascii=False,
    )


def test_home_lists_activities_in_the_plans_order(app: dash.Dash, release_dir: Path) -> None:
    from dashboard.pages.home import activity_order

    shown = re.findall(r'"data-activity": "([^"]*)"', _texts(app, "home_en"))
    activities = [a for a in shown if a != "other"]
    assert activities == sorted(activities, key=activity_order)
    numbered = [a for a in activities if a[:1].isdigit()]
    assert [int(re.match(r"\d+", a).group()) for a in numbered] == sorted(
        int(re.match(r"\d+", a).group()) for a in numbered
    )


def test_data_page_names_its_columns_and_sources(app: dash.Dash) -> None:
    text = _texts(app, "data_en")
    assert '"→"' not in text and '"←"' not in text
    assert "First date" in text and "Last date" in text
    assert "hotline 111" in text  # a source named in words, not its id


def test_every_status_rule_is_in_words(app: dash.Dash) -> None:
    for page, monitoring in (("methodology_en", "Monitoring"), ("methodology", "Theo dõi")):
        text = _texts(app, page)
        assert '"–"' not in text
        assert monitoring in text


def test_shown_download_writes_whole_counts_without_decimals(release_dir: Path) -> None:
    release = load_release(release_dir)
    values = release.values
    counts = values[(values["numerator"] > 0) & (values["period_type"] == "year")]
    counts = counts[(counts["geo_scheme"] == "province_2004") & (counts["period"] == "2024")]
    slug = str(counts["slug"].iloc[0])
    frame = downloads.shown_rows(
        release, slug, period_type="year", dims={}, scheme="province_2004", period="2024"
    )
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(frame.to_csv(index=False))))
    written = [row[c] for row in rows for c in ("numerator", "denominator") if row[c]]
    assert written and not [w for w in written if "." in w], written[:10]
    assert frame["numerator"].dropna().astype(int).sum() > 0
