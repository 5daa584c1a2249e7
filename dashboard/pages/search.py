"""/search?q=… (and /en/search): indicators and provinces, with or without diacritics."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.frame import frame, try_release
from dashboard.i18n import href, pick, scheme_label, t
from dashboard.release import SCHEMES, Release, geographies
from dashboard.routing import PATH_ARG, register_pages
from dashboard.search_index import Entry, matches


def entries(release: Release, lang: str) -> list[Entry]:
    found = [
        Entry(
            "indicator",
            f"{row['indicator_code']} · {pick(row, 'name', lang)}",
            f"/indicators/{row['slug']}",
            (row["indicator_code"], row["slug"], row.get("name_vi", ""), row.get("name_en", "")),
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
                        [html.Li(dcc.Link(e.label, href=href(e.path, lang))) for e in items],
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


register_pages(__name__, layout, path="/search", title="search.title")
