"""Sample record of official completion reports of Plan 838 deliverables
(``plan/completions_YYYY-MM.csv``, by the month of the report's date).

Illustrative, labelled sample like the rest: the completion dates and document numbers below
are plausible, not the real ones. Every one of the six dated deliverables has a report, two of
them completed after their due date. The CSAM database (M-10A) is reported complete at the end
of 2021, consistent with the sample's CSAM exports, which start in January 2022
(``ingestion/sample/csam.py``). The April 2022 record is corrected (``_v2``: a completion date
typed wrongly), and every file carries the signatory's name and the report's summary, which
ingestion drops.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# (milestone, completed, document number, document date, summary)
REPORTS = [
    ("M-07-NETWORK", "05/11/2021", "198/BC-CTE", "26/11/2021",
     "Báo cáo việc tham gia Mạng lưới ứng cứu bảo vệ trẻ em trên môi trường mạng"),
    ("M-06-PORTAL", "20/12/2021", "245/BC-CTE", "10/01/2022",
     "Báo cáo hoàn thành Cổng thông tin điện tử dành cho trẻ em"),
    ("M-10A-CSAM-DATABASE", "31/12/2021", "12/BC-CTE", "14/01/2022",
     "Báo cáo hoàn thành, đưa vào vận hành Cơ sở dữ liệu quốc gia về hình ảnh xâm hại tình dục "
     "trẻ em"),
    ("M-09-COORDINATION", "15/03/2022", "87/BC-CTE", "05/04/2022",
     "Báo cáo ban hành Quy chế phối hợp tiếp nhận, xử lý thông tin xâm hại trẻ em trên mạng"),
    ("M-05-INTEGRATION", "20/10/2022", "301/BC-CTE", "14/11/2022",
     "Báo cáo tích hợp kênh tiếp nhận trực tuyến với Tổng đài 111"),
    ("M-10B-AI-LISTENING", "30/06/2023", "152/BC-TTTT", "12/07/2023",
     "Báo cáo vận hành hệ thống lọc hình ảnh xâm hại bằng trí tuệ nhân tạo"),
]  # fmt: skip
CORRECTED = {"M-09-COORDINATION": "25/03/2022"}
"""The first delivery of these reports' month typed this completion date; ``_v2`` corrects it."""
SIGNATORIES = ["Nguyễn Thị Hoa", "Trần Văn Nam", "Lê Thị Mai"]


def _frame(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "STT": range(1, len(rows) + 1),
            "Mã nhiệm vụ": [r[0] for r in rows],
            "Trích yếu": [r[4] for r in rows],
            "Ngày hoàn thành": [r[1] for r in rows],
            "Số văn bản": [r[2] for r in rows],
            "Ngày văn bản": [r[3] for r in rows],
            "Người ký": [SIGNATORIES[i % len(SIGNATORIES)] for i in range(len(rows))],
        }
    )


def write_completions(out: Path, months: set[str]) -> dict[str, int]:
    """Write the months (``YYYY-MM``) of ``months`` that hold a report; returns the files
    written, rows of the current versions and corrections."""
    folder = out / "plan"
    written = {"files": 0, "rows": 0, "corrections": 0}
    by_month: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for report in REPORTS:
        day, month, year = report[3].split("/")
        by_month.setdefault(f"{year}-{month}", []).append(report)
    for month, rows in sorted(by_month.items()):
        if month not in months:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        name = f"completions_{month}"
        if any(r[0] in CORRECTED for r in rows):
            first = [(r[0], CORRECTED.get(r[0], r[1]), *r[2:]) for r in rows]
            _frame(first).to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
            written["files"] += 1
            written["corrections"] += 1
            name += "_v2"
        _frame(rows).to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
        written["files"] += 1
        written["rows"] += len(rows)
    return written
