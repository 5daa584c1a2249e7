"""Tile-grid cartogram positions: each province a square placed roughly where it lies.

`row` grows southwards, `col` eastwards. The archipelagos Hoàng Sa (Đà Nẵng) and Trường Sa
(Khánh Hòa) are drawn as labelled markers off the coast, attached to their province: a map of
Viet Nam for a Vietnamese audience must show them.
"""

from __future__ import annotations

from typing import NamedTuple


class Tile(NamedTuple):
    row: int
    col: int
    short: str  # label on the tile


class Island(NamedTuple):
    key: str  # i18n key suffix: islands.<key>
    row: float
    col: float
    province: str  # geo_code of the province it belongs to


def _parse(table: str) -> dict[str, Tile]:
    tiles = {}
    for line in table.strip().splitlines():
        code, row, col, short = (part.strip() for part in line.split(","))
        tiles[code] = Tile(int(row), int(col), short)
    return tiles


# code, row, col, label — 63 provinces before 1 July 2025
_TILES_2004 = """
12, 0, 3, LCh
10, 0, 4, LCa
02, 0, 5, HG
04, 0, 6, CB
11, 1, 2, ĐB
15, 1, 4, YB
08, 1, 5, TQ
06, 1, 6, BK
20, 1, 7, LS
14, 2, 3, SL
25, 2, 4, PT
19, 2, 5, TN
24, 2, 6, BG
22, 2, 7, QN
17, 3, 3, HB
26, 3, 4, VP
01, 3, 5, HN
27, 3, 6, BN
31, 3, 7, HP
35, 4, 4, HNa
33, 4, 5, HY
30, 4, 6, HD
34, 4, 7, TB
38, 5, 3, TH
37, 5, 4, NB
36, 5, 5, NĐ
40, 6, 3, NA
42, 7, 4, HT
44, 8, 4, QB
45, 9, 5, QT
46, 10, 5, Huế
48, 10, 6, ĐNa
49, 11, 6, QNa
62, 12, 5, KT
51, 12, 6, QNg
64, 13, 5, GL
52, 13, 6, BĐ
66, 14, 5, ĐL
54, 14, 6, PY
67, 15, 4, ĐNô
68, 15, 5, LĐ
56, 15, 6, KH
72, 16, 2, TNi
70, 16, 3, BP
74, 16, 4, BD
60, 16, 5, BTh
58, 16, 6, NT
87, 17, 1, ĐT
80, 17, 2, LA
79, 17, 3, HCM
75, 17, 4, ĐN
77, 17, 5, VT
89, 18, 0, AG
92, 18, 1, CT
86, 18, 2, VL
82, 18, 3, TG
83, 18, 4, BTr
91, 19, 0, KG
93, 19, 1, HGi
94, 19, 2, ST
84, 19, 3, TV
96, 20, 0, CM
95, 20, 1, BL
"""

# 34 provinces from 1 July 2025
_TILES_2025 = """
12, 0, 3, LCh
15, 0, 4, LCa
08, 0, 5, TQ
04, 0, 6, CB
11, 1, 2, ĐB
14, 1, 3, SL
25, 1, 4, PT
19, 1, 5, TN
20, 1, 6, LS
01, 2, 4, HN
24, 2, 5, BN
22, 2, 6, QN
37, 3, 4, NB
33, 3, 5, HY
31, 3, 6, HP
38, 4, 3, TH
40, 5, 3, NA
42, 6, 4, HT
44, 7, 4, QT
46, 8, 5, Huế
48, 9, 6, ĐNa
51, 10, 6, QNg
52, 11, 5, GL
66, 12, 5, ĐL
68, 13, 4, LĐ
56, 13, 6, KH
80, 14, 2, TNi
79, 14, 3, HCM
75, 14, 4, ĐN
82, 15, 1, ĐT
86, 15, 2, VL
91, 16, 0, AG
92, 16, 1, CT
96, 17, 0, CM
"""

TILES: dict[str, dict[str, Tile]] = {
    "province_2004": _parse(_TILES_2004),
    "province_2025": _parse(_TILES_2025),
}

ISLANDS: dict[str, tuple[Island, ...]] = {
    "province_2004": (
        Island("hoang_sa", 9.5, 8.6, "48"),
        Island("truong_sa", 16.5, 8.6, "56"),
    ),
    "province_2025": (
        Island("hoang_sa", 8.5, 8.4, "48"),
        Island("truong_sa", 14.5, 8.4, "56"),
    ),
}
