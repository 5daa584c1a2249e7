"""The preview cards drawn at publish time (publish/previews.py): one 1200 × 630 PNG per
indicator and language, named in the manifest's "previews"; a clear error without a font."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from publish import previews
from tests.dashboard.release_fixture import write_sample_release


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
