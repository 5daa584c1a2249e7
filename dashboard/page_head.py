"""The `<head>` the server writes for each address, before any JavaScript runs: `<html lang>`,
the page's own `<title>` in its language, its description and the Open Graph / Twitter card
tags that link previews read (routing.page_head gives the texts), and, where a page has one,
the `<noscript>` text of its content for readers and crawlers without JavaScript."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

import flask

from dashboard.i18n import lang_of_path
from dashboard.routing import page_head

_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
_ENTRY = '<div id="react-entry-point">'
PREVIEW_SIZE = (1200, 630)  # publish/previews.py SIZE (the dashboard imports no publish code)


def head_tags(path: str, url: str) -> tuple[str, str, str]:
    """(title, meta tags as HTML, `<noscript>` fallback) of the page at `path`, at `url`."""
    head = page_head(path)
    lang = lang_of_path(path)
    metas = [
        ("name", "description", head["description"]),
        ("property", "og:title", head["title"]),
        ("property", "og:description", head["description"]),
        ("property", "og:type", "website"),
        ("property", "og:url", url),
        ("property", "og:locale", _LOCALES.get(lang, lang)),
        ("name", "twitter:card", "summary_large_image" if head["image"] else "summary"),
        ("name", "twitter:title", head["title"]),
        ("name", "twitter:description", head["description"]),
    ]
    if head["image"]:  # the page's card drawn at publish time (publish/previews.py and
        # publish/page_previews.py)
        image = urljoin(url, head["image"])
        metas += [
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(PREVIEW_SIZE[0])),
            ("property", "og:image:height", str(PREVIEW_SIZE[1])),
            ("property", "og:image:alt", head["title"]),
            ("name", "twitter:image", image),
        ]
    html = "\n        ".join(
        f'<meta {kind}="{escape(name)}" content="{escape(content)}">'
        for kind, name, content in metas
    )
    return escape(head["title"]), html, head["fallback"]


def interpolate(page: str, metas: str, title: str) -> str:
    """Dash's index `page` with this address's language, title and meta tags."""
    if not flask.has_request_context():
        return page
    request = flask.request
    lang = lang_of_path(request.path)
    page_title, page_metas, fallback = head_tags(request.path, request.base_url)
    page = page.replace('<html lang="{lang}">', f'<html lang="{lang}">', 1)
    page = page.replace(f"<title>{title}</title>", f"<title>{page_title}</title>", 1)
    if fallback:  # before Dash's entry point: read by crawlers and readers without JavaScript
        page = page.replace(_ENTRY, fallback + "\n        " + _ENTRY, 1)
    return page.replace(metas, page_metas + "\n        " + metas, 1) if metas else page
