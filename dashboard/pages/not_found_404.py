"""Any address no page serves (in the language of the address)."""

from __future__ import annotations

from typing import Any

import dash
from dash import dcc

from dashboard.components import notice
from dashboard.frame import frame, try_release
from dashboard.i18n import href, lang_of_path, strip_lang, t
from dashboard.routing import PATH_ARG

dash.register_page(__name__, title=t("not_found.title", "vi"))


def layout(**query: Any) -> Any:
    path = query.pop(PATH_ARG, None) or "/"
    lang = lang_of_path(path)
    body = [
        notice(t("not_found.title", lang), t("not_found.body", lang), kind="warning"),
        dcc.Link(t("back.home", lang), href=href("/", lang), className="back-link"),
    ]
    return frame(lang, body, path=strip_lang(path), query=query, release=try_release())
