"""What an address names in the current release: the `exists` and `canonical` functions the
pages give routing.register_pages (an unknown indicator or province answers 404; an indicator's
code redirects to its slug page). With no release published every address "exists": its page
says that no data has been published yet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dashboard.queries import SCHEMES, geo_name, indicator_for
from dashboard.release import Release, ReleaseNotFoundError, current_release, release_file


def merged_with(release: Release, scheme: str, code: str) -> list[dict[str, str]]:
    """The provinces of the other list linked to `code` by the 1 July 2025 merger: a 2004
    province's successor, or a 2025 province's predecessors (geo_scheme, geo_code, geo_name).
    Empty when the release has no geographies.csv."""
    places = release.places
    if places is None or places.empty:
        return []
    old = places[places["geo_scheme"] == "province_2004"]
    if scheme == "province_2004":
        successor = old.loc[old["geo_code"] == code, "successor"].tolist()
        rows = places[
            (places["geo_scheme"] == "province_2025") & places["geo_code"].isin(successor)
        ]
    elif scheme == "province_2025":
        rows = old[old["successor"] == code]
    else:
        return []
    return rows[["geo_scheme", "geo_code", "geo_name"]].to_dict("records")


def release_or_none() -> Release | None:
    """The current release, or None when none is published (or it cannot be read)."""
    try:
        return current_release()
    except (ReleaseNotFoundError, OSError, ValueError):
        return None


def indicator(slug: str | None) -> dict[str, Any] | None:
    """The indicator named by a slug or a code in the current release, or None."""
    release = release_or_none()
    return indicator_for(release, slug) if release is not None else None


def indicator_exists(slug: str | None = None, **_: Any) -> bool:
    return release_or_none() is None or indicator(slug) is not None


def indicator_canonical(prefix: str) -> Callable[..., str | None]:
    """`canonical` for pages at `<prefix>/<slug>`: the slug page of an indicator's code."""

    def canonical(slug: str | None = None, **_: Any) -> str | None:
        found = indicator(slug)
        return f"{prefix}/{found['slug']}" if found else None

    return canonical


def province_name(scheme: str | None, code: str | None) -> str | None:
    release = release_or_none()
    if release is None or scheme not in SCHEMES:
        return None
    return geo_name(release, scheme, code or "")


def province_exists(scheme: str | None = None, code: str | None = None, **_: Any) -> bool:
    return release_or_none() is None or province_name(scheme, code) is not None


def indicator_description(lang: str, slug: str | None = None, **_: Any) -> str:
    """An indicator page's description (link previews): its definition."""
    from dashboard.i18n import pick

    found = indicator(slug)
    return (pick(found, "definition", lang) if found else "") or site_description(lang)


def site_description(lang: str, **_: Any) -> str:
    """The description of a page that has none of its own: open data on the current programme."""
    from dashboard.programmes import site_description as described

    return described(release_or_none(), lang)


def indicator_preview(lang: str, slug: str | None = None, **_: Any) -> str | None:
    """The stable address of an indicator's preview card in `lang` (written at publish time by
    publish/previews.py), or None when the release has none."""
    found = indicator(slug)
    return _preview("previews", found["slug"], lang=lang) if found else None


def home_preview(lang: str, **_: Any) -> str | None:
    """The home page's card (the programme's targets: publish/page_previews.py), or None."""
    return _preview("page_previews", "home", lang=lang)


def province_preview(
    lang: str, scheme: str | None = None, code: str | None = None, **_: Any
) -> str | None:
    """A province page's card (publish/page_previews.py), or None."""
    if scheme not in SCHEMES or not code:
        return None
    return _preview("page_previews", scheme, code, lang=lang)


def _preview(*keys: str, lang: str) -> str | None:
    """The stable address of the card the manifest names at `keys` in `lang`, when the release
    holds that file."""
    from dashboard.server_routes import release_url

    release = release_or_none()
    if release is None:
        return None
    names: Any = release.manifest
    for key in keys:
        names = names.get(key) if isinstance(names, dict) else None
    name = names.get(lang) if isinstance(names, dict) else None
    return release_url(release, name) if name and release_file(release, name) else None
