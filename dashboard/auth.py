"""Sign-in for the restricted leadership view (/leadership, /en/leadership and below).

Credentials never live in the repository. They come from the environment:

- `COP_LEADERSHIP_USERS`: `user:scrypt$…,user2:scrypt$…`, or
- `COP_LEADERSHIP_USERS_FILE`: a file (outside the repo) of such entries, one a line
  (`#` starts a comment; commas also separate entries). `python -m dashboard.users add NAME`
  writes it (credentials.py has the format; old sha256 entries are refused).

Both may be set; the entries are merged (the file wins on a repeated user). With no user, the
leadership view says that access is not configured: there is no default password. Users are
only enabled together with `COP_SECRET_KEY` (32 characters or more), the key that signs the
session cookie: without it the leadership view stays off and the start-up log says why.

The cookie holds a random session id and the sign-in form's token, nothing derived from a
password. The session itself lives server-side (login_store.py): sign-out deletes it, a new
password ends it, and it ends 8 hours after sign-in. Sign-in attempts are limited per client
address and per account in the same shared store; a refused attempt is answered 429 with
`Retry-After`. Every refusal is logged with the client address.
"""

from __future__ import annotations

import functools
import hmac
import logging
import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import flask

from dashboard.credentials import (
    CredentialError,
    check_password,
    credential_fingerprint,
    parse_users,
)
from dashboard.limits import Gate, run_limited
from dashboard.login_store import (
    CLIENT_LIMIT,
    FILE_NAME,
    SESSION_SECONDS,
    USER_LIMIT,
    LoginStore,
    state_dir,
)

ENV_USERS = "COP_LEADERSHIP_USERS"
ENV_USERS_FILE = "COP_LEADERSHIP_USERS_FILE"
ENV_SECRET = "COP_SECRET_KEY"
ENV_COOKIE_SECURE = "COP_COOKIE_SECURE"
MIN_SECRET_CHARS = 32
SESSION_ID = "lead_sid"
SESSION_CSRF = "lead_csrf"
# One scrypt hash is 128 MiB and ~0.4 s: two sign-ins at a time per worker.
SIGN_INS = Gate("sign-in", slots=2, timeout=15.0)

LEAD_PATH = "/leadership"
LOGIN_PATH = "/leadership/login"
LOGOUT_PATH = "/leadership/logout"

log = logging.getLogger(__name__)


# ---- pure ------------------------------------------------------------------------------------


def secret_key_problem(environ: Mapping[str, str]) -> str | None:
    """Why `COP_SECRET_KEY` cannot sign leadership sessions, or None when it can."""
    key = (environ.get(ENV_SECRET) or "").strip()
    if len(key) >= MIN_SECRET_CHARS:
        return None
    state = "is not set" if not key else f"is shorter than {MIN_SECRET_CHARS} characters"
    return (
        f"{ENV_SECRET} {state}, so leadership access stays off. Set it to a long random value, "
        "the same for every worker: python3 -c 'import secrets; print(secrets.token_hex(32))'"
    )


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
    """The enabled users (read on every call, so a changed file takes effect at once).
    A malformed configuration counts as none, and is logged; without a usable session key
    there are none either (the start-up log says so)."""
    environ = os.environ if environ is None else environ
    try:
        users = parse_users(users_source(environ))
    except CredentialError as error:
        log.error("leadership access disabled: %s", error)
        return {}
    return users if users and secret_key_problem(environ) is None else {}


@functools.cache
def _store(path: Path) -> LoginStore:
    return LoginStore(path)


def login_store() -> LoginStore:
    """The shared store of sign-in attempts and sessions (login_store.py)."""
    return _store(state_dir() / FILE_NAME)


def signed_in_user() -> str | None:
    """The user of this request's session: open server-side, not expired, and opened with the
    user's current credential."""
    if not flask.has_request_context():
        return None
    sid = flask.session.get(SESSION_ID)
    if not isinstance(sid, str):
        return None
    if "lead_user" not in flask.g:
        flask.g.lead_user = _session_user(sid)
    return flask.g.lead_user


def _session_user(sid: str) -> str | None:
    users = configured_users()
    session = login_store().session(sid) if users else None
    if session is None or session.user not in users:
        return None
    current = credential_fingerprint(users[session.user])
    return session.user if hmac.compare_digest(session.credential, current) else None


def csrf_token(*, fresh: bool = False) -> str:
    """This session's form token (made on first use, or anew when `fresh`)."""
    token = flask.session.get(SESSION_CSRF)
    if fresh or not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        flask.session[SESSION_CSRF] = token
    return token


def _csrf_ok(form_token: str | None) -> bool:
    token = flask.session.get(SESSION_CSRF)
    return isinstance(token, str) and hmac.compare_digest(token, form_token or "")


# ---- Flask wiring ----------------------------------------------------------------------------


def configure_session(server: flask.Flask) -> None:
    """The cookie's key and settings. With users configured but no usable key, leadership stays
    off (logged); the cookie then gets a random key of this process (nothing to sign in to)."""
    problem = secret_key_problem(os.environ)
    if problem is None:
        server.secret_key = os.environ[ENV_SECRET].strip().encode("utf-8")
    else:
        server.secret_key = secrets.token_bytes(32)
        if users_source().strip():
            log.error("leadership access disabled: %s", problem)
    secure = os.environ.get(ENV_COOKIE_SECURE, "1").strip().lower() not in {"0", "false", "no"}
    server.config.update(
        SESSION_COOKIE_NAME="cop_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,
        SESSION_REFRESH_EACH_REQUEST=False,
        PERMANENT_SESSION_LIFETIME=timedelta(seconds=SESSION_SECONDS),
    )


def login_url(lang: str, next_path: str | None = None) -> str:
    path = LOGIN_PATH if lang == "vi" else "/en" + LOGIN_PATH
    return path + ("?" + urlencode({"next": next_path}) if next_path else "")


def register_auth(server: flask.Flask) -> None:
    """Session settings, the guard of every leadership address, sign-in and sign-out."""
    from dashboard.documents import login_page  # the sign-in form (HTML)

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
            path.endswith("_dash-update-component") and flask.session.get(SESSION_ID)
        )
        if restricted:
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response

    def _login(lang: str):
        users = configured_users()
        nxt = safe_next(flask.request.values.get("next"), lang)
        if flask.request.method == "GET":
            if signed_in_user() is not None:
                return flask.redirect(nxt)
            return login_page(lang, configured=bool(users), next_path=nxt, token=csrf_token())
        if not users:
            return login_page(lang, configured=False, next_path=nxt, token=csrf_token())
        return _attempt(lang, users, nxt)

    def _attempt(lang: str, users: Mapping[str, str], nxt: str):
        """Count the attempt first (cheap, shared), then check it under the sign-in cap: every
        attempt counts, whatever its answer, except one that signs in."""
        user = (flask.request.form.get("user") or "").strip()[:64]
        client = flask.request.remote_addr or "?"
        attempt, wait = login_store().reserve_attempt(
            {f"client:{client}": CLIENT_LIMIT, f"user:{user}": USER_LIMIT}
        )
        if attempt is None:
            log.warning(
                "leadership sign-in throttled for %r from %s (retry in %d s)", user, client, wait
            )
            page = login_page(
                lang, configured=True, next_path=nxt, token=csrf_token(), user=user,
                throttled_minutes=-(-wait // 60),
            )  # fmt: skip
            return flask.Response(page, status=429, headers={"Retry-After": str(wait)})
        return run_limited(SIGN_INS, lambda: _check(lang, users, nxt, user, attempt))

    def _check(lang: str, users: Mapping[str, str], nxt: str, user: str, attempt: str):
        password = flask.request.form.get("password") or ""
        client = flask.request.remote_addr or "?"
        if _csrf_ok(flask.request.form.get("csrf")) and check_password(users, user, password):
            store = login_store()
            store.forget_attempt(attempt)
            flask.session.clear()
            flask.session.permanent = True
            flask.session[SESSION_ID] = store.open_session(
                user, credential_fingerprint(users[user])
            )
            csrf_token()  # a fresh form token for the signed-in session (sign-out form)
            log.info("leadership sign-in: %s from %s", user, client)
            return flask.redirect(nxt, code=303)
        log.warning("leadership sign-in refused for %r from %s", user, client)
        page = login_page(
            lang, configured=True, next_path=nxt, token=csrf_token(fresh=True), failed=True,
            user=user,
        )  # fmt: skip
        return flask.Response(page, status=200)

    def _logout(lang: str):
        if _csrf_ok(flask.request.form.get("csrf")):
            if isinstance(sid := flask.session.get(SESSION_ID), str):
                login_store().close_session(sid)
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
