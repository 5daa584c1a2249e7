"""The leadership view's whole HTML documents (Flask, not Dash): the sign-in page and the
printable assessment report (annual or quarterly) that also becomes its PDF."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any

from dash import html

from dashboard.i18n import format_date, format_period, t
from dashboard.release import Release
from dashboard.scorecard import gap_to_target, target_lines
from dashboard.views.html_out import to_html
from dashboard.views.leadership_view import ASSETS, REPORT_CSS, scorecard_sections
from dashboard.views.values import display_gap, display_target, display_value


@lru_cache(maxsize=1)
def _css() -> str:
    return (
        (ASSETS / "site.css").read_text(encoding="utf-8")
        + "\n"
        + REPORT_CSS.read_text(encoding="utf-8")
    )


def _document(lang: str, title: str, body: str, *, body_class: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_css()}\n</style>\n</head>\n"
        f'<body class="{body_class}">\n{body}\n</body>\n</html>\n'
    )


def login_page(
    lang: str,
    *,
    configured: bool,
    next_path: str,
    token: str,
    failed: bool = False,
    user: str = "",
    throttled_minutes: int = 0,
) -> str:
    """The sign-in page (a plain form that posts to itself)."""
    other = "en" if lang == "vi" else "vi"
    action = "/leadership/login" if lang == "vi" else "/en/leadership/login"
    switch = "/en/leadership/login" if lang == "vi" else "/leadership/login"
    home = "/" if lang == "vi" else "/en"
    parts = [
        f'<a class="skip-link" href="#main">{escape(t("skip", lang))}</a>',
        '<header class="site-header"><div class="wrap"><div class="header-top">'
        f'<a class="site-brand" href="{home}"><span class="site-title">'
        f'{escape(t("site.title", lang))}</span><span class="site-subtitle">'
        f"{escape(t('site.subtitle', lang))}</span></a>"
        f'<a class="lang-switch" href="{switch}" hreflang="{other}" lang="{other}">'
        f"{escape(t('nav.switch', lang))}</a></div></div></header>",
        '<main id="main" tabindex="-1"><div class="wrap"><div class="login-box panel">',
        f'<h1 class="page-title">{escape(t("lead.login_title", lang))}</h1>',
    ]
    if not configured:
        parts.append(
            f'<p class="notice notice--warning" role="status" id="lead-not-configured">'
            f"{escape(t('lead.not_configured', lang))}</p>"
            f'<p class="note">{escape(t("lead.not_configured_help", lang))}</p>'
        )
    else:
        parts.append(f'<p class="note">{escape(t("lead.login_lede", lang))}</p>')
        if failed:
            parts.append(
                f'<p class="notice notice--warning" role="alert" id="lead-login-error">'
                f"{escape(t('lead.bad_login', lang))}</p>"
            )
        if throttled_minutes:
            parts.append(
                f'<p class="notice notice--warning" role="alert" id="lead-login-throttled">'
                f"{escape(t('lead.throttled', lang, minutes=throttled_minutes))}</p>"
            )
        parts.append(
            f'<form method="post" action="{action}" class="login-form">'
            f'<input type="hidden" name="csrf" value="{escape(token)}">'
            f'<input type="hidden" name="next" value="{escape(next_path)}">'
            f'<label for="lead-user">{escape(t("lead.user", lang))}</label>'
            f'<input id="lead-user" name="user" type="text" autocomplete="username" required '
            f'value="{escape(user)}">'
            f'<label for="lead-password">{escape(t("lead.password", lang))}</label>'
            f'<input id="lead-password" name="password" type="password" '
            f'autocomplete="current-password" required>'
            f'<button type="submit" class="button">{escape(t("lead.login", lang))}</button>'
            "</form>"
        )
    parts.append(f'<p><a href="{home}">{escape(t("back.home", lang))}</a></p>')
    parts.append("</div></div></main>")
    return _document(lang, t("lead.login_title", lang), "\n".join(parts), body_class="login")


def report_title(lang: str, quarter: str | None = None) -> str:
    """ "Annual assessment report", or "Quarterly …" for a quarter's report."""
    return t("report.title_quarter" if quarter else "report.title", lang)


def summary_section(release: Release, lang: str, period: str, period_text: str) -> html.Section:
    """One paragraph: how many targets stand where, then each target's value and its gap to
    the official target; and which school year counts for the year, when one does."""
    lines = target_lines(release, period)
    statuses = [str(line.row.get("status")) if line.row else "no_data" for line in lines]
    counts = {
        "n": len(lines),
        "n_met": statuses.count("achieved"),
        "n_track": statuses.count("on_track"),
        "n_base": statuses.count("baseline"),
        "n_behind": statuses.count("at_risk") + statuses.count("off_track"),
        "n_none": sum(
            s not in {"achieved", "on_track", "baseline", "at_risk", "off_track"} for s in statuses
        ),
    }
    sentences = [t("report.summary_lede", lang, period=period_text, **counts)]
    school_year = None
    for line in lines:
        names = {"target": line.target_id, "code": line.indicator_code}
        gap = gap_to_target(line)
        if line.row is None or line.indicator is None or gap is None:
            sentences.append(t("report.summary_none", lang, **names))
            continue
        if line.row.get("period_type") == "school_year":
            school_year = format_period(line.row["period"], "school_year", lang)
        target = line.target or {}
        facts = {
            **names,
            "value": display_value(line.row, line.indicator, lang),
            "when": format_period(line.row["period"], line.row.get("period_type"), lang),
            "goal": display_target(target.get("target_value"), line.indicator, lang),
            "year": target.get("target_year"),
            "gap": display_gap(gap, line.indicator, lang),
        }
        sentences.append(
            t("report.summary_met" if gap == 0 else "report.summary_line", lang, **facts)
        )
    if school_year:
        sentences.append(t("report.school_year", lang, year=period[:4], school_year=school_year))
    return html.Section(
        [html.H2(t("report.summary_title", lang)), html.P(" ".join(sentences))],
        id="report-summary",
        className="panel lead-section",
    )


def report_document(
    release: Release,
    lang: str,
    *,
    previous: Release | None,
    year: str,
    quarter: str | None = None,
    pdf_href: str | None = None,
    back_href: str | None = None,
) -> str:
    """The printable annual assessment report (Plan 838 activity 7) for one year or quarter."""
    period = f"{year}-Q{quarter}" if quarter else year
    period_text = format_period(period, "quarter" if quarter else "year", lang)
    head: list[Any] = []
    if back_href or pdf_href:
        head.append(
            html.Div(
                [
                    html.A(t("report.back", lang), href=back_href) if back_href else None,
                    " · " if back_href and pdf_href else None,
                    html.A(t("report.pdf", lang), href=pdf_href) if pdf_href else None,
                ],
                className="no-print report-tools",
            )
        )
    if release.is_sample:
        head.append(
            html.Div(
                [html.Strong(t("sample.banner", lang)), " ", t("sample.detail", lang)],
                className="sample-banner report-sample",
                role="note",
            )
        )
    head.append(
        html.Header(
            [
                html.P(t("site.subtitle", lang), className="report-kicker"),
                html.H1(report_title(lang, quarter), className="report-title"),
                html.P(t("report.subtitle", lang, period=period_text), className="report-sub"),
                html.Dl(
                    [
                        html.Div([html.Dt(t("data.release", lang)), html.Dd(release.release_id)]),
                        html.Div(
                            [
                                html.Dt(t("data_as_of", lang)),
                                html.Dd(format_date(release.data_as_of, lang)),
                            ]
                        ),
                        html.Div([html.Dt(t("period", lang)), html.Dd(period_text)]),
                    ],
                    className="report-facts",
                ),
                html.P(t("report.restricted", lang), className="note"),
            ],
            className="report-head",
        )
    )
    sections = [
        summary_section(release, lang, period, period_text),
        *scorecard_sections(release, lang, previous=previous, period=period),
    ]
    body = to_html(
        html.Main(
            [*head, *sections, html.P(t("report.footer", lang), className="note report-end")],
            className="report",
            id="main",
        )
    )
    title = f"{report_title(lang, quarter)} {period_text}"
    return _document(lang, title, body, body_class="report-body")
