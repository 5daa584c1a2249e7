"""/leadership: the programme scorecard for leaders (signed-in only; see auth.py).

auth.py redirects a visitor without a session before Dash serves the page; the layout checks
again, because Dash builds it in a callback that any page could call with this address.
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.auth import LOGOUT_PATH, configured_users, csrf_token, login_url, signed_in_user
from dashboard.components import attributes, notice
from dashboard.formatting import format_date
from dashboard.frame import frame, no_release_page, try_release
from dashboard.i18n import href, t
from dashboard.programmes import chosen_programme, decision_text, plan_text
from dashboard.release import Release, previous_release
from dashboard.report_routes import PDF_PATH, REPORT_PATH
from dashboard.routing import PATH_ARG, register_pages
from dashboard.scorecard import report_years
from dashboard.views.leadership_view import SCORECARD_ID, scorecard_sections
from dashboard.views.programme_view import draft_notice, programme_chooser, programme_query

PATH = "/leadership"


def layout(lang: str = "vi", **query: Any) -> html.Div:
    query.pop(PATH_ARG, None)
    if not configured_users():
        body: Any = notice(t("lead.title", lang), t("lead.not_configured", lang), kind="warning")
        return frame(lang, html.Div(body, id="lead-not-configured"), path=PATH)
    user = signed_in_user()
    if user is None:
        body = [
            notice(t("lead.title", lang), t("lead.refused", lang), kind="warning"),
            html.P(html.A(t("lead.login", lang), href=login_url(lang, href(PATH, lang)))),
        ]
        return frame(lang, body, path=PATH)
    release = try_release()
    if release is None:
        return no_release_page(lang, PATH)
    previous = previous_release(release)
    programme = chosen_programme(release, programme_query(query))
    programme_id = str(programme["programme_id"]) if programme else None
    body = [
        html.H1(t("lead.title", lang), className="page-title"),
        html.P(
            t(
                "lead.lede",
                lang,
                decision=decision_text(programme, lang),
                plan=plan_text(programme, lang),
                release=release.release_id,
                as_of=format_date(release.data_as_of, lang),
            ),
            className="lede",
        ),
        programme_chooser(release, programme, lang, PATH),
        draft_notice(programme, lang),
        _tools(release, lang, user),
        html.Div(
            scorecard_sections(release, lang, previous=previous, programme_id=programme_id),
            id=SCORECARD_ID,
            **attributes({"data-programme": programme_id or ""}),
        ),
    ]
    return frame(lang, body, path=PATH, release=release)


def _tools(release: Release, lang: str, user: str) -> html.Section:
    years = report_years(release)
    year_select = html.Label(
        [
            t("lead.report_year", lang),
            html.Select(
                [html.Option(y, value=y, selected=(y == years[-1])) for y in years],
                name="year",
                id="lead-report-year",
            ),
        ]
    )
    quarter_select = html.Label(
        [
            t("lead.report_quarter", lang),
            html.Select(
                [html.Option(t("lead.whole_year", lang), value="")]
                + [html.Option(f"Q{q}", value=str(q)) for q in range(1, 5)],
                name="quarter",
                id="lead-report-quarter",
            ),
        ]
    )
    report_form = html.Form(
        [
            _hidden("lang", lang),
            year_select,
            quarter_select,
            html.Button(t("lead.report_view", lang), type="submit", className="button"),
            html.Button(
                t("lead.report_pdf", lang),
                type="submit",
                formAction=PDF_PATH,
                className="button button--quiet",
                id="lead-report-pdf",
            ),
        ],
        action=REPORT_PATH,
        method="get",
        id="lead-report-form",
        **attributes({"aria-label": t("report.title", lang)}),
    )
    logout = html.Form(
        [
            _hidden("csrf", csrf_token()),
            html.Span(t("lead.signed_in_as", lang, user=user), className="note"),
            " ",
            html.Button(t("lead.logout", lang), type="submit", className="button button--quiet"),
        ],
        action=href(LOGOUT_PATH, lang),
        method="post",
        id="lead-logout",
    )
    return html.Section(
        [html.H2(t("report.title", lang), className="visually-hidden"), report_form, logout],
        className="panel lead-tools",
    )


def _hidden(name: str, value: str) -> dcc.Input:
    return dcc.Input(type="hidden", name=name, value=value)


register_pages(__name__, layout, path=PATH, title="lead.title")
