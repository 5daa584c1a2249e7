"""Every page exists twice: Vietnamese at its address, English under /en (docs: i18n.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import dash

from dashboard.i18n import LANGS, href, t

# Dash passes this routing state to every layout: the address being shown.
PATH_ARG = "page_path"


def register_pages(
    module: str,
    layout: Callable[..., Any],
    *,
    path: str | None = None,
    path_template: str | None = None,
    title: str | Callable[..., str],
) -> None:
    """Register `layout(lang=..., **path_variables, **query)` at `path` and at /en`path`.

    `title` is a translation key, or a function `title(lang, **path_variables)`.
    """
    for lang in LANGS:
        name = module if lang == "vi" else f"{module}_en"
        page_title: Any = partial(title, lang) if callable(title) else t(title, lang)
        dash.register_page(
            name,
            path=href(path, lang) if path is not None else None,
            path_template=href(path_template, lang) if path_template else None,
            layout=partial(layout, lang=lang),
            title=page_title,
            name=name,
            description=t("site.description", lang),
        )
