"""Fake identifying fields real exports carry and ingestion must drop (names, phones, notes)."""

from __future__ import annotations

import numpy as np

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quang", "Đức", "Thu", "Gia"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh", "Mai", "Nam",
         "Ngân", "Phúc", "Quân", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Khánh"]  # fmt: skip
NOTES = [
    "Người gọi hỏi cách cài đặt chế độ kiểm soát của phụ huynh trên điện thoại.",
    "Trẻ kể bị bạn cùng lớp chế ảnh, đăng lên nhóm Facebook; đã hướng dẫn lưu bằng chứng.",
    'Phụ huynh lo lắng vì con chơi game "quá nhiều", xin tư vấn.',
    "Cuộc gọi im lặng, gọi lại không liên lạc được.",
    "Hỏi thông tin về Tổng đài 111, thời gian làm việc.",
    "Trẻ bị người lạ trên mạng đòi gửi ảnh riêng tư,\nđã chuyển tư vấn viên chuyên sâu.",
    "Gọi nhầm số.",
    "Giáo viên phản ánh học sinh bị bắt nạt qua tin nhắn; đề nghị phối hợp với nhà trường.",
    "Người dân báo tin một trẻ có dấu hiệu bị bạo lực, địa chỉ: thôn 3, xã Yên Lạc.",
    "",
]
STREETS = ["Thôn 2", "Thôn 5", "Tổ 7", "Ấp Bình An", "Số 12 ngõ 45", "Khu phố 3"]
COMMUNES = ["xã Tân Lập", "phường Hòa Bình", "xã Yên Lạc", "phường 7", "xã Phú Mỹ"]


def names(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` plausible Vietnamese full names."""
    parts = [rng.choice(FAMILY, n), rng.choice(MIDDLE, n), rng.choice(GIVEN, n)]
    return np.char.add(
        np.char.add(np.char.add(parts[0], " "), np.char.add(parts[1], " ")), parts[2]
    )


def phones(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` mobile-looking numbers (0 + 9 digits)."""
    prefix = rng.choice(["09", "03", "07", "08", "05"], n)
    body = np.char.zfill(rng.integers(0, 100_000_000, n).astype(str), 8)
    return np.char.add(prefix, body)


def notes(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` free-text notes, some with commas, quotes and line breaks."""
    return np.asarray(NOTES, dtype=object)[rng.integers(0, len(NOTES), n)]


def addresses(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` street-level addresses."""
    return np.char.add(np.char.add(rng.choice(STREETS, n), ", "), rng.choice(COMMUNES, n))
