"""Small pieces of layout shared by pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import dcc, html

from dashboard.i18n import has, status_label


def attributes(values: Mapping[str, object]) -> dict[str, Any]:
    """``data-*`` and ``aria-*`` attributes, to pass to a Dash component as ``**attributes(...)``:
    Dash takes them as wildcard properties, which its typed signatures do not list."""
    return dict(values)


def status_badge(status: str | None, lang: str = "vi") -> html.Span:
    """A coloured badge that also says the status in words (colour is never the only cue)."""
    code = status if isinstance(status, str) and has(f"status.{status}") else "unknown"
    return html.Span(
        status_label(status, lang),
        className=f"badge badge--{code}",
        **attributes({"data-status": code}),
    )


def radio_group(
    legend: str,
    component_id: Any,
    options: list[dict[str, Any]],
    value: Any,
    *,
    inline: bool = True,
    single_as_text: bool = True,
) -> html.Fieldset | html.Div:
    """A labelled choice: a fieldset whose legend names the radio buttons for screen readers.
    A single option is no choice: it is written as text (the radio stays, hidden, for the
    callbacks that read it), unless `single_as_text` is False (a callback changes the options,
    and hides the choice while there is only one)."""
    if len(options) == 1 and single_as_text:
        return html.Div(
            [
                html.Span(legend + ": ", className="fixed-choice-label"),
                html.Strong(options[0]["label"]),
                dcc.RadioItems(
                    id=component_id, options=options, value=value, style={"display": "none"}
                ),
            ],
            className="fixed-choice",
        )
    return html.Fieldset(
        [
            html.Legend(legend),
            dcc.RadioItems(
                id=component_id,
                options=options,
                value=value,
                className="choice choice--inline" if inline else "choice",
            ),
        ]
    )


def notice(title: str, body: str, *, kind: str = "info") -> html.Section:
    """A friendly message block (not found, no release yet)."""
    return html.Section(
        [html.H1(title), html.P(body)],
        className=f"notice notice--{kind}",
        role="status",
    )


def simple_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    caption: str | None = None,
    numeric: Sequence[int] = (),
    table_id: str | None = None,
    stack: bool = False,
) -> html.Div:
    """A plain, scrollable HTML table (the text alternative of charts, lists of files).
    `stack`: on a phone each row becomes a block whose cells name their column (CSS)."""
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in headers]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(
                        cell,
                        className="num" if index in numeric else None,
                        **attributes({"data-label": headers[index]} if stack else {}),
                    )
                    for index, cell in enumerate(row)
                ]
            )
            for row in rows
        ]
    )
    parts = ([html.Caption(caption)] if caption else []) + [head, body]
    kwargs: dict[str, Any] = {"id": table_id} if table_id else {}
    table_class = "simple-table stack-table" if stack else "simple-table"
    return html.Div(html.Table(parts, className=table_class, **kwargs), className="table-scroll")


def definition_list(items: Sequence[tuple[str, Any]], class_name: str = "facts") -> html.Dl:
    return html.Dl(
        [html.Div([html.Dt(k), html.Dd(v)]) for k, v in items if v not in (None, "")],
        className=class_name,
    )
