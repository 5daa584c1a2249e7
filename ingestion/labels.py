"""Source labels (English codes, Vietnamese labels with or without diacritics) → contract codes.

Keys are passed through ``ingestion.text.match_key``; each contract code also maps to itself.
"""

from __future__ import annotations

import pandas as pd

from ingestion.text import map_labels, match_key
from schemas.raw import codes


def _mapping(code_list: list[str], extra: dict[str, list[str]]) -> dict[str, str]:
    mapping = {match_key(code): code for code in code_list}
    for code, labels in extra.items():
        mapping.update({match_key(label): code for label in labels})
    return mapping


CHANNEL = _mapping(
    codes.CHANNELS,
    {
        "phone": ["Điện thoại", "Gọi điện", "Tổng đài", "call", "telephone"],
        "app": ["Ứng dụng", "Ứng dụng Tổng đài 111", "mobile app"],
        "zalo": ["Zalo OA", "Tin nhắn Zalo"],
        "web": ["Website", "Trang web", "Cổng thông tin", "web form", "online form"],
    },
)
CALLER_TYPE = _mapping(
    codes.CALLER_TYPES,
    {
        "child": ["Trẻ em", "Trẻ"],
        "parent": ["Cha mẹ", "Bố mẹ", "Phụ huynh"],
        "relative": ["Người thân", "Họ hàng"],
        "teacher": ["Giáo viên", "Thầy cô"],
        "community": ["Cộng đồng", "Hàng xóm", "Người dân"],
        "official": ["Cán bộ", "Cơ quan"],
        "other": ["Khác"],
        "unknown": ["Không rõ", "Không xác định"],
    },
)
OUTCOME = _mapping(
    codes.CONTACT_OUTCOMES,
    {
        "silent": ["Cuộc gọi im lặng", "Im lặng"],
        "nuisance": ["Quấy rối", "Cuộc gọi quấy rối", "Gọi nhầm"],
        "information": ["Cung cấp thông tin", "Thông tin"],
        "in_depth_counselling": [
            "Tư vấn chuyên sâu",
            "in-depth counselling",
            "in_depth_counseling",
        ],
        "intervention_request": ["Yêu cầu hỗ trợ can thiệp", "Hỗ trợ can thiệp"],
        "other": ["Khác"],
    },
)
REGIONAL_CENTRE = _mapping(
    codes.REGIONAL_CENTRES,
    {"ha_noi": ["Hà Nội", "Hanoi"], "da_nang": ["Đà Nẵng", "Danang"], "an_giang": ["An Giang"]},
)
ABUSE_TYPE = _mapping(
    codes.ABUSE_TYPES,
    {
        "violence": ["Bạo lực"],
        "sexual_abuse": ["Xâm hại tình dục"],
        "exploitation": ["Bóc lột"],
        "trafficking": ["Mua bán trẻ em", "Mua bán người"],
        "neglect": ["Bỏ rơi", "Bỏ mặc", "abandonment"],
        "rights_violation": ["Vi phạm quyền trẻ em"],
        "custody_dispute": ["Tranh chấp quyền nuôi con"],
        "other": ["Khác"],
    },
)
ONLINE_SUBTYPE = _mapping(
    codes.ONLINE_SUBTYPES,
    {"grooming": ["solicitation"], "cyberbullying": ["defamation"], "csam": ["CSAM"]},
)
CHILD_SEX = _mapping(
    codes.CHILD_SEXES,
    {"male": ["Nam", "M", "Trai"], "female": ["Nữ", "F", "Gái"], "unknown": ["Không rõ", "U"]},
)
AGE_BAND = _mapping(
    codes.AGE_BANDS,
    {
        "0-5": ["0-5 tuổi", "Dưới 6 tuổi"],
        "6-10": ["6-10 tuổi"],
        "11-14": ["11-14 tuổi"],
        "15": ["15 tuổi"],
        "16-17": ["16-17 tuổi"],
        "unknown": ["Không rõ", "Không rõ tuổi"],
    },
)
AUDIENCE = _mapping(
    codes.AUDIENCES,
    {
        "officials": ["Cán bộ", "Cán bộ, công chức", "Công chức"],
        "collaborators": ["Cộng tác viên", "CTV"],
        "children": ["Trẻ em", "Học sinh"],
        "parents": ["Cha mẹ", "Phụ huynh", "Cha mẹ, người chăm sóc"],
        "teachers": ["Giáo viên"],
    },
)
MODE = _mapping(
    codes.TRAINING_MODES,
    {"in_person": ["Trực tiếp", "in person", "offline"], "online": ["Trực tuyến"]},
)
PLATFORM = _mapping(
    codes.PLATFORMS,
    {
        "facebook": ["Fanpage", "Facebook fanpage", "FB"],
        "zalo": ["Zalo OA", "Zalo Official Account"],
        "youtube": ["YouTube channel", "YT"],
        "tiktok": ["Tik Tok"],
    },
)
OPINION_TOPIC = _mapping(
    codes.OPINION_TOPICS,
    {
        "online_safety": ["An toàn trên mạng", "An toàn trực tuyến", "Môi trường mạng"],
        "school": ["Học tập", "Trường học", "Giáo dục"],
        "family": ["Gia đình"],
        "health": ["Sức khỏe", "Sức khoẻ"],
        "rights": ["Quyền trẻ em", "Quyền tham gia"],
        "other": ["Khác"],
    },
)
FACILITY_TYPE = _mapping(
    codes.FACILITY_TYPES,
    {
        "primary": ["Tiểu học", "Trường tiểu học", "TH"],
        "lower_secondary": ["Trung học cơ sở", "THCS"],
        "upper_secondary": ["Trung học phổ thông", "THPT"],
        "multi_level": ["Liên cấp", "Phổ thông nhiều cấp", "TH&THCS", "THCS&THPT"],
        "care_facility": [
            "Cơ sở trợ giúp xã hội",
            "Cơ sở nuôi dưỡng",
            "Cơ sở bảo vệ trẻ em",
            "Cơ sở trợ giúp trẻ em",
        ],
    },
)
SUBJECT_TYPE = _mapping(
    codes.SUBJECT_TYPES,
    {
        "individual": ["Cá nhân", "person"],
        "organisation": ["Tổ chức", "organization", "Doanh nghiệp"],
    },
)
VIOLATION_CHANNEL = _mapping(
    codes.VIOLATION_CHANNELS,
    {
        "citizen_report": ["Tố giác của công dân", "Công dân tố giác", "Tố giác"],
        "hotline_111": ["Tổng đài 111 chuyển", "Tổng đài 111", "111"],
        "platform_report": ["Nền tảng báo cáo", "Báo cáo của nền tảng", "Doanh nghiệp nền tảng"],
        "police_detection": ["Công an phát hiện", "Cơ quan công an phát hiện", "Phát hiện"],
        "inspection": ["Thanh tra", "Qua thanh tra, kiểm tra", "Thanh tra, kiểm tra"],
    },
)
VIOLATION_TYPE = _mapping(
    codes.VIOLATION_TYPES,
    {
        "csam": ["Hình ảnh xâm hại tình dục trẻ em", "CSAM"],
        "grooming_sexual_exploitation": [
            "Dụ dỗ, xâm hại, bóc lột tình dục",
            "Dụ dỗ, bóc lột tình dục",
            "grooming",
        ],
        "trafficking": ["Mua bán trẻ em", "Mua bán người"],
        "cyberbullying_defamation": ["Bắt nạt, bôi nhọ trên mạng", "Bắt nạt trên mạng"],
        "privacy_disclosure": [
            "Tiết lộ thông tin bí mật đời sống riêng tư của trẻ em",
            "Tiết lộ thông tin cá nhân của trẻ em",
        ],
        "harmful_content": ["Nội dung độc hại", "Nội dung có hại cho trẻ em"],
        "fraud": ["Lừa đảo", "Lừa đảo trẻ em"],
    },
)
CSAM_CHANNEL = _mapping(
    codes.CSAM_CHANNELS,
    {
        "hotline_111": ["Tổng đài 111"],
        "citizen_report": ["Người dân báo cáo", "Tố giác của công dân"],
        "platform_report": ["Nền tảng báo cáo"],
        "social_listening": ["Hệ thống giám sát", "Lắng nghe mạng xã hội"],
        "police": ["Công an chuyển", "Công an"],
        "international": ["Quốc tế", "NCMEC", "IWF"],
    },
)
CSAM_MEDIA = _mapping(codes.CSAM_MEDIA, {"image": ["Ảnh", "Hình ảnh"], "video": ["Video", "Clip"]})
CSAM_PLATFORM = _mapping(
    codes.CSAM_PLATFORMS,
    {"x": ["Twitter", "X (Twitter)"], "other": ["Khác", "Trang web khác"]},
)
INSPECTING_BODY = _mapping(
    codes.INSPECTING_BODIES,
    {
        "ministry_inspectorate": ["Thanh tra Bộ"],
        "provincial_inspectorate": ["Thanh tra Sở", "Thanh tra tỉnh"],
        "police": ["Công an"],
        "interagency": ["Đoàn liên ngành", "Liên ngành"],
    },
)
INSPECTION_FINDING = _mapping(
    codes.INSPECTION_FINDINGS,
    {
        "no_violation": ["Không phát hiện vi phạm", "Không vi phạm"],
        "violation_found": ["Có vi phạm", "Phát hiện vi phạm"],
    },
)
_TRUE = ["1", "true", "t", "yes", "y", "x", "Có", "Đúng"]
_FALSE = ["0", "false", "f", "no", "n", "Không", "Sai"]
BOOLEAN = {**{match_key(v): "true" for v in _TRUE}, **{match_key(v): "false" for v in _FALSE}}


def to_booleans(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Map yes/no labels to a nullable boolean series; returns ``(booleans, unparseable mask)``."""
    mapped, bad = map_labels(values, BOOLEAN)
    booleans = mapped.map({"true": True, "false": False}).astype("boolean")
    return booleans, bad
