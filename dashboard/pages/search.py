"""/search?q=… (and /en/search): indicators (by code, name, definition and source, in both
languages: "hotline" or "tong dai 111" finds every indicator from hotline 111) and provinces,
with or without diacritics; each indicator hit shows its latest national value."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.components import attributes
from dashboard.formatting import format_period
from dashboard.frame import frame, try_release
from dashboard.i18n import LANGS, href, pick, scheme_label, source_label, t
from dashboard.queries import SCHEMES, geographies, indicator_by_slug, latest_row
from dashboard.release import Release
from dashboard.routing import PATH_ARG, register_pages
from dashboard.search_index import Entry, matches
from dashboard.views.values import display_headline


def entries(release: Release, lang: str) -> list[Entry]:
    found = [
        Entry(
            "indicator",
            f"{row['indicator_code']} · {pick(row, 'name', lang)}",
            f"/indicators/{row['slug']}",
            (
                row["indicator_code"],
                row["slug"],
                *(
                    row.get(f"{field}_{code}", "")
                    for field in ("name", "definition")
                    for code in LANGS
                ),
                str(row.get("source") or "").replace("_", " "),
                *(source_label(row.get("source"), code) for code in LANGS),
            ),
        )
        for row in release.indicators.to_dict("records")
    ]
    for scheme in SCHEMES:
        for place in geographies(release, scheme).to_dict("records"):
            found.append(
                Entry(
                    "province",
                    f"{place['geo_name']} · {scheme_label(scheme, lang)}",
                    f"/provinces/{scheme}/{place['geo_code']}",
                    (str(place["geo_name"]),),
                )
            )
    return found


def layout(lang: str = "vi", q: str | None = None, **query: Any) -> html.Div:
    query.pop(PATH_ARG, None)
    release = try_release()
    text = (q or "").strip()
    body: list[Any] = [html.H1(t("search.title", lang), className="page-title")]
    if not text or release is None:
        body.append(html.P(t("search.empty", lang)))
    else:
        body.append(html.P(t("search.results_for", lang, q=text), className="lede"))
        found = matches(text, entries(release, lang))
        if not found:
            body.append(html.P(t("search.none", lang)))
        for kind, key in (("indicator", "search.indicators"), ("province", "search.provinces")):
            items = [e for e in found if e.kind == kind]
            if items:
                body += [
                    html.H2(t(key, lang)),
                    html.Ul(
                        [_item(release, e, lang) for e in items],
                        className="search-results",
                    ),
                ]
    return frame(
        lang,
        html.Div(body, id=ids.SEARCH_RESULTS),
        path="/search",
        query={**query, "q": text},
        release=release,
    )


def _item(release: Release, entry: Entry, lang: str) -> html.Li:
    link = dcc.Link(entry.label, href=href(entry.path, lang))
    if entry.kind != "indicator":
        return html.Li(link)
    indicator = indicator_by_slug(release, entry.path.rsplit("/", 1)[-1])
    latest = latest_row(release, indicator["slug"]) if indicator else None
    if indicator is None or latest is None:
        return html.Li(link)
    value = display_headline(latest, indicator, lang)
    period = format_period(latest["period"], latest.get("period_type"), lang)
    return html.Li(
        [link, html.Span(f" — {value} ({period})", className="search-value")],
        **attributes({"data-value": value}),
    )


register_pages(__name__, layout, path="/search", title="search.title")
