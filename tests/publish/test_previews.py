"""The preview cards drawn at publish time: one 1200 × 630 PNG per indicator and language
(publish/previews.py, the manifest's "previews"), and per language for the home page and each
province page (publish/page_previews.py, "page_previews"), a hidden value never drawn nor
counted; a clear error without a font."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from publish import page_previews, previews
from publish.page_previews import SCHEMES
from tests.dashboard.release_fixture import (
    PROVINCES_2004,
    PROVINCES_2025,
    RATE_NATIONAL,
    SUPPRESSED_CELL,
    write_sample_release,
)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_release(tmp_path_factory.mktemp("previews") / "release")


def _frames(release: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return (
        pd.read_parquet(release / "indicator_values.parquet"),
        pd.read_csv(release / "indicators.csv"),
        pd.read_csv(release / "targets.csv"),
    )


def test_one_card_per_indicator_and_language(release: Path, tmp_path: Path) -> None:
    values, indicators, targets = _frames(release)
    manifest = {"release_id": "r1", "data_as_of": "2025-12-31", "is_sample": True}
    written = previews.write_previews(tmp_path, values, indicators, targets, manifest)
    assert set(written) == set(indicators["slug"])
    for slug, names in written.items():
        assert names == {"vi": f"preview-{slug}-vi.png", "en": f"preview-{slug}-en.png"}
        cards = [Image.open(tmp_path / names[lang]) for lang in ("vi", "en")]
        assert all(card.format == "PNG" and card.size == (1200, 630) for card in cards)
        assert cards[0].tobytes() != cards[1].tobytes()  # each in its own language
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        name for names in written.values() for name in names.values()
    )


def test_the_sample_label_is_drawn_only_on_sample_releases(release: Path) -> None:
    values, indicators, targets = _frames(release)
    indicator = indicators.iloc[0].to_dict()
    rows = previews.national_series(previews.national_totals(values), indicator["slug"])
    target = previews.headline_target(targets, indicator)
    sample = previews.draw_card(indicator, rows, target, {"is_sample": True}, "vi")
    real = previews.draw_card(indicator, rows, target, {"is_sample": False}, "vi")
    band = (900, 10, 1160, 62)  # where the yellow label sits
    assert previews.SAMPLE.lstrip("#").lower() in {
        "".join(f"{c:02x}" for c in colour) for _, colour in sample.crop(band).getcolors(100_000)
    }
    assert sample.crop(band).tobytes() != real.crop(band).tobytes()


def test_numbers_are_written_as_the_site_writes_them() -> None:
    assert previews.format_number(1234.5, 1, "vi") == "1.234,5"
    assert previews.format_number(1234.5, 1, "en") == "1,234.5"


def test_a_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    previews._font_files.cache_clear()
    monkeypatch.setattr(previews, "_FONT_DIRS", ())
    monkeypatch.setattr(previews.subprocess, "run", _no_fc_match)
    try:
        with pytest.raises(previews.PreviewError, match="fonts-dejavu-core"):
            previews._font_files()
    finally:
        previews._font_files.cache_clear()


def _no_fc_match(*_args, **_kwargs):
    raise OSError("fc-match is not installed")


def _programmes() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"programme_id": "decision_830_2021_2025", "status": "adopted",
             "start_year": 2021, "end_year": 2025},
            {"programme_id": "NEXT_2026_2030", "status": "draft",
             "start_year": 2026, "end_year": 2030},
        ]
    )  # fmt: skip


def test_one_card_for_home_and_each_province_page_per_language(
    release: Path, tmp_path: Path
) -> None:
    values, indicators, targets = _frames(release)
    manifest = {"release_id": "r1", "data_as_of": "2025-12-31", "is_sample": True}
    written = page_previews.write_page_previews(
        tmp_path, values, indicators, targets, _programmes(), manifest
    )
    assert written["home"] == {"vi": "preview-page-home-vi.png", "en": "preview-page-home-en.png"}
    assert sorted(written["province_2004"]) == PROVINCES_2004  # every province page
    assert sorted(written["province_2025"]) == PROVINCES_2025
    assert written["province_2025"]["07"]["en"] == "preview-page-province_2025-07-en.png"
    names = [*written["home"].values()] + [
        name for scheme in SCHEMES for langs in written[scheme].values() for name in langs.values()
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    assert len(names) == 2 * (1 + 63 + 34)
    for page in (written["home"], written["province_2004"]["02"]):
        cards = [Image.open(tmp_path / page[lang]) for lang in ("vi", "en")]
        assert all(card.format == "PNG" and card.size == (1200, 630) for card in cards)
        assert cards[0].tobytes() != cards[1].tobytes()


def test_home_shows_the_current_programmes_official_targets(release: Path) -> None:
    values, indicators, targets = _frames(release)
    end_year, found = page_previews.home_targets(values, indicators, targets, _programmes())
    assert end_year == 2025
    assert [item["target"]["target_id"] for item in found] == ["T2"]
    latest = found[0]["latest"]
    assert (latest["period"], latest["value"], latest["status"]) == (
        "2025",
        RATE_NATIONAL["2025"],
        "at_risk",
    )


def test_a_hidden_value_is_neither_drawn_nor_counted_on_a_province_card(release: Path) -> None:
    """Province 02's latest IND-02 value is suppressed: its card counts IND-05 only, and is
    the very card drawn for a release without any IND-02 row for 02 (nothing hints at it)."""
    values, _, _ = _frames(release)
    code, scheme, place = SUPPRESSED_CELL[0], SUPPRESSED_CELL[1], SUPPRESSED_CELL[2]
    statuses = page_previews.published_statuses(page_previews.latest_rows(values, SCHEMES))
    assert statuses[(scheme, place)] == {"monitoring": 1}
    assert sum(statuses[(scheme, "03")].values()) == 2  # a neighbour publishes both
    absent = values[
        ~(
            (values["indicator_code"] == code)
            & (values["geo_scheme"] == scheme)
            & (values["geo_code"] == place)
        )
    ]
    without = page_previews.published_statuses(page_previews.latest_rows(absent, SCHEMES))
    assert without[(scheme, place)] == statuses[(scheme, place)]
    blank = page_previews.province_blank({"is_sample": True}, scheme, "vi")
    card = page_previews.draw_province_card("Tỉnh mẫu 02", statuses[(scheme, place)], blank, "vi")
    again = page_previews.draw_province_card("Tỉnh mẫu 02", without[(scheme, place)], blank, "vi")
    assert card.tobytes() == again.tobytes()
    nothing = page_previews.draw_province_card("Tỉnh mẫu 02", {}, blank, "vi")
    assert nothing.tobytes() != card.tobytes()  # no published value: a card that says so
