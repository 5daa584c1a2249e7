"""The preview card of each indicator (the image a shared link shows: `og:image`), drawn at
publish time into the release folder, one per indicator and language:
`preview-<slug>-vi.png` and `preview-<slug>-en.png` (1200 × 630, the Open Graph size).

Offline and quick: Pillow draws the card (the indicator's code and name, its latest national
value and period, the target, a small trend line, the release date and the sample label) with
the system's DejaVu Sans (Debian's fonts-dejavu-core, which fontconfig and chromium pull in; it
has every Vietnamese letter). About 20 ms of CPU a card, so the whole set costs about half a
second of the publish step; no browser is started. The manifest's "previews" names them
({slug: {lang: file}}); the site names the file in the page's `og:image`
(dashboard/page_head.py) and serves it from the release like every other file.

Only published numbers are drawn: a suppressed value is "Ẩn" / "Suppressed", never a number.
Pure apart from writing the files: the release's frames in, PNGs out (no dashboard import).
"""

from __future__ import annotations

import math
import re
import subprocess
import textwrap
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from PIL import Image, ImageDraw, ImageFont

from schemas.reference import DISAGGREGATIONS

PREFIX = "preview-"
LANGS = ("vi", "en")
SIZE = (1200, 630)
_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))

INK, MUTED, BLUE, RED, BAND, SAMPLE = (
    "#1b1f24", "#4a535c", "#0b5cad", "#b3261e", "#0b3d6e", "#ffd54a",
)  # fmt: skip

WORDS = {
    "site": {
        "vi": "Chỉ số bảo vệ trẻ em trên môi trường mạng",
        "en": "Child online protection indicators · Viet Nam",
    },
    "national": {"vi": "Toàn quốc", "en": "National"},
    "target": {"vi": "Mục tiêu {year}: {value}", "en": "Target {year}: {value}"},
    "monitoring": {"vi": "Theo dõi (không có mục tiêu)", "en": "Monitoring (no target)"},
    "no_data": {"vi": "Chưa có số liệu", "en": "No data yet"},
    "suppressed": {"vi": "Ẩn (số nhỏ)", "en": "Suppressed (small count)"},
    "release": {"vi": "Số liệu tính đến {as_of}", "en": "Data as of {as_of}"},
    "sample": {"vi": "DỮ LIỆU MẪU", "en": "SAMPLE DATA"},
}


class PreviewError(RuntimeError):
    """No preview can be drawn (no TrueType font with Vietnamese letters on this machine)."""


def preview_name(slug: str, lang: str) -> str:
    if not _SAFE_SLUG.match(slug) or lang not in LANGS:
        raise ValueError(f"not a preview: slug {slug!r}, language {lang!r}")
    return f"{PREFIX}{slug}-{lang}.png"


@lru_cache(maxsize=1)
def _font_files() -> tuple[Path, Path]:
    """(regular, bold) DejaVu Sans: fontconfig's answer, else Debian's usual folders."""
    found: list[Path] = []
    for style in ("DejaVu Sans:style=Book", "DejaVu Sans:style=Bold"):
        try:
            answer = subprocess.run(
                ["fc-match", "-f", "%{file}", style], capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            answer = ""
        if answer and "DejaVuSans" in answer and Path(answer).is_file():
            found.append(Path(answer))
    if len(found) == 2:
        return found[0], found[1]
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    raise PreviewError(
        "DejaVu Sans is not installed (apt-get install fonts-dejavu-core): the preview cards "
        "need a font with every Vietnamese letter"
    )


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    regular, heavy = _font_files()
    return ImageFont.truetype(str(heavy if bold else regular), size)


def missing(value: object) -> bool:
    try:
        return value is None or math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def format_number(value: float, decimals: int, lang: str) -> str:
    """1.234,5 (vi) / 1,234.5 (en), as the site writes numbers."""
    text = f"{value:,.{max(decimals, 0)}f}"
    return text if lang == "en" else text.translate(str.maketrans(",.", ".,"))


def with_unit(value: float, indicator: Mapping[str, Any], lang: str, whole: bool = False) -> str:
    decimals = 0 if whole and float(value).is_integer() else _decimals(indicator)
    unit = str(indicator.get(f"unit_label_{lang}") or "").strip()
    number = format_number(float(value), decimals, lang)
    return f"{number}%" if unit == "%" else (f"{number} {unit}" if unit else number)


def _decimals(indicator: Mapping[str, Any]) -> int:
    try:
        return int(float(indicator.get("decimals") or 0))
    except (TypeError, ValueError):
        return 0


def period_text(period: str, period_type: str, lang: str) -> str:
    if period_type == "school_year" and len(period) == 9:
        return period.replace("-", "–")
    if period_type == "quarter" and "-Q" in period:
        year, quarter = period.split("-Q", 1)
        return f"Q{quarter}/{year}" if lang == "vi" else f"Q{quarter} {year}"
    if period_type == "month" and len(period) == 7:
        year, month = period.split("-")
        return f"{month}/{year}" if lang == "vi" else f"{_MONTHS_EN[int(month) - 1]} {year}"
    return period


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date_text(value: object, lang: str) -> str:
    text = str(value or "")[:10]
    if len(text) != 10:
        return text or "–"
    year, month, day = text.split("-")
    if lang == "vi":
        return f"{day}/{month}/{year}"
    return f"{int(day)} {_MONTHS_EN[int(month) - 1]} {year}"


def national_totals(values: pd.DataFrame) -> pd.DataFrame:
    """The national total rows of every indicator (no breakdown)."""
    rows = values[values["geo_scheme"] == "national"]
    for column in DISAGGREGATIONS:
        if column in rows.columns:
            rows = rows[rows[column].fillna("_T").astype(str) == "_T"]
    return rows


def national_series(national: pd.DataFrame, slug: str) -> pd.DataFrame:
    """`slug`'s rows of `national_totals` in its coarsest period type, oldest first."""
    rows = national[national["slug"] == slug]
    for kind in ("year", "school_year", "quarter", "month"):
        chosen = rows[rows["period_type"] == kind]
        if not chosen.empty:
            return chosen.sort_values("period").reset_index(drop=True)
    return rows.iloc[0:0]


def headline_target(targets: pd.DataFrame, indicator: Mapping[str, Any]) -> dict | None:
    """The indicator's headline target (its target id's last year), as the site shows it."""
    target_id = str(indicator.get("target_id") or "").strip()
    if not target_id or targets.empty:
        return None
    rows = targets[targets["target_id"].astype(str) == target_id]
    return None if rows.empty else rows.sort_values("target_year").iloc[-1].to_dict()


def draw_card(
    indicator: Mapping[str, Any],
    rows: pd.DataFrame,
    target: Mapping[str, Any] | None,
    manifest: Mapping[str, Any],
    lang: str,
) -> Image.Image:
    """The 1200 × 630 card of one indicator in `lang`."""
    image = canvas(manifest, lang)
    draw = ImageDraw.Draw(image)
    draw.text((48, 100), str(indicator.get("indicator_code") or ""), font=font(26, True), fill=BLUE)
    name = str(indicator.get(f"name_{lang}") or indicator.get("name_vi") or "")
    lines = textwrap.wrap(name, 38)
    if len(lines) > 4:
        lines = [*lines[:3], lines[3][:34] + "…"]
    y = 140
    for line in lines[:4]:
        draw.text((48, y), line, font=font(40, bold=True), fill=INK)
        y += 52

    published = rows[rows["value"].notna() & (rows["obs_status"].astype(str) != "suppressed")]
    latest = rows.iloc[-1].to_dict() if not rows.empty else None
    if latest is None:
        headline, caption = WORDS["no_data"][lang], ""
    else:
        if str(latest.get("obs_status")) == "suppressed":
            headline = WORDS["suppressed"][lang]
        elif missing(latest.get("value")):
            headline = WORDS["no_data"][lang]
        else:
            headline = with_unit(float(latest["value"]), indicator, lang)
        period = period_text(str(latest["period"]), str(latest["period_type"]), lang)
        caption = f"{WORDS['national'][lang]} {period}"
    base = max(y + 24, 380)
    draw.text((48, base), caption, font=font(28), fill=MUTED)
    size = 72  # the headline shrinks to leave the trend its corner
    while size > 40 and draw.textlength(headline, font=font(size, bold=True)) > 660:
        size -= 4
    draw.text((48, base + 36 + (72 - size)), headline, font=font(size, bold=True), fill=BLUE)
    if target is not None and not missing(target.get("target_value")):
        text = WORDS["target"][lang].format(
            year=int(float(target["target_year"])),
            value=with_unit(float(target["target_value"]), indicator, lang, whole=True),
        )
    else:
        text = WORDS["monitoring"][lang]
    draw.text((48, base + 128), text, font=font(28, bold=True), fill=RED if target else MUTED)

    _trend(draw, published, target, (780, base + 8, 1152, base + 150))
    return image


def canvas(manifest: Mapping[str, Any], lang: str) -> Image.Image:
    """A blank card: the site's band with the sample label (on a sample release) at the top, the
    data date, release and licence at the bottom."""
    image = Image.new("RGB", SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rectangle([0, 0, width, 72], fill=BAND)
    draw.text((48, 22), WORDS["site"][lang], font=font(26, bold=True), fill="#ffffff")
    if manifest.get("is_sample"):
        label = WORDS["sample"][lang]
        box = draw.textbbox((0, 0), label, font=font(24, bold=True))
        left = width - 48 - (box[2] - box[0]) - 24
        draw.rounded_rectangle([left, 14, width - 48, 58], radius=8, fill=SAMPLE)
        draw.text((left + 12, 20), label, font=font(24, bold=True), fill=INK)
    as_of = WORDS["release"][lang].format(as_of=_date_text(manifest.get("data_as_of"), lang))
    footer = f"{as_of} · {manifest.get('release_id', '')} · CC BY 4.0"
    draw.line([48, height - 56, width - 48, height - 56], fill="#d5dbe1", width=2)
    draw.text((48, height - 44), footer, font=font(22), fill=MUTED)
    return image


def save_card(card: Image.Image, path: Path, palette: Image.Image | None = None) -> None:
    """The card as a PNG of 48 colours (a third of the bytes of RGB, and quicker to write), or of
    `palette`'s colours (a palette image made once for many cards of the same colours: no
    palette is searched for each); zlib's quickest level (a tenth more bytes, half the time)."""
    if palette is None:
        indexed = card.quantize(colors=48, method=Image.Quantize.FASTOCTREE)
    else:
        indexed = card.quantize(palette=palette, dither=Image.Dither.NONE)
    indexed.save(path, format="PNG", compress_level=1)


def _trend(
    draw: ImageDraw.ImageDraw,
    published: pd.DataFrame,
    target: Mapping[str, Any] | None,
    box: tuple[int, int, int, int],
) -> None:
    """A small line of the published values (and the target as a dashed line), no axes."""
    values = [float(v) for v in published["value"]]
    if len(values) < 2:
        return
    goal = None
    if target is not None and not missing(target.get("target_value")):
        goal = float(target["target_value"])
    left, top, right, bottom = box
    high = max([*values, goal if goal is not None else 0.0]) or 1.0
    low = min(0.0, *values)

    def y_of(value: float) -> float:
        return bottom - (value - low) / ((high - low) or 1.0) * (bottom - top)

    step = (right - left) / (len(values) - 1)
    points = [(left + i * step, y_of(v)) for i, v in enumerate(values)]
    draw.line([left, bottom, right, bottom], fill="#8a939c", width=2)
    if goal is not None:
        for dash in range(left, right, 24):
            draw.line([dash, y_of(goal), min(dash + 14, right), y_of(goal)], fill=RED, width=3)
    draw.line(points, fill=BLUE, width=6, joint="curve")
    for x, y in points:
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=BLUE)


def write_previews(
    folder: Path,
    values: pd.DataFrame,
    indicators: pd.DataFrame,
    targets: pd.DataFrame,
    manifest: Mapping[str, Any],
) -> dict[str, dict[str, str]]:
    """Write every indicator's cards into `folder`: {slug: {lang: file name}} (the manifest's
    "previews", which the site reads to name them)."""
    written: dict[str, dict[str, str]] = {}
    national = national_totals(values)
    for indicator in indicators.to_dict("records"):
        slug = str(indicator["slug"])
        rows = national_series(national, slug)
        target = headline_target(targets, indicator)
        for lang in LANGS:
            name = preview_name(slug, lang)
            save_card(draw_card(indicator, rows, target, manifest, lang), folder / name)
            written.setdefault(slug, {})[lang] = name
    return written
