"""The programme chooser and a draft programme's notice, for the pages where the programme
matters (home, leadership). Everything comes from the release's programmes.csv."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import html

from dashboard.i18n import href, pick, t
from dashboard.programmes import is_draft, programmes
from dashboard.release import Release

CHOOSER_ID = "programme-chooser"
SELECT_ID = "programme-select"
DRAFT_ID = "programme-draft"
QUERY_KEY = "programme"


def programme_label(programme: Mapping[str, Any], lang: str) -> str:
    name = pick(programme, "name", lang) or str(programme["programme_id"])
    return t(
        "programme.option", lang, name=name, first=programme["start_year"],
        last=programme["end_year"],
    )  # fmt: skip


def programme_chooser(
    release: Release, chosen: Mapping[str, Any] | None, lang: str, path: str
) -> html.Form | None:
    """A plain GET form (works without JavaScript) choosing ?programme=; None with only one."""
    known = programmes(release)
    if len(known) < 2 or chosen is None:
        return None
    options = [
        html.Option(
            programme_label(p, lang) + (f" · {t('programme.draft', lang)}" if is_draft(p) else ""),
            value=str(p["programme_id"]),
            selected=str(p["programme_id"]) == str(chosen["programme_id"]),
        )
        for p in known
    ]
    return html.Form(
        [
            html.Label(
                [
                    t("programme.choose", lang),
                    " ",
                    html.Select(options, name=QUERY_KEY, id=SELECT_ID),
                ]
            ),
            " ",
            html.Button(t("programme.show", lang), type="submit", className="button button--quiet"),
        ],
        action=href(path, lang),
        method="get",
        id=CHOOSER_ID,
        className="programme-chooser",
    )


def draft_notice(programme: Mapping[str, Any] | None, lang: str) -> html.Div | None:
    """For a draft programme: says it is a draft and its targets are not official."""
    if not is_draft(programme):
        return None
    assert programme is not None
    return html.Div(
        [
            html.Strong(t("programme.draft", lang)),
            ": ",
            pick(programme, "status_text", lang),
            " ",
            pick(programme, "legal_basis", lang),
        ],
        className="notice notice--warning",
        role="note",
        id=DRAFT_ID,
    )


def programme_query(query: Mapping[str, Any]) -> str | None:
    value = query.get(QUERY_KEY)
    return str(value) if isinstance(value, str) and value else None
