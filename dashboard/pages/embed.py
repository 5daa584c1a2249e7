"""/embed/<slug>: one chart with its title, data-as-of date, licence and a link back; no
header or navigation, for use in an iframe."""

from __future__ import annotations

from typing import Any

import flask
from dash import dcc, html

from dashboard import lookup
from dashboard.components import attributes, notice
from dashboard.figures import graph_config
from dashboard.formatting import format_date
from dashboard.frame import try_release
from dashboard.i18n import href, pick, source_label, t
from dashboard.programmes import site_title
from dashboard.queries import default_period_type, indicator_for
from dashboard.routing import PATH_ARG, register_pages
from dashboard.views.indicator_parts import trend_parts

EMBED_CODE = "embed-code"


def layout(lang: str = "vi", slug: str | None = None, **query: Any) -> html.Main:
    query.pop(PATH_ARG, None)
    release = try_release()
    indicator = indicator_for(release, slug) if release else None
    if release is None or indicator is None:
        return html.Main(notice(t("ind.not_found", lang), t("ind.not_found_body", lang)), lang=lang)
    figure, summary, table, empty = trend_parts(
        release, indicator, lang, default_period_type(release, indicator["slug"]), {}
    )
    page = href(f"/indicators/{indicator['slug']}", lang)
    sample = (
        html.P(
            [html.Strong(t("sample.banner", lang)), " ", t("sample.detail", lang)],
            className="sample-banner",
            role="note",
        )
        if release.is_sample
        else None
    )
    return html.Main(
        [
            sample,
            html.H1(f"{indicator['indicator_code']} · {pick(indicator, 'name', lang)}"),
            html.Figure(
                [
                    None
                    if empty  # no empty axes: the caption says why
                    else dcc.Graph(
                        figure=figure,
                        config=graph_config(f"{indicator['slug']}_{release.release_id}"),
                    ),
                    html.Figcaption(summary),
                ]
            ),
            html.Details([html.Summary(t("ind.table", lang)), table]),
            html.P(
                t("chart.source", lang, source=source_label(indicator.get("source"), lang)),
                className="embed-meta",
            ),
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
                        t("embed.source", lang, site=site_title(release, lang)),
                        href=page,
                        target="_blank",
                    ),
                ],
                className="embed-meta",
            ),
            _snippet(indicator["slug"], lang),
        ],
        className="embed",
        lang=lang,
    )


def _snippet(slug: str, lang: str) -> html.Details:
    """The `<iframe>` code of this chart, to copy (readers.js copies it)."""
    src = flask.request.host_url.rstrip("/") + href(f"/embed/{slug}", lang)
    code = (
        f'<iframe src="{src}" title="{slug}" width="100%" height="640" '
        'style="border:0" loading="lazy"></iframe>'
    )
    return html.Details(
        [
            html.Summary(t("embed.code", lang)),
            html.Label(t("embed.code_help", lang), htmlFor=EMBED_CODE),
            dcc.Textarea(id=EMBED_CODE, value=code, readOnly=True, rows=3),
            html.Button(
                t("embed.copy", lang),
                type="button",
                className="button button--quiet",
                **attributes({"data-copy-target": EMBED_CODE}),
            ),
        ],
        className="embed-code",
    )


register_pages(
    __name__,
    layout,
    path_template="/embed/<slug>",
    title=lambda lang, slug=None, **_: t("ind.embed", lang),
    description=lookup.indicator_description,
    exists=lookup.indicator_exists,
    canonical=lookup.indicator_canonical("/embed"),
    image=lookup.indicator_preview,
)
