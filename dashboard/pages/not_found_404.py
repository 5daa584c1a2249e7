"""Any address no page serves (in the language of the address)."""

from __future__ import annotations

from typing import Any

import dash
import flask
from dash import dcc

from dashboard.components import notice
from dashboard.frame import frame, try_release
from dashboard.i18n import href, lang_of_path, strip_lang, t
from dashboard.routing import PATH_ARG

_LANG = "not_found_lang"


def _title() -> str:
    """Dash asks for the title right after the layout, in the same request: the layout
    leaves the address's language in `flask.g` (the title function is given no path)."""
    lang = flask.g.get(_LANG, "vi") if flask.has_app_context() else "vi"
    return t("not_found.title", lang)


dash.register_page(__name__, title=_title)


def layout(**query: Any) -> Any:
    path = query.pop(PATH_ARG, None) or "/"
    lang = lang_of_path(path)
    if flask.has_app_context():
        setattr(flask.g, _LANG, lang)
    body = [
        notice(t("not_found.title", lang), t("not_found.body", lang), kind="warning"),
        dcc.Link(t("back.home", lang), href=href("/", lang), className="back-link"),
    ]
    return frame(lang, body, path=strip_lang(path), query=query, release=try_release())
