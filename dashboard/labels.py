"""Words and number formats the site shows: Vietnamese first, English second."""

from __future__ import annotations

import math
from datetime import date

SITE_TITLE = "Chỉ số Chương trình bảo vệ trẻ em trên môi trường mạng 2021–2025"
SITE_SUBTITLE = (
    "Indicators of the Programme on protecting and supporting children online, 2021–2025 "
    "· Quyết định 830/QĐ-TTg · Kế hoạch 838/QĐ-LĐTBXH"
)
SAMPLE_BANNER = "DỮ LIỆU MẪU / SAMPLE DATA"
SAMPLE_BANNER_DETAIL = (
    "Số liệu trên trang này là dữ liệu mẫu để thử nghiệm, không phải số liệu chính thức. "
    "The figures on this site are sample data for testing, not official statistics."
)
SUPPRESSED = "Ẩn (<5)"
MISSING = "–"
NO_TARGET = "Theo dõi (monitoring)"
NO_DATA = "Chưa có số liệu"

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "achieved": ("Đã đạt", "achieved"),
    "on_track": ("Đúng tiến độ", "on track"),
    "at_risk": ("Có nguy cơ chậm", "at risk"),
    "off_track": ("Chậm tiến độ", "off track"),
    "monitoring": ("Theo dõi", "monitoring"),
    "no_data": ("Chưa có số liệu", "no data"),
    "suppressed": ("Ẩn (<5)", "suppressed"),
}

SCHEME_LABELS: dict[str, str] = {
    "province_2004": "63 tỉnh, thành phố (trước 1/7/2025)",
    "province_2025": "34 tỉnh, thành phố (từ 1/7/2025)",
}

TARGET_KIND_LABELS: dict[str, str] = {
    "official": "Mục tiêu chính thức (Quyết định 830/QĐ-TTg)",
    "derived": "Mục tiêu suy ra, không chính thức (derived, not official)",
}


def status_label(status: str | None) -> str:
    """Vietnamese label of a status code; unknown codes are shown as they are."""
    if not status:
        return MISSING
    return STATUS_LABELS.get(status, (status, status))[0]


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def format_number(value: object, decimals: int = 0) -> str:
    """Vietnamese number style: 1.234,5 (dot groups thousands, comma marks decimals)."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):,.{max(int(decimals), 0)}f}"  # type: ignore[arg-type]
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_value(value: object, unit_label: str | None, decimals: int = 0) -> str:
    """A number with its unit: '98,5%' or '1.234 lượt'."""
    if is_missing(value):
        return MISSING
    number = format_number(value, decimals)
    unit = (unit_label or "").strip()
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}"


def format_target(value: object, unit_label: str | None, decimals: int = 0) -> str:
    """A target value: whole numbers without decimals ('100%'), others as `format_value`."""
    if not is_missing(value) and float(value).is_integer():  # type: ignore[arg-type]
        decimals = 0
    return format_value(value, unit_label, decimals)


def format_date(value: str | None) -> str:
    """ISO date (or timestamp) to dd/mm/yyyy; anything unparseable is returned unchanged."""
    if not value:
        return MISSING
    try:
        return date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)
