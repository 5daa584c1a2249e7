"""Every word the site shows, in Vietnamese (default) and English: the catalogues
`dashboard/locales/vi.yml` and `en.yml`, read once, and the addresses of both languages. Pure: no
data access, no Dash. Numbers, dates and periods are written by `dashboard/formatting.py`.

Pages call `t(key, lang)`; registry texts (names, definitions, units) come from the release's
`*_vi` / `*_en` columns through `pick(row, field, lang)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

import yaml

from dashboard.formatting import MISSING

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
LOCALES = Path(__file__).parent / "locales"


def load_catalogues(folder: Path = LOCALES) -> dict[str, dict[str, str]]:
    """`{lang: {key: text}}` from `<folder>/<lang>.yml`; refuses a catalogue whose keys differ
    from the default language's, or whose text is not a non-empty string."""
    catalogues: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        entries = yaml.safe_load((folder / f"{lang}.yml").read_text(encoding="utf-8"))
        bad = [k for k, v in entries.items() if not isinstance(v, str) or not v.strip()]
        if bad:
            raise ValueError(f"{lang}.yml: no text for {bad}")
        catalogues[lang] = entries
    keys = set(catalogues[DEFAULT_LANG])
    for lang, entries in catalogues.items():
        missing, stray = sorted(keys - set(entries)), sorted(set(entries) - keys)
        if missing or stray:
            raise ValueError(f"{lang}.yml: missing {missing}, stray {stray}")
    return catalogues


CATALOGUES = load_catalogues()


def t(key: str, lang: str, **values: object) -> str:
    """The text of `key` in `lang`, with `{name}` fields filled from `values`."""
    text = CATALOGUES[lang if lang in LANGS else DEFAULT_LANG][key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the catalogues hold `key` (labels fall back to the code when they do not)."""
    return key in CATALOGUES[DEFAULT_LANG]


def lang_of_path(path: str | None) -> str:
    path = path or "/"
    return "en" if path == "/en" or path.startswith("/en/") else DEFAULT_LANG


def href(path: str, lang: str, query: Mapping[str, object] | None = None) -> str:
    """`path` (a Vietnamese address, e.g. `/indicators/x`) in `lang`, with a query string."""
    path = "/" + path.lstrip("/")
    if lang == "en":
        path = "/en" if path == "/" else "/en" + path
    if query:
        kept = {k: v for k, v in query.items() if v not in (None, "")}
        if kept:
            path += "?" + urlencode(kept)
    return path


def strip_lang(path: str) -> str:
    """The Vietnamese address of any address: `/en/indicators/x` → `/indicators/x`."""
    if path == "/en" or path == "/en/":
        return "/"
    return path[3:] if path.startswith("/en/") else path


def pick(row: Mapping[str, object], field: str, lang: str) -> str:
    """`row[field_<lang>]`, falling back to the other language, then to `row[field]`."""
    other = "en" if lang == "vi" else "vi"
    for key in (f"{field}_{lang}", f"{field}_{other}", field):
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def status_label(status: object, lang: str = DEFAULT_LANG) -> str:
    if not isinstance(status, str) or not status:
        return MISSING
    key = f"status.{status}"
    return t(key, lang) if has(key) else status


def dim_label(dimension: str, lang: str) -> str:
    key = f"dim.{dimension}"
    return t(key, lang) if has(key) else dimension.replace("_", " ").capitalize()


def dim_value_label(dimension: str, value: str, lang: str) -> str:
    key = f"dim.{value}"
    if has(key):
        return t(key, lang)
    if dimension == "age_band":
        return t("dim.age", lang, band=value.replace("-", "–"))
    return value


def source_label(source: object, lang: str) -> str:
    key = f"source.{source}"
    return t(key, lang) if has(key) else str(source or "")


def scheme_label(scheme: str, lang: str) -> str:
    key = f"scheme.{scheme}"
    return t(key, lang) if has(key) else scheme


def period_type_label(period_type: str, lang: str) -> str:
    key = f"ptype.{period_type}"
    return t(key, lang) if has(key) else period_type
