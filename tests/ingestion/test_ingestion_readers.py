"""Normalisation helpers: encodings, provinces, timestamps, report dates, labels."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest

from ingestion import labels
from ingestion.encoding import DecodeError, decode_bytes
from ingestion.provinces import resolve_one, resolve_provinces
from ingestion.text import map_labels
from ingestion.timestamps import _parse_naive, parse_local_timestamps, parse_report_date
from schemas.reference import SCHEME_2004, SCHEME_2025

TEXT = "Tỉnh,Kênh\nĐà Nẵng,Điện thoại\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decoding(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == (TEXT, encoding)


def test_decoding_composes_nfd_text() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", TEXT).encode("utf-8")
    assert decode_bytes(decomposed)[0] == TEXT


def test_binary_is_not_text() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(b"\x00\x9d\xff\x00\x81garbage")


@pytest.mark.parametrize(
    ("value", "scheme", "code"),
    [
        ("1", SCHEME_2004, "01"),
        ("01", SCHEME_2025, "01"),
        ("Lào Cai", SCHEME_2004, "10"),
        ("Lao Cai", SCHEME_2025, "15"),
        ("Yên Bái", SCHEME_2025, "15"),  # old name after the merger → successor
        ("TP. Hồ Chí Minh", SCHEME_2004, "79"),
        ("Thành phố Huế", SCHEME_2004, "46"),
        ("ba ria - vung tau", SCHEME_2004, "77"),
        ("Hoà Bình", SCHEME_2004, "17"),
        ("(not set)", SCHEME_2004, None),
    ],
)
def test_provinces_resolve_by_scheme(value: str, scheme: str, code: str | None) -> None:
    assert resolve_one(value, scheme) == (code, None)


@pytest.mark.parametrize(("value", "scheme"), [("02", SCHEME_2025), ("Atlantis", SCHEME_2004)])
def test_unknown_provinces_have_a_reason(value: str, scheme: str) -> None:
    code, reason = resolve_one(value, scheme)
    assert code is None and reason


def test_local_timestamps_become_utc() -> None:
    utc, local, bad = parse_local_timestamps(
        pd.Series(["2021-01-03 06:30:00", "03/01/2021 14:00", "2021-01-03T20:00:00Z", "", "soon"])
    )
    assert list(utc[:3].astype(str)) == [
        "2021-01-02 23:30:00",
        "2021-01-03 07:00:00",
        "2021-01-03 20:00:00",
    ]
    assert list(local[:3]) == [dt.date(2021, 1, 3), dt.date(2021, 1, 3), dt.date(2021, 1, 4)]
    assert list(bad) == [False, False, False, False, True]


def test_timestamps_with_an_offset_are_read_as_written() -> None:
    """An explicit offset wins over local time; an offset without a time of day is not one."""
    utc, local, bad = parse_local_timestamps(
        pd.Series(
            [
                "2021-01-03 08:00+07:00",
                "2021-01-03T01:00:00+0700",
                " 2021-01-03 23:30-05:00 ",
                "2021-01-03+07:00",
                None,
                "2021-01-03 08:00 +7",
            ]
        )  # fmt: skip
    )
    assert list(utc[:3].astype(str)) == [
        "2021-01-03 01:00:00",
        "2021-01-02 18:00:00",
        "2021-01-04 04:30:00",
    ]
    assert list(local[:3]) == [dt.date(2021, 1, 3), dt.date(2021, 1, 3), dt.date(2021, 1, 4)]
    assert str(utc[5]) == "2021-01-03 01:00:00"  # "+7" once made the whole file unreadable
    assert list(bad) == [False, False, False, True, False, False]


def test_an_offset_pandas_reads_but_the_pattern_misses_is_one_bad_value() -> None:
    """The naive parser's own guard: a value pandas reads with an offset is unparseable there
    (pandas then returns mixed or zoned values, which used to fail the whole file)."""
    for offset in ("+7", "+07:00"):
        parsed = _parse_naive(pd.Series(["2021-01-03 08:00", f"2021-01-03 09:00 {offset}"]))
        assert str(parsed.dtype) == "datetime64[ns]"
        assert str(parsed[0]) == "2021-01-03 08:00:00" and pd.isna(parsed[1])


@pytest.mark.parametrize(
    "value", ["05/03/2023", 44990, "44990", dt.datetime(2023, 3, 5), dt.date(2023, 3, 5)]
)
def test_report_dates(value: object) -> None:
    assert parse_report_date(value) == dt.date(2023, 3, 5)


def test_report_date_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        parse_report_date("31/02/2023")


def test_vietnamese_labels_with_or_without_diacritics() -> None:
    codes, bad = map_labels(pd.Series(["Cộng tác viên", "cong tac vien", "GIÁO VIÊN", "?"]),
                            labels.AUDIENCE)  # fmt: skip
    assert list(codes) == ["collaborators", "collaborators", "teachers", None]
    assert list(bad) == [False, False, False, True]


PROVINCE_VALUES = ["01", "1", "1.0", " 79 ", "99", "00", "Hà Nội", "ha noi", "TP. Hồ Chí Minh",
                   "Huế", "hue", "Thừa Thiên Huế", "Atlantis", "", "  ", "không rõ", "N/A",
                   None]  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_resolving_a_column_is_resolving_each_row(seed: int) -> None:
    """The column-wise resolution (each distinct value and scheme solved once) gives every row
    what the one-value rule gives it, whatever the mix, order and index."""
    rng = random.Random(seed)
    size = rng.randint(0, 300)
    values = [rng.choice(PROVINCE_VALUES) for _ in range(size)]
    schemes = [rng.choice([SCHEME_2004, SCHEME_2025]) for _ in range(size)]
    index = rng.sample(range(10_000), size)
    codes, reasons = resolve_provinces(
        pd.Series(values, index=index, dtype=object), pd.Series(schemes, index=index)
    )
    expected = [
        resolve_one("" if v is None else v, s) for v, s in zip(values, schemes, strict=True)
    ]
    assert list(zip(codes, reasons, strict=True)) == expected
    assert list(codes.index) == index and list(reasons.index) == index
