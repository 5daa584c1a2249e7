"""Pure tests of the translations, formats, search folding and tile positions."""

from __future__ import annotations

import csv
from pathlib import Path
from string import Formatter

import pandas as pd
import pytest

from dashboard import formatting, i18n
from dashboard.search_index import Entry, fold, matches
from dashboard.tiles import ISLANDS, TILES

REFERENCE = Path("/work/shared/reference")


def test_every_ui_string_has_both_languages() -> None:
    catalogues = i18n.CATALOGUES
    assert set(catalogues) == set(i18n.LANGS)
    assert len(catalogues["vi"]) > 300
    for lang in i18n.LANGS:
        assert set(catalogues[lang]) == set(catalogues[i18n.DEFAULT_LANG]), lang
        assert all(isinstance(v, str) and v.strip() for v in catalogues[lang].values()), lang


def _write(folder: Path, vi: str, en: str) -> Path:
    (folder / "vi.yml").write_text(vi, encoding="utf-8")
    (folder / "en.yml").write_text(en, encoding="utf-8")
    return folder


def test_a_catalogue_missing_a_key_or_holding_a_stray_one_is_refused(tmp_path: Path) -> None:
    good = _write(tmp_path, "a: Một\nb: Hai {n}\n", "a: One\nb: Two {n}\n")
    assert i18n.load_catalogues(good) == {
        "vi": {"a": "Một", "b": "Hai {n}"},
        "en": {"a": "One", "b": "Two {n}"},
    }
    with pytest.raises(ValueError, match=r"en.yml: missing \['b'\], stray \['c'\]"):
        i18n.load_catalogues(_write(tmp_path, "a: Một\nb: Hai\n", "a: One\nc: Three\n"))
    with pytest.raises(ValueError, match=r"en.yml: no text for \['b'\]"):
        i18n.load_catalogues(_write(tmp_path, "a: Một\nb: Hai\n", "a: One\nb: ''\n"))


def test_every_placeholder_is_the_same_in_both_languages() -> None:
    fields = {
        lang: {k: {f for _, f, _, _ in Formatter().parse(v) if f} for k, v in texts.items()}
        for lang, texts in i18n.CATALOGUES.items()
    }
    assert {k for k, f in fields["vi"].items() if f != fields["en"][k]} == set()


def _registry_pairs(columns: list[str]) -> list[str]:
    """Registry text columns lacking their other-language counterpart."""
    problems = []
    for column in columns:
        for mine, other in (("_vi", "_en"), ("_en", "_vi")):
            if column.endswith(mine) and column[: -len(mine)] + other not in columns:
                problems.append(column)
    return problems


def test_registry_texts_of_the_hand_made_release_are_bilingual(sample_release_dir: Path) -> None:
    columns = list(pd.read_csv(sample_release_dir / "indicators.csv", nrows=0).columns)
    assert _registry_pairs(columns) == []
    assert {"name_vi", "name_en"} <= set(columns)


def test_registry_texts_of_the_pipeline_release_are_bilingual(release_dir: Path) -> None:
    for name in ("indicators.csv", "targets.csv", "milestones.csv"):
        if (release_dir / name).is_file():
            columns = list(pd.read_csv(release_dir / name, nrows=0).columns)
            assert _registry_pairs(columns) == [], name


@pytest.mark.parametrize(
    ("value", "decimals", "vi", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1234567, 0, "1.234.567", "1,234,567"),
        (0.25, 2, "0,25", "0.25"),
        (None, 0, "–", "–"),
    ],
)
def test_numbers_in_both_languages(value, decimals, vi, en) -> None:
    assert formatting.format_number(value, decimals, "vi") == vi
    assert formatting.format_number(value, decimals, "en") == en


def test_dates_and_periods_in_both_languages() -> None:
    assert formatting.format_date("2025-12-31", "vi") == "31/12/2025"
    assert formatting.format_date("2025-12-31", "en") == "31 Dec 2025"
    assert formatting.format_period("2023-Q2", "quarter", "vi") == "Q2/2023"
    assert formatting.format_period("2023-Q2", "quarter", "en") == "Q2 2023"
    assert formatting.format_period("2023-07", "month", "en") == "Jul 2023"
    assert formatting.format_period("2023-07", "month", "vi") == "07/2023"
    assert i18n.status_label("suppressed", "en") == "Suppressed"
    assert i18n.status_label("suppressed", "vi") == "Ẩn"


def test_addresses_in_both_languages() -> None:
    assert i18n.href("/", "en") == "/en"
    assert i18n.href("/indicators/x", "en", {"scheme": "province_2025"}) == (
        "/en/indicators/x?scheme=province_2025"
    )
    assert i18n.href("/indicators/x", "vi") == "/indicators/x"
    assert i18n.strip_lang("/en/indicators/x") == "/indicators/x"
    assert i18n.strip_lang("/en") == "/"
    assert i18n.lang_of_path("/en/data") == "en" and i18n.lang_of_path("/english") == "vi"
    assert i18n.pick({"name_vi": "Tên", "name_en": ""}, "name", "en") == "Tên"


def test_search_ignores_diacritics() -> None:
    assert fold("Bảo vệ TRẺ EM") == "bao ve tre em"
    assert fold("Đà Nẵng") == "da nang"
    entries = [
        Entry("indicator", "IND-01", "/indicators/a", ("IND-01", "Trẻ em được bảo vệ trẻ em")),
        Entry("province", "Hà Nội", "/provinces/p/01", ("Hà Nội",)),
        Entry("province", "Hà Nam", "/provinces/p/35", ("Hà Nam",)),
        Entry("province", "Đà Nẵng", "/provinces/p/48", ("Đà Nẵng",)),
    ]
    assert [e.label for e in matches("bao ve tre em", entries)] == ["IND-01"]
    assert [e.label for e in matches("ha noi", entries)] == ["Hà Nội"]
    assert [e.label for e in matches("da nang", entries)] == ["Đà Nẵng"]
    assert [e.label for e in matches("Hà", entries)] == ["Hà Nội", "Hà Nam"]
    assert [e.label for e in matches("ind-01", entries)] == ["IND-01"]
    assert matches("   ", entries) == []


@pytest.mark.parametrize(
    ("scheme", "file"),
    [("province_2004", "provinces_2004.csv"), ("province_2025", "provinces_2025.csv")],
)
def test_every_province_has_one_tile(scheme: str, file: str) -> None:
    tiles = TILES[scheme]
    positions = {(tile.row, tile.col) for tile in tiles.values()}
    assert len(positions) == len(tiles)  # no two provinces on one square
    if (REFERENCE / file).is_file():
        with (REFERENCE / file).open(encoding="utf-8") as handle:
            codes = {row["province_code"] for row in csv.DictReader(handle)}
        assert set(tiles) == codes
    islands = {island.key: island.province for island in ISLANDS[scheme]}
    assert islands == {"hoang_sa": "48", "truong_sa": "56"}
    assert {"48", "56"} <= set(tiles)


def test_the_unknown_breakdown_category_reads_as_words():
    """The release publishes an unknown category _U beside sex and age bands; readers see words."""
    for dimension in ("sex", "age_band"):
        assert i18n.dim_value_label(dimension, "_U", "vi") == "Không rõ"
        assert i18n.dim_value_label(dimension, "_U", "en") == "Not recorded"


def test_every_key_the_site_names_is_in_the_catalogues() -> None:
    """Each `t("key", ...)` written in the site's code or templates has its entry."""
    import re

    site = Path(i18n.__file__).parent
    texts = [p.read_text(encoding="utf-8") for p in site.rglob("*.py")]
    texts += [p.read_text(encoding="utf-8") for p in (site / "templates").glob("*.html")]
    named = {key for text in texts for key in re.findall(r"\bt\(\s*[\"']([\w.]+)[\"']", text)}
    assert len(named) > 200
    assert named - set(i18n.CATALOGUES["vi"]) == set()
