"""The leadership scorecard as html.* components (used by the Dash page and, written out by
html_out.py, by the printable report and its PDF), plus the sign-in and report documents."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from dash import html

from dashboard.components import status_badge
from dashboard.i18n import MISSING, STRINGS, format_date, format_period, pick, t
from dashboard.release import Release
from dashboard.scorecard import (
    PROGRAMME_YEARS,
    Change,
    Lagging,
    TargetLine,
    changes_since,
    lagging_provinces,
    milestone_counts,
    milestones_by_unit,
    target_lines,
)
from dashboard.views.html_out import to_html
from dashboard.views.values import display_target, display_value

ASSETS = Path(__file__).resolve().parents[1] / "assets"
REPORT_CSS = ASSETS / "leadership.css"

SCORECARD_ID = "lead-scorecard"
GRID_ID = "lead-status-grid"
VALUES_ID = "lead-values"
MOVED_ID = "lead-moved"
LAGGING_ID = "lead-lagging"
MILESTONES_ID = "lead-milestones"


# ---- the scorecard -----------------------------------------------------------------------


def scorecard_sections(
    release: Release,
    lang: str,
    *,
    previous: Release | None,
    period: str | None = None,
) -> list[html.Section]:
    """Status grid, values against targets, what moved, lagging provinces, milestones.

    `period` (a year or 'YYYY-Qn') chooses the values shown; None is the latest."""
    lines = target_lines(release, period)
    year = period[:4] if period else None
    return [
        _grid_section(lines, lang),
        _values_section(lines, lang, period),
        _moved_section(changes_since(previous, release), previous, lang),
        _lagging_section(release, lines, lang, year),
        _milestones_section(release, lang),
    ]


def _section(title: str, section_id: str, *content: Any, intro: str | None = None):
    parts: list[Any] = [html.H2(title)]
    if intro:
        parts.append(html.P(intro, className="note"))
    parts.extend(content)
    return html.Section(parts, id=section_id, className="panel lead-section")


def _name(line: TargetLine, lang: str) -> str:
    if line.indicator is not None:
        return pick(line.indicator, "name", lang)
    return pick(line.target or {}, "text", lang) or line.indicator_code


def _table(headers: list[Any], rows: list[list[Any]], caption: str, **kwargs: Any) -> html.Div:
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in headers]))
    body = html.Tbody([html.Tr(row) for row in rows])
    return html.Div(
        html.Table(
            [html.Caption(caption), head, body], className="simple-table lead-table", **kwargs
        ),
        className="table-scroll",
        # a table wider than the screen scrolls: keyboard users reach it too
        tabIndex="0",
        role="region",
        **{"aria-label": caption},
    )


def _grid_section(lines: list[TargetLine], lang: str) -> html.Section:
    rows = []
    for line in lines:
        cells: list[Any] = [
            html.Th(
                [html.Span(line.target_id, className="code"), " ", _name(line, lang)],
                scope="row",
            )
        ]
        for year in PROGRAMME_YEARS:
            status = line.statuses.get(year, "no_data")
            cells.append(
                html.Td(
                    status_badge(status, lang),
                    className=f"grid-cell grid-cell--{status}",
                    **{"data-year": year, "data-status": status},
                )
            )
        rows.append(cells)
    table = _table(
        [t("lead.target_col", lang), *PROGRAMME_YEARS],
        rows,
        t("lead.grid_caption", lang),
        id=GRID_ID,
    )
    return _section(
        t("lead.grid", lang), "lead-grid-section", table, intro=t("lead.grid_note", lang)
    )


def _values_section(lines: list[TargetLine], lang: str, period: str | None) -> html.Section:
    rows = []
    for line in lines:
        indicator = line.indicator
        if indicator is None:
            value: Any = t("not_measured", lang)
            when = MISSING
            status = "no_data"
        elif line.row is None:
            if period and "-Q" in period:
                value = t("lead.no_quarter", lang)
            else:
                value = t("lead.no_value_period", lang) if period else t("not_measured", lang)
            when = MISSING
            status = "no_data"
        else:
            value = display_value(line.row, indicator, lang)
            when = format_period(line.row["period"], line.row.get("period_type"), lang)
            status = str(line.row.get("status") or "no_data")
        unit_source = indicator or {"unit_label_vi": _unit(line), "unit_label_en": _unit(line)}
        if line.target is not None and str(line.target.get("kind")) == "official":
            official: Any = [
                display_target(line.target.get("target_value"), unit_source, lang),
                html.Span(
                    " · " + t("lead.by_year", lang, year=line.target.get("target_year")),
                    className="note",
                ),
            ]
        else:
            official = MISSING
        if line.trajectory is not None:
            trajectory: Any = [
                display_target(line.trajectory, unit_source, lang),
                html.Br(),
                html.Span(t("lead.derived_label", lang), className="target-kind"),
            ]
        else:
            trajectory = MISSING
        rows.append(
            [
                html.Th(
                    [html.Span(line.target_id, className="code"), " ", _name(line, lang)],
                    scope="row",
                ),
                html.Td(when),
                html.Td(value, className="num lead-value"),
                html.Td(official, className="num"),
                html.Td(trajectory, className="num"),
                html.Td(status_badge(status, lang)),
            ]
        )
    headers = [
        t("lead.target_col", lang),
        t("period", lang),
        t("value", lang),
        t("lead.official_col", lang),
        t("lead.derived_col", lang),
        t("status", lang),
    ]
    caption = t("lead.values_caption", lang) + (
        " " + format_period(period, "quarter" if "-Q" in period else "year", lang) if period else ""
    )
    table = _table(headers, rows, caption, id=VALUES_ID)
    return _section(
        t("lead.values", lang), "lead-values-section", table, intro=t("lead.values_note", lang)
    )


def _unit(line: TargetLine) -> str:
    return "%" if str((line.target or {}).get("unit")) == "percent" else ""


def _snap_text(snap: Mapping[str, Any] | None, indicator: Mapping[str, Any], lang: str) -> Any:
    if snap is None:
        return MISSING
    if not snap.get("period"):
        return t("not_measured", lang)
    row = {"value": snap.get("value"), "obs_status": snap.get("obs_status")}
    return [
        html.Strong(display_value(row, indicator, lang)),
        f" ({format_period(snap['period'], snap.get('period_type'), lang)}) ",
        status_badge(snap.get("status"), lang),
    ]


def _moved_section(
    changes: list[Change] | None, previous: Release | None, lang: str
) -> html.Section:
    if changes is None or previous is None:
        return _section(t("lead.moved", lang), MOVED_ID, html.P(t("lead.no_previous", lang)))
    intro = t(
        "lead.moved_since",
        lang,
        release=previous.release_id,
        created=format_date(previous.created_at, lang),
    )
    if not changes:
        return _section(
            t("lead.moved", lang), MOVED_ID, html.P(t("lead.nothing_moved", lang)), intro=intro
        )
    rows = []
    for change in changes:
        what = ", ".join(t(f"lead.changed.{f}", lang) for f in change.fields)
        rows.append(
            [
                html.Th(
                    [
                        html.Span(change.indicator_code, className="code"),
                        " ",
                        pick(change.indicator, "name", lang),
                    ],
                    scope="row",
                ),
                html.Td(_snap_text(change.before, change.indicator, lang)),
                html.Td(_snap_text(change.after, change.indicator, lang)),
                html.Td(what),
            ]
        )
    table = _table(
        [
            t("prov.indicator", lang),
            t("lead.before", lang),
            t("lead.now", lang),
            t("lead.what_changed", lang),
        ],
        rows,
        t("lead.moved_caption", lang),
    )
    return _section(t("lead.moved", lang), MOVED_ID, table, intro=intro)


def _lagging_block(lag: Lagging, lang: str) -> html.Div:
    name = pick(lag.indicator, "name", lang)
    code = str(lag.indicator.get("indicator_code"))
    heading = html.H3([html.Span(code, className="code"), " ", name])
    if lag.period is None:
        return html.Div([heading, html.P(t("lead.lag_none", lang))], className="lead-lag")
    summary = t(
        "lead.lag_summary_high" if lag.highest_first else "lead.lag_summary",
        lang,
        n=len(lag.rows),
        year=lag.period,
        published=lag.published,
        suppressed=lag.suppressed,
    )
    if not lag.rows:
        return html.Div(
            [heading, html.P(summary), html.P(t("lead.lag_all_hidden", lang))],
            className="lead-lag",
            **{"data-code": code},
        )
    rows = [
        [
            html.Td(str(rank), className="num"),
            html.Th(str(row.get("geo_name") or row.get("geo_code")), scope="row"),
            html.Td(display_value(row, lag.indicator, lang), className="num"),
            html.Td(status_badge(row.get("status"), lang)),
        ]
        for rank, row in enumerate(lag.rows, start=1)
    ]
    table = _table(
        [t("lead.rank", lang), t("province", lang), t("value", lang), t("status", lang)],
        rows,
        t("lead.lag_caption", lang, code=code, year=lag.period),
    )
    return html.Div([heading, html.P(summary), table], className="lead-lag", **{"data-code": code})


def _lagging_section(
    release: Release, lines: list[TargetLine], lang: str, year: str | None
) -> html.Section:
    blocks = [
        _lagging_block(lagging_provinces(release, line.indicator, year), lang)
        for line in lines
        if line.indicator is not None
    ]
    if not blocks:
        blocks = [html.P(t("lead.lag_no_indicator", lang))]
    return _section(t("lead.lagging", lang), LAGGING_ID, *blocks, intro=t("lead.lag_note", lang))


def milestone_label(status: object, lang: str) -> str:
    key = f"milestone.{status}"
    return t(key, lang) if key in STRINGS else (str(status) or MISSING)


def _milestones_section(release: Release, lang: str) -> html.Section:
    groups = milestones_by_unit(release)
    if not groups:
        return _section(
            t("lead.milestones", lang), MILESTONES_ID, html.P(t("lead.no_milestones", lang))
        )
    counts = milestone_counts(release)
    summary = html.P(
        "; ".join(f"{milestone_label(s, lang)}: {n}" for s, n in counts.items()),
        className="lead-counts",
    )
    blocks: list[Any] = [summary]
    for unit, rows in groups:
        table_rows = [
            [
                html.Td(str(m.get("activity") or "")),
                html.Th(pick(m, "name", lang), scope="row"),
                html.Td(format_date(m.get("due_date"), lang)),
                html.Td(format_date(m.get("completed_date"), lang)),
                html.Td(
                    html.Span(
                        milestone_label(m.get("status"), lang),
                        className=f"badge badge--m-{m.get('status')}",
                        **{"data-status": str(m.get("status"))},
                    )
                ),
            ]
            for m in rows
        ]
        blocks.append(
            html.Div(
                [
                    html.H3(unit or t("lead.no_unit", lang)),
                    _table(
                        [
                            t("lead.activity", lang),
                            t("lead.deliverable", lang),
                            t("lead.due", lang),
                            t("lead.completed", lang),
                            t("status", lang),
                        ],
                        table_rows,
                        t("lead.milestones_caption", lang, unit=unit or t("lead.no_unit", lang)),
                    ),
                ],
                className="lead-unit",
            )
        )
    return _section(
        t("lead.milestones", lang), MILESTONES_ID, *blocks, intro=t("lead.milestones_note", lang)
    )


# ---- whole documents (Flask) -------------------------------------------------------------


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


def report_title(lang: str) -> str:
    return t("report.title", lang)


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
                html.H1(report_title(lang), className="report-title"),
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
    sections = scorecard_sections(release, lang, previous=previous, period=period)
    body = to_html(
        html.Main(
            [*head, *sections, html.P(t("report.footer", lang), className="note report-end")],
            className="report",
            id="main",
        )
    )
    return _document(lang, f"{report_title(lang)} {period_text}", body, body_class="report-body")
