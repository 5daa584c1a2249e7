"""What a reader or a crawler without JavaScript gets of an indicator page: a `<noscript>`
block the server writes into the page's HTML (page_head.py), in the page's language: the
indicator's name, its headline figure (latest national value, period, target), the numbers in
words, the national trend as a table, its definition and its files. Built from the same parts
as the page (indicator_parts, words) and written out with views/html_out.py."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.formatting import format_date, format_period
from dashboard.i18n import pick, t
from dashboard.lookup import indicator, release_or_none
from dashboard.queries import indicator_downloads, latest_row, series, target_for
from dashboard.server_routes import file_url
from dashboard.views.html_out import to_html
from dashboard.views.indicator_parts import trend_table, words_list
from dashboard.views.values import display_headline, display_target
from dashboard.views.words import in_words


def indicator_fallback(lang: str, slug: str | None = None, **_: Any) -> str:
    """The `<noscript>` HTML of an indicator page, or "" when it names no indicator."""
    release = release_or_none()
    found = indicator(slug) if release is not None else None
    if release is None or found is None:
        return ""
    slug = found["slug"]
    rows = series(release, slug)
    latest = latest_row(release, slug)
    target = target_for(release, found)
    facts: list[Any] = []
    if latest is not None:
        when = format_period(latest["period"], latest["period_type"], lang)
        facts.append(
            html.P(
                [
                    f"{t('national', lang)} {when}: ",
                    html.Strong(display_headline(latest, found, lang)),
                ]
            )
        )
    if target is not None:
        facts.append(
            html.P(
                f"{t('target.year', lang, year=target['target_year'])}: "
                f"{display_target(target['target_value'], found, lang)}"
            )
        )
    else:
        facts.append(html.P(t("no_target", lang)))
    files = [
        html.Li(html.A(t(f"ind.dl_all_{kind}", lang), href=file_url(name)))
        for kind, name in indicator_downloads(release, slug).items()
    ]
    block = html.Div(
        [
            html.P(t("noscript.note", lang)),
            html.H1(f"{found['indicator_code']} · {pick(found, 'name', lang)}"),
            *facts,
            words_list(in_words(rows, found, target, lang), lang),
            html.H2(t("ind.trend", lang)),
            trend_table(rows, found, lang),
            html.P(pick(found, "definition", lang)),
            html.Ul(files) if files else None,
            html.P(
                t(
                    "ind.release",
                    lang,
                    release=release.release_id,
                    as_of=format_date(release.data_as_of, lang),
                )
            ),  # fmt: skip
            html.P(t("sample.detail", lang)) if release.is_sample else None,
        ],
        className="noscript-fallback",
        lang=lang,
    )
    return f"<noscript>{to_html(block)}</noscript>"
