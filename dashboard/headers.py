"""Security headers on every response.

- `Content-Security-Policy`: scripts only from this site plus the hashes of Dash's own inline
  scripts (`app.csp_hashes()`); no `eval`; styles from this site and inline (Plotly and React
  write style elements and attributes); images from this site, `data:` and `blob:` (a chart
  exported as PNG / SVG), fonts from this site or `data:`; requests
  only to this site; no plugins; forms post only here; `frame-ancestors 'none'` except on
  `/embed/…` (and `/en/embed/…`), which any site may frame (`*`).
- `X-Frame-Options: DENY` (the same rule for old browsers; absent on `/embed/…`),
  `X-Content-Type-Options: nosniff`, `Referrer-Policy: strict-origin-when-cross-origin`,
  `Permissions-Policy` turning off camera, microphone and location.
- `Strict-Transport-Security` on requests that arrived over HTTPS (behind a TLS proxy, set
  `COP_PROXY_HOPS` so the forwarded scheme is trusted; see README, "The site's edges").
"""

from __future__ import annotations

import dash
import flask

HSTS = "max-age=31536000; includeSubDomains"
_EMBED_PREFIXES = ("/embed/", "/en/embed/")


def is_embed(path: str) -> bool:
    return path.startswith(_EMBED_PREFIXES)


def content_security_policy(script_hashes: list[str], *, framable: bool) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",  # blob: Plotly's PNG / SVG export
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "*" if framable else "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def register_headers(app: dash.Dash) -> None:
    hashes: list[str] = []

    @app.server.after_request
    def _security_headers(response: flask.Response) -> flask.Response:
        if not hashes:  # Dash knows its inline scripts once it is set up (first request)
            hashes[:] = app.csp_hashes()
        framable = is_embed(flask.request.path)
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy(hashes, framable=framable)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if not framable:
            headers["X-Frame-Options"] = "DENY"
        if flask.request.is_secure:
            headers["Strict-Transport-Security"] = HSTS
        return response
