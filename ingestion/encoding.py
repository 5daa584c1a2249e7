"""Decoding delivered text files: UTF-8 with or without BOM, UTF-16, or Windows-1258."""

from __future__ import annotations

import codecs

from ingestion.text import nfc


class DecodeError(ValueError):
    """The bytes are not text in any encoding the hotline or provinces are known to use."""


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text in NFC, encoding used)``.

    Order: UTF-8 BOM, UTF-16 BOM, BOM-less UTF-16 (NUL-byte pattern), strict UTF-8, then
    Windows-1258 (Vietnamese Windows code page, whose tone marks decode to combining characters —
    NFC composes them).
    """
    if data.startswith(codecs.BOM_UTF8):
        return nfc(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return nfc(data.decode("utf-16")), "utf-16"
    guessed = _looks_utf16(data)
    if guessed:
        try:
            return nfc(data.decode(guessed)), guessed
        except UnicodeDecodeError:
            pass
    try:
        return nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodeError("binary content: not a text file")
    try:
        return nfc(data.decode("cp1258")), "cp1258"
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8, UTF-16 or Windows-1258 text ({exc.reason})") from exc
