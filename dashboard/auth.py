"""Sign-in for the restricted leadership view (/leadership, /en/leadership and below).

Credentials never live in the repository. They come from the environment:

- `COP_LEADERSHIP_USERS`: `user:<sha256 hex of the password>,user2:<hex>,…`, or
- `COP_LEADERSHIP_USERS_FILE`: a file (outside the repo) of such entries, one a line
  (`#` starts a comment; commas also separate entries).

Both may be set; the entries are merged (the file wins on a repeated user). With no user, the
leadership view says that access is not configured: there is no default password.

The Flask session (signed cookie) holds the signed-in user. Its key is `COP_SECRET_KEY`; when
unset, a key is derived from the credential configuration with a fixed salt (so every gunicorn
worker agrees on it) and a warning is logged. A derived key is only as secret as the users
file/variable: set `COP_SECRET_KEY` in production.

The pure functions (`parse_users`, `hash_password`, `check_password`, `secret_key`) take their
input as arguments so they are tested without Flask.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import flask

ENV_USERS = "COP_LEADERSHIP_USERS"
ENV_USERS_FILE = "COP_LEADERSHIP_USERS_FILE"
ENV_SECRET = "COP_SECRET_KEY"
ENV_COOKIE_SECURE = "COP_COOKIE_SECURE"
SESSION_USER = "lead_user"
SESSION_STAMP = "lead_stamp"
SESSION_CSRF = "lead_csrf"
SESSION_HOURS = 8
_DERIVED_KEY_SALT = b"cop-dashboard/leadership/session-key/v1"
_HEX64 = frozenset("0123456789abcdef")
# Compared against when the user is unknown, so a wrong user costs the same as a wrong password.
_DUMMY_HASH = hashlib.sha256(b"no such user").hexdigest()

LEAD_PATH = "/leadership"
LOGIN_PATH = "/leadership/login"
LOGOUT_PATH = "/leadership/logout"

log = logging.getLogger(__name__)


class CredentialError(ValueError):
    """A credential entry that cannot be used (bad shape or not a sha256 hex digest)."""


# ---- pure ------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    """The sha256 hex digest of a password (UTF-8), as the credential entries hold it."""
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def parse_users(text: str | None) -> dict[str, str]:
    """`{user: sha256 hex}` from `user:hex` entries separated by commas or new lines.

    Blank entries and `#` comments are skipped; a malformed entry raises CredentialError
    (naming the entry's position, never its content).
    """
    users: dict[str, str] = {}
    entries = []
    for line in (text or "").splitlines():
        line = line.split("#", 1)[0]
        entries.extend(part.strip() for part in line.split(","))
    for position, entry in enumerate((e for e in entries if e), start=1):
        user, sep, digest = entry.partition(":")
        user, digest = user.strip(), digest.strip().lower()
        if not sep or not user or len(digest) != 64 or not set(digest) <= _HEX64:
            raise CredentialError(
                f"credential entry {position} is not 'user:<sha256 hex of the password>'"
            )
        users[user] = digest
    return users


def check_password(users: Mapping[str, str], user: str, password: str) -> bool:
    """True when `password` hashes to `user`'s digest; constant-time, also for unknown users."""
    expected = users.get(user or "", _DUMMY_HASH)
    matches = hmac.compare_digest(hash_password(password or ""), expected)
    return matches and (user or "") in users


def secret_key(environ: Mapping[str, str], users_source: str) -> tuple[bytes, bool]:
    """(key, derived): `COP_SECRET_KEY`, else a key derived from the credential configuration."""
    explicit = (environ.get(ENV_SECRET) or "").strip()
    if explicit:
        return explicit.encode("utf-8"), False
    derived = hmac.new(_DERIVED_KEY_SALT, users_source.encode("utf-8"), "sha256").digest()
    return derived, True


def session_stamp(digest: str) -> str:
    """A short fingerprint of a user's password digest kept in the session: changing the
    password (or removing the user) ends every session signed in with the old one."""
    return hashlib.sha256(b"stamp:" + digest.encode("ascii")).hexdigest()[:16]


def safe_next(target: str | None, lang: str) -> str:
    """Where to go after signing in: a leadership address of this site, never another site."""
    home = LEAD_PATH if lang == "vi" else "/en" + LEAD_PATH
    if not target or "//" in target or "\\" in target or not is_lead_path(target):
        return home
    return target


def is_lead_path(path: str) -> bool:
    """True for /leadership, /en/leadership and every address under them."""
    for prefix in (LEAD_PATH, "/en" + LEAD_PATH):
        if path == prefix or path.startswith(prefix + "/") or path.startswith(prefix + "?"):
            return True
    return False


def _open_path(path: str) -> bool:
    """Leadership addresses reachable without a session: sign-in and sign-out."""
    bare = path[3:] if path.startswith("/en/") else path
    return bare.rstrip("/") in (LOGIN_PATH, LOGOUT_PATH)


# ---- configuration (environment) -------------------------------------------------------------


def users_source(environ: Mapping[str, str] | None = None) -> str:
    """The raw credential configuration: the variable, then the file's content."""
    environ = os.environ if environ is None else environ
    parts = [environ.get(ENV_USERS) or ""]
    if file_name := (environ.get(ENV_USERS_FILE) or "").strip():
        try:
            parts.append(Path(file_name).read_text(encoding="utf-8"))
        except OSError as error:
            log.error("leadership users file %s cannot be read: %s", file_name, error.strerror)
    return "\n".join(parts)


def configured_users(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The configured users (read on every call, so a changed file takes effect at once).
    A malformed configuration counts as none, and is logged."""
    try:
        return parse_users(users_source(environ))
    except CredentialError as error:
        log.error("leadership access disabled: %s", error)
        return {}


def signed_in_user() -> str | None:
    """The user of this request's session, if still configured with the same password."""
    if not flask.has_request_context():
        return None
    user = flask.session.get(SESSION_USER)
    if not isinstance(user, str):
        return None
    digest = configured_users().get(user)
    if digest is None or not hmac.compare_digest(
        str(flask.session.get(SESSION_STAMP, "")), session_stamp(digest)
    ):
        return None
    return user


def csrf_token() -> str:
    """This session's form token (made on first use)."""
    token = flask.session.get(SESSION_CSRF)
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        flask.session[SESSION_CSRF] = token
    return token


def _csrf_ok(form_token: str | None) -> bool:
    token = flask.session.get(SESSION_CSRF)
    return isinstance(token, str) and hmac.compare_digest(token, form_token or "")


# ---- Flask wiring ----------------------------------------------------------------------------


def configure_session(server: flask.Flask) -> None:
    key, derived = secret_key(os.environ, users_source())
    if derived:
        log.warning(
            "%s is unset: the session key is derived from the leadership credential "
            "configuration. Set %s to a long random value in production.",
            ENV_SECRET,
            ENV_SECRET,
        )
    server.secret_key = key
    server.config.update(
        SESSION_COOKIE_NAME="cop_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=(os.environ.get(ENV_COOKIE_SECURE, "").lower() in {"1", "true"}),
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
    )


def login_url(lang: str, next_path: str | None = None) -> str:
    path = LOGIN_PATH if lang == "vi" else "/en" + LOGIN_PATH
    return path + ("?" + urlencode({"next": next_path}) if next_path else "")


def register_auth(server: flask.Flask) -> None:
    """Session settings, the guard of every leadership address, sign-in and sign-out."""
    from dashboard.views.leadership_view import login_page  # the sign-in form (HTML)

    configure_session(server)

    @server.before_request
    def _guard():
        path = flask.request.path
        if not is_lead_path(path) or _open_path(path):
            return None
        if signed_in_user() is not None:
            return None
        lang = "en" if path.startswith("/en/") else "vi"
        if not configured_users() and path.rstrip("/") in (LEAD_PATH, "/en" + LEAD_PATH):
            return None  # the page itself says that access is not configured
        full = flask.request.full_path.rstrip("?")
        return flask.redirect(login_url(lang, full), code=302)

    @server.after_request
    def _no_store(response: flask.Response) -> flask.Response:
        path = flask.request.path
        restricted = is_lead_path(path) or (
            path.endswith("_dash-update-component") and flask.session.get(SESSION_USER)
        )
        if restricted:
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def _login(lang: str):
        users = configured_users()
        nxt = safe_next(flask.request.values.get("next"), lang)
        if flask.request.method == "GET":
            if signed_in_user() is not None:
                return flask.redirect(nxt)
            return login_page(lang, configured=bool(users), next_path=nxt, token=csrf_token())
        user = (flask.request.form.get("user") or "").strip()
        password = flask.request.form.get("password") or ""
        token_ok = _csrf_ok(flask.request.form.get("csrf"))
        if users and token_ok and check_password(users, user, password):
            flask.session.clear()
            flask.session.permanent = True
            flask.session[SESSION_USER] = user
            flask.session[SESSION_STAMP] = session_stamp(users[user])
            csrf_token()  # a fresh form token for the signed-in session (sign-out form)
            log.info("leadership sign-in: %s", user)
            return flask.redirect(nxt, code=303)
        log.warning("leadership sign-in refused for %r", user[:64])
        return login_page(
            lang, configured=bool(users), next_path=nxt, token=csrf_token(), failed=True, user=user
        )

    def _logout(lang: str):
        if _csrf_ok(flask.request.form.get("csrf")):
            flask.session.clear()
        return flask.redirect(login_url(lang), code=303)

    for lang, prefix in (("vi", ""), ("en", "/en")):
        server.add_url_rule(
            prefix + LOGIN_PATH,
            f"lead_login_{lang}",
            lambda lang=lang: _login(lang),
            methods=["GET", "POST"],
        )
        server.add_url_rule(
            prefix + LOGOUT_PATH,
            f"lead_logout_{lang}",
            lambda lang=lang: _logout(lang),
            methods=["POST"],
        )
