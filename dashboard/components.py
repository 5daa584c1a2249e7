"""Small pieces of layout shared by pages."""

from __future__ import annotations

from dash import html

from dashboard.labels import STATUS_LABELS, status_label


def status_badge(status: str | None) -> html.Span:
    """A coloured badge that also says the status in words (colour is never the only cue)."""
    code = status if status in STATUS_LABELS else "unknown"
    english = STATUS_LABELS.get(code, ("", ""))[1]
    return html.Span(
        status_label(status),
        className=f"badge badge--{code}",
        title=english,
        **{"data-status": code},
    )


def notice(title: str, body: str, *, kind: str = "info") -> html.Section:
    """A friendly message block (not found, no release yet)."""
    return html.Section(
        [html.H1(title), html.P(body)],
        className=f"notice notice--{kind}",
        role="status",
    )
