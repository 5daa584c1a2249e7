"""Numbers in words in a real browser, both languages, at 1280 px and on a 375 px phone: the
change since the previous period and the gap to the target under the trend and on the home
cards; none for a monitoring indicator. Expectations are computed here from the release."""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.dashboard.test_site_browser import browser_problems, published  # noqa: F401

pytestmark = pytest.mark.browser


def _national_years(published, slug: str) -> pd.DataFrame:  # noqa: F811
    values = published["values"]
    rows = values[(values["slug"] == slug) & (values["geo_scheme"] == "national")]
    for column in ("sex", "age_band"):
        if column in rows.columns:
            rows = rows[rows[column].fillna("_T") == "_T"]
    return rows[rows["period_type"] == "year"].sort_values("period")


def _targeted_rate(published) -> tuple[dict, pd.DataFrame]:  # noqa: F811
    """A % indicator with a target (the programme's targets T1–T3 are 100%) whose last two
    years are published."""
    for indicator in published["indicators"].to_dict("records"):
        if indicator["unit_label_en"] != "%" or not indicator["target_id"]:
            continue
        if indicator["direction"] != "increase":
            continue
        rows = _national_years(published, indicator["slug"])
        last = rows.tail(2)
        if len(last) == 2 and last["value"].notna().all():
            return indicator, rows
    pytest.skip("no targeted rate with two published years in this release")


def _points(value: float, decimals: int, lang: str) -> str:
    text = f"{abs(value):.{decimals}f}"
    return text.replace(".", ",") if lang == "vi" else text


@pytest.mark.parametrize("width", [1280, 375])
def test_the_trend_says_its_change_and_gap_in_words(page: Page, site_url: str, published, width):  # noqa: F811
    indicator, rows = _targeted_rate(published)
    page.set_viewport_size({"width": width, "height": 900})
    decimals = int(indicator["decimals"] or 0)
    now, before = float(rows["value"].iloc[-1]), float(rows["value"].iloc[-2])
    change = now - before
    sign = "+" if change > 0 else "−"
    for prefix, lang, since, short, met in (
        ("/en", "en", "percentage points since", "percentage points short of the", "is met"),
        ("", "vi", "điểm % so với", "Còn cách mục tiêu", "Đã đạt mục tiêu"),
    ):
        page.goto(f"{site_url}{prefix}/indicators/{indicator['slug']}")
        words = page.locator("#indicator-trend-summary .in-words")
        expect(words).to_be_visible()
        expect(words.locator("li").first).to_have_text(
            f"{sign}{_points(change, decimals, lang)} {since} {rows['period'].iloc[-2]}"
        )
        if now < 100:
            expect(words).to_contain_text(short)
            expect(words).to_contain_text(_points(100 - now, decimals, lang))
        else:
            expect(words).to_contain_text(met)
        fits = words.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
        assert fits, "the sentences wrap inside the phone's width"


def test_home_cards_carry_the_words_and_monitoring_has_no_gap(page: Page, site_url: str, published):  # noqa: F811
    indicator, rows = _targeted_rate(published)
    page.goto(f"{site_url}/en")
    card = page.locator(f".indicator-card[data-code='{indicator['indicator_code']}']")
    expect(card.locator(".in-words")).to_contain_text(f"since {rows['period'].iloc[-2]}")
    expect(card.locator(".in-words")).to_contain_text(
        "short of the" if float(rows["value"].iloc[-1]) < 100 else "is met"
    )
    monitors = published["indicators"]
    monitors = monitors[monitors["target_id"] == ""]
    for code in monitors["indicator_code"]:
        expect(page.locator(f".indicator-card[data-code='{code}']")).not_to_contain_text(
            "target of"
        )
    page.goto(f"{site_url}/")
    card = page.locator(f".indicator-card[data-code='{indicator['indicator_code']}']")
    expect(card.locator(".in-words")).to_contain_text(f"so với {rows['period'].iloc[-2]}")
