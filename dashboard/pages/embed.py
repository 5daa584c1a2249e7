"""/embed/<slug>: one chart with its title, data-as-of date, licence and a link back; no
header or navigation, for use in an iframe."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import lookup
from dashboard.components import notice
from dashboard.frame import try_release
from dashboard.i18n import format_date, href, pick, t
from dashboard.release import default_period_type, indicator_for
from dashboard.routing import PATH_ARG, register_pages
from dashboard.views.indicator_parts import trend_parts


def layout(lang: str = "vi", slug: str | None = None, **query: Any) -> html.Div:
    query.pop(PATH_ARG, None)
    release = try_release()
    indicator = indicator_for(release, slug) if release else None
    if release is None or indicator is None:
        return html.Main(notice(t("ind.not_found", lang), t("ind.not_found_body", lang)), lang=lang)
    figure, summary, table, empty = trend_parts(
        release, indicator, lang, default_period_type(release, indicator["slug"]), {}
    )
    page = href(f"/indicators/{indicator['slug']}", lang)
    return html.Main(
        [
            html.H1(f"{indicator['indicator_code']} · {pick(indicator, 'name', lang)}"),
            html.Figure(
                [
                    None
                    if empty  # no empty axes: the caption says why
                    else dcc.Graph(
                        figure=figure, config={"displayModeBar": False, "responsive": True}
                    ),
                    html.Figcaption(summary),
                ]
            ),
            html.Details([html.Summary(t("ind.table", lang)), table]),
            html.P(
                [
                    f"{t('data_as_of', lang)}: {format_date(release.data_as_of, lang)} · ",
                    html.A(
                        t("embed.licence", lang),
                        href="https://creativecommons.org/licenses/by/4.0/",
                        rel="license",
                        target="_blank",
                    ),
                    " · ",
                    html.A(
                        t("embed.source", lang, site=t("site.title", lang)),
                        href=page,
                        target="_blank",
                    ),
                ],
                className="embed-meta",
            ),
        ],
        className="embed",
        lang=lang,
    )


register_pages(
    __name__,
    layout,
    path_template="/embed/<slug>",
    title=lambda lang, slug=None, **_: t("ind.embed", lang),
    exists=lookup.indicator_exists,
    canonical=lookup.indicator_canonical("/embed"),
)
