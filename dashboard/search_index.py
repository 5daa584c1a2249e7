"""Search that ignores Vietnamese diacritics: "bao ve tre em" finds "bảo vệ trẻ em", "ha noi"
finds "Hà Nội" (đ → d). Pure: entries in, matches out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower case, no diacritics, đ→d, single spaces."""
    text = str(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", plain)).strip()


@dataclass(frozen=True)
class Entry:
    kind: str  # "indicator" or "province"
    label: str
    path: str  # Vietnamese address, e.g. /indicators/x
    texts: tuple[str, ...]  # what the query is matched against


def matches(query: str, entries: Iterable[Entry], limit: int = 30) -> list[Entry]:
    """Entries whose texts contain a word starting with each word of `query` (folded), best
    first: an exact text, then the whole phrase, then the words apart."""
    words = fold(query).split()
    if not words:
        return []
    patterns = [re.compile(rf"(?<![\w]){re.escape(word)}") for word in words]
    scored = []
    for index, entry in enumerate(entries):
        haystack = " | ".join(fold(text) for text in entry.texts)
        if all(pattern.search(haystack) for pattern in patterns):
            phrase = " ".join(words)
            score = (
                0
                if any(fold(text) == phrase for text in entry.texts)
                else (1 if phrase in haystack else 2)
            )
            scored.append((score, index, entry))
    return [entry for _, _, entry in sorted(scored, key=lambda s: (s[0], s[1]))][:limit]
