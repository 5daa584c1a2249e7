"""Every page exists twice: Vietnamese at its address, English under /en (docs: i18n.py).

A page may also say, from its path variables, whether the thing it shows exists (`exists`:
otherwise the address answers 404) and where its canonical address is (`canonical`: a code
such as `/indicators/IND-03` is redirected to the indicator's slug page). `page_head(path)`
gives the title and description the server writes into the page's `<head>`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import dash
from dash._pages import _path_to_page

from dashboard.i18n import LANGS, href, lang_of_path, strip_lang, t
from dashboard.lookup import site_description

# Dash passes this routing state to every layout: the address being shown.
PATH_ARG = "page_path"
NOT_FOUND_MODULE = "dashboard.pages.not_found_404"

Text = str | Callable[..., str]


def register_pages(
    module: str,
    layout: Callable[..., Any],
    *,
    path: str | None = None,
    path_template: str | None = None,
    title: Text,
    description: Text = site_description,
    exists: Callable[..., bool] | None = None,
    canonical: Callable[..., str | None] | None = None,
    image: Callable[..., str | None] | None = None,
    fallback: Callable[..., str] | None = None,
) -> None:
    """Register `layout(lang=..., **path_variables, **query)` at `path` and at /en`path`.

    `title` and `description` are translation keys, or functions `f(lang, **path_variables)`.
    `exists(**path_variables)` is False when the address names nothing (HTTP 404);
    `canonical(**path_variables)` is the Vietnamese path to redirect to, or None;
    `image(lang, **path_variables)` is the address of the page's preview image, or None;
    `fallback(lang, **path_variables)` is the HTML the server writes for readers without
    JavaScript (a `<noscript>` block), or "".
    """
    for lang in LANGS:
        name = module if lang == "vi" else f"{module}_en"
        dash.register_page(
            name,
            path=href(path, lang) if path is not None else None,
            path_template=href(path_template, lang) if path_template else None,
            layout=partial(layout, lang=lang),
            title=_text(title, lang),
            name=name,
            description=_text(description, lang),
            exists=exists,
            canonical=canonical,
            preview=partial(image, lang) if image else None,
            fallback=partial(fallback, lang) if fallback else None,
        )


def _text(text: Text, lang: str) -> Any:
    return partial(text, lang) if callable(text) else t(text, lang)


def _call(value: Any, variables: Mapping[str, Any]) -> Any:
    return value(**variables) if callable(value) else value


def find_page(path: str) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The registered page serving `path` and its path variables; (None, {}) when no page
    does, or the page says the thing its address names does not exist."""
    page, variables = _path_to_page(path.strip("/"))
    variables = variables or {}
    if not page or page.get("module") == NOT_FOUND_MODULE:
        return None, {}
    exists = page.get("exists")
    if exists is not None and not exists(**variables):
        return None, {}
    return page, variables


def canonical_path(path: str) -> str | None:
    """The address to redirect `path` to (in its language), or None when it is canonical."""
    page, variables = find_page(path)
    target = page.get("canonical") if page else None
    new = target(**variables) if target else None
    if not new or new == strip_lang(path):
        return None
    return href(new, lang_of_path(path))


def page_head(path: str) -> dict[str, str]:
    """{"title", "description", "image", "fallback"} of the page at `path`, in the language of
    its address ("image": the address of its preview image; "fallback": its `<noscript>` HTML;
    each "" when it has none)."""
    lang = lang_of_path(path)
    page, variables = find_page(path)
    if page is None:
        return {
            "title": t("not_found.title", lang),
            "description": t("not_found.body", lang),
            "image": "",
            "fallback": "",
        }
    return {
        "title": str(_call(page.get("title"), variables)),
        "description": str(_call(page.get("description"), variables)),
        "image": str(_call(page.get("preview"), variables) or ""),
        "fallback": str(_call(page.get("fallback"), variables) or ""),
    }
