"""Numbers in words (dashboard/views/words.py): exact sentences in both languages, the number
formats of each, nothing for a hidden value, no gap for a monitoring indicator."""

from __future__ import annotations

import pandas as pd

from dashboard.views.words import in_words

RATE = {"unit_label_vi": "%", "unit_label_en": "%", "decimals": 1, "direction": "increase"}
COUNT = {
    "unit_label_vi": "trẻ em", "unit_label_en": "children", "decimals": 0, "direction": "increase",
}  # fmt: skip
MONITOR = {**COUNT, "direction": "monitor"}
TARGET = {"target_value": 100.0, "target_year": 2025}


def _rows(values, period_type="year", start=2021, hidden=()):
    periods = [str(start + i) for i in range(len(values))]
    if period_type == "quarter":
        periods = [f"2024-Q{i + 1}" for i in range(len(values))]
    return pd.DataFrame(
        {
            "period": periods,
            "period_type": period_type,
            "year_number": [int(period[:4]) for period in periods],  # as periods.csv gives it
            "value": [None if i in hidden else v for i, v in enumerate(values)],
            "obs_status": ["suppressed" if i in hidden else "normal" for i in range(len(values))],
        }
    )


def test_a_rate_moves_in_points_and_names_gap_and_pace():
    rows = _rows([80.0, 84.5, 88.0, 91.3])  # 2021..2024
    assert in_words(rows, RATE, TARGET, "en") == [
        "+3.3 percentage points since 2023",
        "+11.3 percentage points since 2021",
        "8.7 percentage points short of the 2025 target of 100%",
        "Needs +8.7 percentage points a year until 2025 to reach it; so far +3.8 percentage "
        "points a year",
    ]
    assert in_words(rows, RATE, TARGET, "vi") == [
        "+3,3 điểm % so với 2023",
        "+11,3 điểm % so với 2021",
        "Còn cách mục tiêu 100% năm 2025: 8,7 điểm %",
        "Cần +8,7 điểm % mỗi năm đến 2025 để đạt mục tiêu; bình quân đến nay +3,8 điểm % mỗi năm",
    ]


def test_a_count_moves_in_percent_with_its_thousands_mark():
    rows = _rows([10_000.0, 12_600.0, 11_340.0])
    assert in_words(rows, COUNT, None, "en") == ["−10% since 2022", "+13% since 2021"]
    assert in_words(rows, COUNT, None, "vi") == ["−10% so với 2022", "+13% so với 2021"]
    small = _rows([1_000.0, 1_045.0])  # below 10%: one decimal, in each language's mark
    assert in_words(small, COUNT, None, "vi") == ["+4,5% so với 2021"]
    assert in_words(small, COUNT, None, "en") == ["+4.5% since 2021"]
    grown = _rows([1_000.0, 2_500.0])
    assert in_words(grown, COUNT, {"target_value": 5_000, "target_year": 2025}, "vi") == [
        "+150% so với 2021",
        "Còn cách mục tiêu 5.000 trẻ em năm 2025: 2.500 trẻ em",
        "Cần +833 trẻ em mỗi năm đến 2025 để đạt mục tiêu; bình quân đến nay +1.500 trẻ em mỗi năm",
    ]


def test_nothing_is_said_about_a_hidden_value():
    assert in_words(_rows([80.0, 85.0, 90.0], hidden=(2,)), RATE, TARGET, "en") == []
    # a hidden previous period: only the change since the first published one
    assert in_words(_rows([80.0, 85.0, 90.0], hidden=(1,)), RATE, TARGET, "en")[:1] == [
        "+10.0 percentage points since 2021"
    ]
    # a hidden first year: the first published one counts
    words = in_words(_rows([1.0, 80.0, 85.0, 90.0], hidden=(0,)), RATE, TARGET, "en")
    assert words[:2] == ["+5.0 percentage points since 2023", "+10.0 percentage points since 2022"]


def test_monitoring_indicators_get_no_gap_and_a_met_target_says_so():
    rows = _rows([100.0, 120.0])
    assert in_words(rows, MONITOR, {"target_value": 50, "target_year": 2025}, "en") == [
        "+20% since 2021"
    ]
    assert in_words(_rows([96.0, 100.0]), RATE, TARGET, "en")[-1] == (
        "The 2025 target of 100% is met"
    )
    assert in_words(_rows([100.0, 100.0]), RATE, TARGET, "vi") == [
        "Không đổi so với 2021",
        "Đã đạt mục tiêu 100% năm 2025",
    ]


def test_a_quarterly_series_has_a_gap_but_no_yearly_pace():
    words = in_words(_rows([90.0, 91.0, 92.5], "quarter"), RATE, TARGET, "en")
    assert words == [
        "+1.5 percentage points since Q2 2024",
        "+2.5 percentage points since Q1 2024",
        "7.5 percentage points short of the 2025 target of 100%",
    ]


def test_in_the_target_year_there_is_no_pace_left_to_name():
    words = in_words(_rows([90.0, 95.0], start=2024), RATE, TARGET, "en")
    assert words == ["+5.0 percentage points since 2024", "5.0 percentage points short of the "
                     "2025 target of 100%"]  # fmt: skip
