"""The preview cards of the home page and of each province page (`og:image`), drawn at publish
time beside the indicators' cards (publish/previews.py: the same 1200 × 630 frame, band, sample
label, data date and licence), one per page and language:

- `preview-page-home-<lang>.png`: the current programme's official targets (T1–T3 for Decision
  830), each with its indicator's latest national value, period and status;
- `preview-page-<scheme>-<code>-<lang>.png`: the province's name and list (63 or 34 provinces),
  how many indicators publish a latest value for it and how those values stand.

Every province page of both lists has its card, the 63 (the indicator page's default list,
which its map links to) as the 34: 196 cards with home's, about 2 s of CPU of the publish step
(10 ms a card, measured on the scale-1 sample; the publish step took 20 s). Drawn quickly: the
parts a list's cards share are drawn once and copied, the status boxes and the count once per
value and pasted, one palette per list and language (no colour search per card), zlib's
quickest level. Made lazily by the site instead, they would be written into a release folder
that is read-only and listed in full by its manifest. The manifest's "page_previews" names
them ({"home": {lang: file}, "<scheme>": {code: {lang: file}}}).

Honest by construction: only published values are drawn or counted. A province's card counts
the indicators whose latest value (the one its page shows) is published and tells their
statuses; a hidden or missing value is neither drawn nor counted, nor said to be hidden.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from PIL import Image, ImageDraw

from publish.previews import (
    BLUE,
    INK,
    LANGS,
    MUTED,
    PREFIX,
    canvas,
    font,
    missing,
    period_text,
    save_card,
    with_unit,
)

SCHEMES = ("province_2004", "province_2025")
PERIOD_TYPES = ("year", "school_year", "quarter", "month")  # coarsest first, as the site
HOME = "home"
PAGE_PREFIX = f"{PREFIX}page-"
_SAFE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_UNKNOWN = "_U"  # events whose province was not recorded: no province page

GREEN, AMBER, GREY = "#1e7b34", "#8a5a00", "#5f6b76"
STATUS = {  # the site's status words (dashboard/i18n.py "status.*") and colours
    "achieved": ({"vi": "Đã đạt", "en": "Achieved"}, GREEN),
    "on_track": ({"vi": "Đúng tiến độ", "en": "On track"}, GREEN),
    "at_risk": ({"vi": "Có nguy cơ chậm", "en": "At risk"}, AMBER),
    "off_track": ({"vi": "Chậm tiến độ", "en": "Off track"}, "#b3261e"),
    "baseline": ({"vi": "Năm gốc", "en": "Baseline"}, GREY),
    "provisional": ({"vi": "Tạm thời", "en": "Provisional"}, GREY),
    "monitoring": ({"vi": "Theo dõi", "en": "Monitoring"}, GREY),
}
WORDS = {
    "targets": {"vi": "Mục tiêu đến năm {year}", "en": "Targets for {year}"},
    "no_targets": {"vi": "Chưa có mục tiêu chính thức", "en": "No official target yet"},
    "not_measured": {"vi": "Chưa đo lường", "en": "Not measured yet"},
    "national": {"vi": "Toàn quốc", "en": "National"},
    "province_2004": {
        "vi": "Tỉnh, thành phố · 63 tỉnh (trước 1/7/2025)",
        "en": "Province · 63 provinces (before 1 July 2025)",
    },
    "province_2025": {
        "vi": "Tỉnh, thành phố · 34 tỉnh (từ 1/7/2025)",
        "en": "Province · 34 provinces (from 1 July 2025)",
    },
    "published": {
        "vi": "chỉ số có số liệu mới nhất được công bố",
        "en": "indicators with a published latest value",
    },
    "one_published": {
        "vi": "chỉ số có số liệu mới nhất được công bố",
        "en": "indicator with a published latest value",
    },
    "none_published": {
        "vi": "Chưa có số liệu được công bố cho tỉnh này",
        "en": "No figure published for this province yet",
    },
    "compared": {
        "vi": "Từng chỉ số so với toàn quốc, xu hướng và thứ hạng",
        "en": "Each indicator against the nation, its trend and rank",
    },
}


def page_preview_name(page: str, lang: str) -> str:
    """`preview-page-home-vi.png`, `preview-page-province_2004-01-en.png`."""
    if not _SAFE_CODE.match(page.replace("/", "-")) or lang not in LANGS:
        raise ValueError(f"not a page preview: {page!r}, language {lang!r}")
    return f"{PAGE_PREFIX}{page.replace('/', '-')}-{lang}.png"


def _totals(values: pd.DataFrame) -> pd.DataFrame:
    rows = values
    for column in ("sex", "age_band"):
        if column in rows.columns:
            rows = rows[rows[column].fillna("_T").astype(str) == "_T"]
    return rows


def latest_rows(values: pd.DataFrame, schemes: tuple[str, ...]) -> pd.DataFrame:
    """Each indicator's latest total row in each place of `schemes`, in the period type the site
    shows it (the coarsest its national rows have): what the place's page shows."""
    totals = _totals(values)
    national = totals[totals["geo_scheme"] == "national"]
    rank = {kind: k for k, kind in enumerate(PERIOD_TYPES)}
    coarsest = (
        national.assign(_rank=national["period_type"].map(rank).fillna(len(rank)))
        .sort_values("_rank")
        .drop_duplicates("slug")[["slug", "period_type"]]
    )
    rows = totals[totals["geo_scheme"].isin(schemes)].merge(coarsest, on=["slug", "period_type"])
    rows = rows.sort_values("period").drop_duplicates(
        ["slug", "geo_scheme", "geo_code"], keep="last"
    )
    return rows.reset_index(drop=True)


def province_pages(values: pd.DataFrame) -> pd.DataFrame:
    """geo_scheme, geo_code, geo_name of every province page the site serves: each place of
    either list with rows in the release, named as in its latest rows (dashboard/release.py
    `geographies`), the unknown province left out."""
    rows = values[values["geo_scheme"].isin(SCHEMES)]
    rows = rows.sort_values("period").drop_duplicates(["geo_scheme", "geo_code"], keep="last")
    codes = rows["geo_code"].astype(str)
    rows = rows[(codes != _UNKNOWN) & codes.str.match(_SAFE_CODE)]
    return rows.sort_values(["geo_scheme", "geo_code"])[["geo_scheme", "geo_code", "geo_name"]]


def _published(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["value"].notna() & (rows["obs_status"].astype(str) != "suppressed")]


def home_targets(
    values: pd.DataFrame, indicators: pd.DataFrame, targets: pd.DataFrame, programmes: pd.DataFrame
) -> tuple[int | None, list[dict[str, Any]]]:
    """(the programme's end year, its official targets as {"target": …, "indicator": …,
    "latest": the indicator's latest national total row or None}): the programme the home
    page opens on, the adopted one holding the latest year with data."""
    programme = current_programme(values, programmes)
    rows = targets[targets["kind"].astype(str) == "official"]
    if programme is not None and "programme_id" in rows.columns:
        rows = rows[rows["programme_id"].astype(str) == str(programme["programme_id"])]
    latest = latest_rows(values, ("national",))
    found = []
    for target in (
        rows.sort_values(["target_id", "target_year"])
        .drop_duplicates("target_id", keep="last")
        .to_dict("records")
    ):
        indicator = indicators[indicators["indicator_code"] == target["indicator_code"]]
        record = indicator.iloc[0].to_dict() if not indicator.empty else None
        row = latest[latest["indicator_code"] == target["indicator_code"]] if record else None
        found.append(
            {
                "target": target,
                "indicator": record,
                "latest": row.iloc[0].to_dict() if row is not None and not row.empty else None,
            }
        )
    end = None if programme is None else int(programme["end_year"])
    return end, found


def current_programme(values: pd.DataFrame, programmes: pd.DataFrame) -> dict | None:
    """The adopted programme holding the latest year with data (dashboard/programmes.py's
    default), else the latest adopted one."""
    if programmes is None or programmes.empty:
        return None
    known = programmes.sort_values("start_year").to_dict("records")
    adopted = [p for p in known if str(p.get("status")) == "adopted"] or known
    years = pd.to_numeric(values["period"].astype(str).str[:4], errors="coerce").dropna()
    latest = int(years.max()) if not years.empty else None
    for programme in reversed(adopted):
        if latest is not None and int(programme["start_year"]) <= latest <= int(
            programme["end_year"]
        ):
            return programme
    return adopted[-1]


@lru_cache(maxsize=32)
def _chip(status: str, lang: str) -> Image.Image | None:
    """A status in words in a box of its colour (drawn once, pasted on every card)."""
    words, colour = STATUS.get(status, (None, GREY))
    if words is None:
        return None
    label = words[lang]
    width = int(font(24, bold=True).getlength(label)) + 24
    chip = Image.new("RGB", (width + 1, 39), "#ffffff")
    draw = ImageDraw.Draw(chip)
    draw.rounded_rectangle([0, 0, width, 38], radius=8, outline=colour, width=3)
    draw.text((12, 5), label, font=font(24, bold=True), fill=colour)
    return chip


def _status(image: Image.Image, xy: tuple[int, int], status: str, lang: str) -> int:
    """The status chip pasted at `xy`; returns its right edge."""
    chip = _chip(status, lang)
    if chip is None:
        return xy[0]
    image.paste(chip, xy)
    return xy[0] + chip.width


def draw_home_card(
    end_year: int | None, found: list[dict[str, Any]], blank: Image.Image, lang: str
) -> Image.Image:
    """The home page's card: the programme's targets, each with its latest national value."""
    image = blank.copy()
    draw = ImageDraw.Draw(image)
    title = WORDS["targets"][lang].format(year=end_year or "")
    draw.text((48, 96), title, font=font(40, bold=True), fill=INK)
    if not found:
        draw.text((48, 170), WORDS["no_targets"][lang], font=font(32), fill=MUTED)
        return image
    shown = found[:3]  # the card holds three (Decision 830 has T1–T3); the page shows them all
    step = min(140, 420 // len(shown))
    for k, item in enumerate(shown):
        top = 166 + k * step
        target, indicator, latest = item["target"], item["indicator"], item["latest"]
        draw.text((48, top), str(target["target_id"]), font=font(40, bold=True), fill=BLUE)
        text = str(target.get(f"text_{lang}") or target.get("text_vi") or "")
        line = textwrap.shorten(text, 58, placeholder="…")
        draw.text((140, top + 4), line, font=font(28, bold=True), fill=INK)
        if indicator is None or latest is None:
            draw.text((140, top + 48), WORDS["not_measured"][lang], font=font(28), fill=MUTED)
            continue
        period = period_text(str(latest["period"]), str(latest["period_type"]), lang)
        caption = f"{indicator['indicator_code']} · {WORDS['national'][lang]} {period}:"
        draw.text((140, top + 52), caption, font=font(26), fill=MUTED)
        x = 140 + int(draw.textlength(caption, font=font(26))) + 16
        if str(latest.get("obs_status")) == "suppressed" or missing(latest.get("value")):
            draw.text((x, top + 48), "–", font=font(32, bold=True), fill=MUTED)
            continue
        value = with_unit(float(latest["value"]), indicator, lang)
        draw.text((x, top + 46), value, font=font(32, bold=True), fill=BLUE)
        x += int(draw.textlength(value, font=font(32, bold=True))) + 20
        _status(image, (x, top + 46), str(latest.get("status") or ""), lang)
    return image


def province_blank(manifest: Mapping[str, Any], scheme: str, lang: str) -> Image.Image:
    """What every province card of `scheme` in `lang` shares: the frame, the list's name, the
    line saying what the page holds."""
    image = canvas(manifest, lang)
    draw = ImageDraw.Draw(image)
    draw.text((48, 100), WORDS[scheme][lang], font=font(28, bold=True), fill=BLUE)
    draw.text((48, 510), WORDS["compared"][lang], font=font(26), fill=MUTED)
    return image


@lru_cache(maxsize=128)
def _how_many(count: int, lang: str) -> Image.Image:
    """ "12 indicators with a published latest value" (drawn once per number, pasted)."""
    number = str(count)
    width = int(font(96, bold=True).getlength(number))
    words = WORDS["one_published" if count == 1 else "published"][lang]
    block = Image.new("RGB", (1104, 120), "#ffffff")
    draw = ImageDraw.Draw(block)
    draw.text((0, 0), number, font=font(96, bold=True), fill=BLUE)
    for k, line in enumerate(textwrap.wrap(words, 44)[:2]):
        draw.text((width + 24, 24 + k * 38), line, font=font(30), fill=INK)
    return block


def draw_province_card(
    name: str, statuses: Mapping[str, int], blank: Image.Image, lang: str
) -> Image.Image:
    """A province page's card on its list's `blank`: its name, how many indicators publish a
    latest value for it and their statuses (`statuses`: status -> how many of those values)."""
    image = blank.copy()
    draw = ImageDraw.Draw(image)
    size = 64
    while size > 40 and draw.textlength(name, font=font(size, bold=True)) > 1100:
        size -= 4
    draw.text((48, 148), name, font=font(size, bold=True), fill=INK)
    count = sum(statuses.values())
    if count == 0:
        draw.text((48, 290), WORDS["none_published"][lang], font=font(32), fill=MUTED)
        return image
    image.paste(_how_many(count, lang), (48, 262))
    x, y = 48, 420
    for status in STATUS:  # the published values only, by status (a hidden one has none)
        if not statuses.get(status):
            continue
        label = str(statuses[status])
        draw.text((x, y + 2), label, font=font(30, bold=True), fill=INK)
        x += int(draw.textlength(label, font=font(30, bold=True))) + 10
        x = _status(image, (x, y), status, lang) + 28
        if x > 960:
            x, y = 48, y + 52
    return image


def published_statuses(latest: pd.DataFrame) -> dict[tuple[str, str], dict[str, int]]:
    """{(scheme, code): {status: how many}} of the places' latest rows that carry a published
    value (`latest_rows`); a place whose latest values are all hidden or missing is absent."""
    published = _published(latest)
    counts = published.groupby(["geo_scheme", "geo_code", "status"]).size()
    found: dict[tuple[str, str], dict[str, int]] = {}
    for (scheme, code, status), number in counts.items():
        found.setdefault((str(scheme), str(code)), {})[str(status)] = int(number)
    return found


def write_page_previews(
    folder: Path,
    values: pd.DataFrame,
    indicators: pd.DataFrame,
    targets: pd.DataFrame,
    programmes: pd.DataFrame,
    manifest: Mapping[str, Any],
) -> dict[str, Any]:
    """Write the home page's and every province page's cards into `folder`; the manifest's
    "page_previews": {"home": {lang: file}, scheme: {code: {lang: file}}}."""
    written: dict[str, Any] = {HOME: {}}
    end_year, found = home_targets(values, indicators, targets, programmes)
    statuses = published_statuses(latest_rows(values, SCHEMES))
    places = province_pages(values)
    for lang in LANGS:
        name = page_preview_name(HOME, lang)
        save_card(draw_home_card(end_year, found, canvas(manifest, lang), lang), folder / name)
        written[HOME][lang] = name
        for scheme in SCHEMES:
            blank = province_blank(manifest, scheme, lang)  # drawn once, copied for each card
            # one palette for the list's cards: from a card holding every status's colour
            palette = draw_province_card("Ấ", dict.fromkeys(STATUS, 1), blank, lang).quantize(
                colors=64, method=Image.Quantize.FASTOCTREE
            )
            for place in places[places["geo_scheme"] == scheme].itertuples():
                code = str(place.geo_code)
                card = draw_province_card(
                    str(place.geo_name), statuses.get((scheme, code), {}), blank, lang
                )
                name = page_preview_name(f"{scheme}/{code}", lang)
                save_card(card, folder / name, palette)
                written.setdefault(scheme, {}).setdefault(code, {})[lang] = name
    return written
