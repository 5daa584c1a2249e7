"""The site's whole HTML documents served by Flask outside Dash (the leadership sign-in page,
the printable report and its PDF): Jinja2 templates in `dashboard/templates/`, autoescaped, the
site's stylesheets inlined so a document stands alone (and prints) without the Dash assets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from dashboard.i18n import t
from dashboard.programmes import site_subtitle, site_title
from dashboard.release import Release, ReleaseNotFoundError, current_release

ASSETS = Path(__file__).resolve().parent / "assets"
STYLESHEETS = (ASSETS / "site.css", ASSETS / "leadership.css")

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.globals["t"] = t


@cache
def _css() -> Markup:
    return Markup("\n".join(path.read_text(encoding="utf-8") for path in STYLESHEETS))


def render(template: str, **context: object) -> str:
    """`dashboard/templates/<template>` filled from `context` (`lang`, `title`, `body_class` for
    the document around it); every value is escaped unless it is `Markup`."""
    return _ENV.get_template(template).render(css=_css(), **context)


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
    """The sign-in page (a plain form that posts to itself), under the current release's
    programme title."""
    try:
        release: Release | None = current_release()
    except ReleaseNotFoundError:
        release = None
    return render(
        "login.html",
        lang=lang,
        other="en" if lang == "vi" else "vi",
        title=t("lead.login_title", lang),
        body_class="login",
        home="/" if lang == "vi" else "/en",
        action="/leadership/login" if lang == "vi" else "/en/leadership/login",
        switch="/en/leadership/login" if lang == "vi" else "/leadership/login",
        site_title=site_title(release, lang),
        site_subtitle=site_subtitle(release, lang),
        configured=configured,
        next_path=next_path,
        token=token,
        failed=failed,
        user=user,
        throttled_minutes=throttled_minutes,
    )
