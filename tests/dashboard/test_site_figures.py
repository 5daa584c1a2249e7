"""Pure tests of number formatting and figure builders."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.figures import target_line, trend_figure
from dashboard.formatting import format_date, format_number, format_target, format_value
from dashboard.i18n import status_label


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (0.25, 2, "0,25"),
        (96.25, 1, "96,2"),  # banker's rounding of the float 96.25 → 96.2
        (-1500, 0, "-1.500"),
        (None, 0, "–"),
        (float("nan"), 1, "–"),
    ],
)
def test_vietnamese_number_format(value, decimals, expected) -> None:
    assert format_number(value, decimals) == expected


def test_values_with_units() -> None:
    assert format_value(96.2, "%", 1) == "96,2%"
    assert format_value(15210, "lượt", 0) == "15.210 lượt"
    assert format_value(None, "%", 1) == "–"
    assert format_target(100, "%", 1) == "100%"
    assert format_target(99.5, "%", 1) == "99,5%"


def test_dates_and_statuses() -> None:
    assert format_date("2025-12-31") == "31/12/2025"
    assert format_date("2026-01-15T00:00:00Z") == "15/01/2026"
    assert status_label("on_track") == "Đúng tiến độ"
    assert status_label("monitoring") == "Theo dõi"


def _series(values, statuses=None) -> pd.DataFrame:
    years = ["2021", "2022", "2023", "2024", "2025"][: len(values)]
    return pd.DataFrame(
        {
            "period": years,
            "year_number": [int(y) for y in years],
            "value": values,
            "obs_status": statuses or ["normal"] * len(values),
        }
    )


def test_trend_with_target_line() -> None:
    fig = trend_figure(
        _series([82.4, 87.9, 91.3, 94.6, 96.2]),
        unit_label="%",
        decimals=1,
        target=target_line(100, 2025),
    )
    national, line, marker = fig.data
    assert list(national.x) == [2021, 2022, 2023, 2024, 2025]
    assert national.customdata[-1] == "96,2%"
    assert line.name == "Mục tiêu 2025"
    assert line.line.dash == "dash"
    assert list(line.y) == [100, 100]
    assert marker.text[0] == "Mục tiêu 2025: 100%"
    assert fig.layout.separators == ",."
    assert fig.layout.yaxis.range[1] > 100  # room above the target


def test_trend_without_target_has_no_target_line() -> None:
    fig = trend_figure(_series([11447, 12503]), unit_label="lượt", decimals=0)
    assert [trace.name for trace in fig.data] == ["Toàn quốc"]
    assert fig.data[0].customdata[1] == "12.503 lượt"
    assert target_line(None, 2025) is None
    assert target_line(100, None) is None


def test_suppressed_national_value_is_a_gap_not_zero() -> None:
    fig = trend_figure(
        _series([10, None, 12], ["normal", "suppressed", "normal"]),
        unit_label="lượt",
        decimals=0,
    )
    assert list(fig.data[0].y) == [10, None, 12]
    assert fig.data[0].customdata[1] == "Ẩn"


def test_derived_milestones_are_labelled_not_official() -> None:
    fig = trend_figure(
        _series([50, 60]),
        unit_label="%",
        decimals=0,
        target=target_line(100, 2025),
        milestones=[(2023, 70.0), (2024, 85.0)],
    )
    names = [trace.name for trace in fig.data]
    assert "Lộ trình suy ra (không chính thức)" in names


def test_english_numbers_and_labels_in_the_trend() -> None:
    fig = trend_figure(_series([11447.5, 12503]), unit_label="contacts", decimals=1, lang="en")
    assert fig.data[0].customdata[0] == "11,447.5 contacts"
    assert fig.data[0].name == "National"
    assert fig.layout.separators == ".,"


def test_quarterly_trend_uses_period_labels() -> None:
    frame = pd.DataFrame(
        {"period": ["2024-Q4", "2025-Q1"], "value": [3, 4], "obs_status": ["normal"] * 2}
    )
    fig = trend_figure(frame, unit_label="", decimals=0, period_type="quarter", lang="en")
    assert list(fig.data[0].x) == ["Q4 2024", "Q1 2025"]


def test_tile_map_shows_both_archipelagos_and_greys_suppressed_cells() -> None:
    from dashboard.tile_map import SUPPRESSED_COLOUR, tile_map_figure
    from dashboard.tiles import TILES

    for scheme, tiles in TILES.items():
        rows = [
            {"geo_code": code, "geo_name": code, "value": None if code == "01" else 10.0 + i,
             "value_display": "x", "obs_status": "suppressed" if code == "01" else "normal"}
            for i, code in enumerate(tiles)
        ]  # fmt: skip
        fig = tile_map_figure(rows, scheme, lang="vi")
        texts = " ".join(str(x) for trace in fig.data for x in (trace.text or []))
        assert "Hoàng Sa" in texts and "Trường Sa" in texts and "Đà Nẵng" in texts
        rects = [s for s in fig.layout.shapes if s.type == "rect"]
        assert len(rects) == len(tiles)
        assert sum(s.fillcolor == SUPPRESSED_COLOUR for s in rects) == 1


def test_tile_map_legend_names_suppressed_and_no_data_and_is_anchored_on_the_target() -> None:
    from dashboard.tile_map import NO_DATA_COLOUR, SUPPRESSED_COLOUR, tile_map_figure
    from dashboard.tiles import TILES

    codes = list(TILES["province_2025"])
    rows = [
        {
            "geo_code": codes[0],
            "geo_name": "A",
            "value": None,
            "value_display": "Ẩn",
            "obs_status": "suppressed",
        },
        {
            "geo_code": codes[1],
            "geo_name": "B",
            "value": 81.0,
            "value_display": "81%",
            "obs_status": "normal",
        },
        {
            "geo_code": codes[2],
            "geo_name": "C",
            "value": 83.0,
            "value_display": "83%",
            "obs_status": "normal",
        },
    ]  # fmt: skip; the other 31 provinces have no row: no data
    links = {codes[1]: "/en/provinces/province_2025/" + codes[1]}
    fig = tile_map_figure(rows, "province_2025", lang="en", unit_label="%", target=100.0,
                          links=links)  # fmt: skip
    legend = [trace.name for trace in fig.data if trace.showlegend]
    assert legend == ["Suppressed (small count): 1", f"No data: {len(codes) - 3}"]
    rects = [s.fillcolor for s in fig.layout.shapes if s.type == "rect"]
    assert rects.count(SUPPRESSED_COLOUR) == 1 and rects.count(NO_DATA_COLOUR) == len(codes) - 3
    scale = next(trace.marker for trace in fig.data if trace.marker.showscale)
    assert (scale.cmin, scale.cmax) == (0.0, 100.0)  # not auto-ranged to 81–83
    assert scale.colorbar.title.text.startswith("Value (%)")
    assert "target" in scale.colorbar.title.text
    assert [c[2] for c in fig.data[0].customdata] == [links[codes[1]], ""]
    free = tile_map_figure(rows, "province_2025", lang="vi", unit_label="ca")
    scale = next(trace.marker for trace in free.data if trace.marker.showscale)
    assert (scale.cmin, scale.cmax) == (81.0, 83.0) and scale.colorbar.title.text == "Giá trị (ca)"
