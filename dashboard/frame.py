"""The frame around every page: skip link, sample banner, header (brand, nav, search,
language switch), main, footer. Pages call `frame(...)` from their layout."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.auth import signed_in_user
from dashboard.components import attributes, notice
from dashboard.formatting import format_date
from dashboard.i18n import href, strip_lang, t
from dashboard.programmes import programme_citation, site_subtitle, site_title
from dashboard.release import Release, ReleaseNotFoundError, current_release


def try_release() -> Release | None:
    try:
        return current_release()
    except ReleaseNotFoundError:
        return None


def frame(
    lang: str,
    content: Any,
    *,
    path: str,
    query: Mapping[str, Any] | None = None,
    release: Release | None = None,
) -> html.Div:
    """`content` inside the site's frame. `path` is the Vietnamese address of this page."""
    return html.Div(
        [
            html.A(t("skip", lang), href="#main", className="skip-link"),
            _sample_banner(release, lang),
            html.Header(
                html.Div(
                    [
                        html.Div(
                            [
                                dcc.Link(
                                    [
                                        html.Span(
                                            site_title(release, lang), className="site-title"
                                        ),
                                        html.Span(
                                            site_subtitle(release, lang), className="site-subtitle"
                                        ),
                                    ],
                                    href=href("/", lang),
                                    className="site-brand",
                                ),
                                language_switch(lang, path, query),
                            ],
                            className="header-top",
                        ),
                        html.Div(
                            [_nav(lang, path), search_form(lang, query)], className="header-bar"
                        ),
                    ],
                    className="wrap",
                ),
                className="site-header",
            ),
            html.Main(html.Div(content, className="wrap"), id="main", tabIndex="-1"),
            _footer(release, lang),
        ],
        className="site",
        lang=lang,
    )


def language_switch(lang: str, path: str, query: Mapping[str, Any] | None) -> html.A:
    """A plain link (full page load, so `<html lang>` follows) to this page in the other
    language, with the same query string."""
    other = "en" if lang == "vi" else "vi"
    return html.A(
        t("nav.switch", lang),
        id=ids.SHELL_LANG,
        href=href(strip_lang(path), other, query),
        hrefLang=other,
        lang=other,
        className="lang-switch",
        title=t("nav.switch_label", lang),
    )


def _nav(lang: str, path: str) -> html.Nav:
    items = [("nav.home", "/"), ("nav.data", "/data"), ("nav.methodology", "/methodology")]
    if signed_in_user() is not None:  # the restricted view is linked only for its users
        items.append(("nav.leadership", "/leadership"))
    links = []
    for key, target in items:
        current = strip_lang(path) == target
        links.append(
            dcc.Link(
                t(key, lang),
                href=href(target, lang),
                className="nav-link"
                + (" nav-link--current" if current else "")
                + (" nav-link--lead" if target == "/leadership" else ""),
            )
        )
    return html.Nav(
        links,
        id=ids.SHELL_NAV,
        className="site-nav",
        **attributes({"aria-label": t("nav.label", lang)}),
    )


def search_form(lang: str, query: Mapping[str, Any] | None = None) -> html.Form:
    """A plain GET form: works with the keyboard and without callbacks."""
    value = str((query or {}).get("q") or "")
    return html.Form(
        [
            html.Label(
                t("search.label", lang), htmlFor=ids.SHELL_SEARCH, className="visually-hidden"
            ),
            dcc.Input(
                id=ids.SHELL_SEARCH,
                name="q",
                type="search",
                value=value,
                placeholder=t("search.placeholder", lang),
                className="search-input",
                autoComplete="off",
                debounce=True,
            ),
            html.Button(t("search.button", lang), type="submit", className="search-button"),
        ],
        action=href("/search", lang),
        method="get",
        role="search",
        className="search-form",
    )


def _sample_banner(release: Release | None, lang: str) -> html.Div:
    if release is None or not release.is_sample:
        return html.Div(id=ids.SHELL_BANNER, hidden=True)
    return html.Div(
        [html.Strong(t("sample.banner", lang)), html.Span(t("sample.detail", lang))],
        id=ids.SHELL_BANNER,
        className="sample-banner",
        role="note",
    )


def _footer(release: Release | None, lang: str) -> html.Footer:
    if release is None:
        about = t("footer.no_release", lang)
    else:
        about = t(
            "footer.release",
            lang,
            release=release.release_id,
            as_of=format_date(release.data_as_of, lang),
        )
    return html.Footer(
        html.Div(
            [
                html.P(about, id=ids.SHELL_FOOTER),
                html.P(
                    html.A(t("footer.leadership", lang), href=href("/leadership", lang)),
                    className="footer-note footer-lead",
                ),
                html.P(_programme_note(release, lang), className="footer-note"),
                html.P(
                    [
                        t("footer.licence", lang) + " ",
                        html.A(
                            "creativecommons.org/licenses/by/4.0",
                            href="https://creativecommons.org/licenses/by/4.0/",
                            rel="license",
                        ),
                    ],
                    className="footer-note",
                ),
            ],
            className="wrap",
        ),
        className="site-footer",
    )


def no_release_page(lang: str, path: str, query: dict | None = None) -> html.Div:
    """The page every route shows while no release has been published yet."""
    body = notice(t("no_release.title", lang), t("no_release.body", lang))
    return frame(lang, body, path=path, query=query)


def _programme_note(release: Release | None, lang: str) -> str:
    """The programme the site serves, cited, and the national hotline."""
    return " ".join(x for x in (programme_citation(release, lang), t("footer.hotline", lang)) if x)
