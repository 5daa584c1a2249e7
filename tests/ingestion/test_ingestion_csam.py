"""The national CSAM database's exports (IND-17 to IND-19, activities 10a/10b): hash checked
then dropped with the link, the uploader's account and the analyst's name; a broken row, a
broken file, a duplicate delivery, a correction, and the sample's faults."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ingestion.load import load_source
from ingestion.sample.csam import DUPLICATE_MONTH, ENCODINGS, LATE_MONTH, write_csam_month
from tests.ingestion.redeliveries import (
    broken_then_duplicate,
    contains,
    results,
    status_in_ledger,
    write_landing,
)

HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
ITEMS_HEADER = (
    "STT,Mã dữ liệu,Giá trị băm,Ngày đưa vào CSDL,Nguồn tiếp nhận,Loại dữ liệu,Người xác nhận\n"
)
ITEMS = [
    f"1,CS-1,{HASH},03/05/2024,Hệ thống giám sát,Ảnh,Nguyễn Văn An\n",
    f"2,CS-2,{HASH.upper()},04/05/2024,NCMEC,Video,Trần Thị Bình\n",
    # the image itself, not its hash
    "3,CS-3,data:image/jpeg;base64/9j/4AAQSkZJRg,05/05/2024,Tổng đài 111,Ảnh,Lê Chi\n",
    # confirmed outside the file's month, then an unknown channel
    f"4,CS-4,{HASH},05/06/2024,Tổng đài 111,Ảnh,Lê Chi\n",
    f"5,CS-5,{HASH},06/05/2024,Báo chí,Ảnh,Lê Chi\n",
]
NOTICES_HEADER = (
    "STT,Mã yêu cầu gỡ bỏ,Mã dữ liệu,Nền tảng,Đường dẫn,Tài khoản đăng tải,"
    "Thời điểm phát hiện,Thời điểm gửi yêu cầu,Thời điểm gỡ bỏ\n"
)
NOTICES = [
    "1,YC-1,CS-1,Facebook,https://example.invalid/p/1,user123456,03/05/2024 08:00,"
    "03/05/2024 09:00,03/05/2024 20:00\n",
    "2,YC-2,CS-1,Telegram,https://example.invalid/p/2,user654321,03/05/2024 08:00,"
    "03/05/2024 10:00,\n",
    # removed before the notice was sent
    "3,YC-3,CS-2,TikTok,https://example.invalid/p/3,user1,04/05/2024 08:00,"
    "04/05/2024 09:00,04/05/2024 08:30\n",
    # an unknown platform
    "4,YC-4,CS-2,MySpace,https://example.invalid/p/4,user2,04/05/2024 08:00,04/05/2024 09:00,\n",
]
SECRETS = (HASH, "Nguyễn Văn An", "example.invalid", "user123456", "base64")


def _write(landing: Path, name: str, text: str) -> Path:
    return write_landing(landing, "csam", name, text)


def test_rows_are_checked_and_hashes_links_and_names_dropped(tmp_path: Path, con) -> None:
    _write(tmp_path, "items_2024-05.csv", ITEMS_HEADER + "".join(ITEMS))
    _write(tmp_path, "notices_2024-05.csv", NOTICES_HEADER + "".join(NOTICES))
    [items] = load_source(con, "csam_items", tmp_path)
    [notices] = load_source(con, "csam_notices", tmp_path)
    assert (items.rows_loaded, items.rows_rejected) == (2, 3)
    assert (notices.rows_loaded, notices.rows_rejected) == (2, 2)
    assert con.execute(
        "SELECT item_id, intake_channel, media_type FROM raw_csam__items ORDER BY 1"
    ).fetchall() == [("CS-1", "social_listening", "image"), ("CS-2", "international", "video")]
    rows = con.execute(
        "SELECT notice_id, platform, CAST(notice_sent_at AS VARCHAR), "
        "CAST(removed_at AS VARCHAR) FROM raw_csam__notices ORDER BY 1"
    ).fetchall()
    assert rows == [  # local times (UTC+7) stored in UTC
        ("YC-1", "facebook", "2024-05-03 02:00:00", "2024-05-03 13:00:00"),
        ("YC-2", "telegram", "2024-05-03 03:00:00", None),
    ]
    reasons = [
        r[0]
        for r in con.execute(
            "SELECT reason FROM raw_ingestion__rejects ORDER BY file_path, row_number"
        ).fetchall()
    ]
    assert "not a hash" in reasons[0]
    assert "outside the file's period" in reasons[1] and "intake_channel" in reasons[2]
    assert "removed_at not before notice_sent_at" in reasons[3] and "platform" in reasons[4]
    for table in ("raw_csam__items", "raw_csam__notices", "raw_ingestion__rejects"):
        for secret in SECRETS:
            assert contains(con, table, secret) == 0, (table, secret)


def test_broken_file_duplicate_and_correction(tmp_path: Path, con) -> None:
    first = _write(tmp_path, "notices_2024-05.csv", NOTICES_HEADER + "".join(NOTICES[:2]))
    load_source(con, "csam_notices", tmp_path)
    # a re-export without its removal column replaces nothing; a copy is a duplicate
    broken = _write(
        tmp_path, "notices_2024-05_v2.csv", NOTICES_HEADER.replace(",Thời điểm gỡ bỏ", "") + "1\n"
    )
    broken_then_duplicate(con, "csam_notices", tmp_path, first, broken, "removed_at")
    # the correction: Telegram removed the content four days later
    later = NOTICES[1].replace("03/05/2024 10:00,\n", "03/05/2024 10:00,07/05/2024 10:00\n")
    _write(tmp_path, "notices_2024-05_v4.csv", NOTICES_HEADER + NOTICES[0] + later)
    assert results(con, "csam_notices", tmp_path)["csam/notices_2024-05_v4.csv"].status == "loaded"
    assert con.execute(
        "SELECT notice_id, CAST(removed_at AS VARCHAR), _source_file FROM raw_csam__notices "
        "ORDER BY 1"
    ).fetchall() == [
        ("YC-1", "2024-05-03 13:00:00", "csam/notices_2024-05_v4.csv"),
        ("YC-2", "2024-05-07 03:00:00", "csam/notices_2024-05_v4.csv"),
    ]
    assert status_in_ledger(con, first, tmp_path) == "superseded"


def test_sample_faults_load_as_promised(tmp_path: Path, con) -> None:
    months = [DUPLICATE_MONTH, LATE_MONTH, *ENCODINGS]
    written = [write_csam_month(tmp_path, y, m, 1.0, 830) for y, m in months]
    assert write_csam_month(tmp_path, 2021, 5, 1.0, 830)["files"] == 0  # no database in 2021
    assert written[0]["duplicates"] == 1 and sum(w["reexports"] for w in written) >= 2
    items = {r.file_path: r for r in load_source(con, "csam_items", tmp_path)}
    notices = {r.file_path: r for r in load_source(con, "csam_notices", tmp_path)}
    stem = "csam/notices_{}-{:02d}".format(*DUPLICATE_MONTH)
    assert notices[f"{stem}_v3.csv"].status == "duplicate"
    assert notices[f"{stem}.csv"].superseded_by == f"{stem}_v2.csv"
    assert all(r.rows_rejected == 0 for r in [*items.values(), *notices.values()])
    for (year, month), encoding in ENCODINGS.items():
        name = f"csam/items_{year}-{month:02d}.csv"
        assert items[name].status == "loaded" and items[name].rows_loaded > 0, encoding
    assert con.execute("SELECT count(*) FROM raw_csam__items").fetchone()[0] == sum(
        w["items"] for w in written
    )
    assert con.execute("SELECT count(*) FROM raw_csam__notices").fetchone()[0] == sum(
        w["notices"] for w in written
    )
    late = tmp_path / "csam/items_{}-{:02d}.csv".format(*LATE_MONTH)
    assert pd.Timestamp(os.stat(late).st_mtime, unit="s") > pd.Timestamp("2023-07-31")
    exported = pd.read_csv(tmp_path / "csam/notices_{}-{:02d}.csv".format(*DUPLICATE_MONTH))
    assert {"Đường dẫn", "Tài khoản đăng tải"} <= set(exported.columns)
    for table in ("raw_csam__items", "raw_csam__notices"):
        assert contains(con, table, "example.invalid") == 0
