"""Dash `html.*` components written out as an HTML string, so one layout serves both a Dash
page and a plain Flask page (the printable report, the sign-in form, the PDF).

Only the html namespace is supported (plus plain strings and numbers); every text and
attribute value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from dash.development.base_component import Component

_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "source", "wbr"})
_RENAMED = {"className": "class", "htmlFor": "for"}
_SKIPPED = frozenset({"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key"})


def to_html(node: Any) -> str:
    """The HTML of a component tree (a component, a string, a number, a list or None)."""
    if node is None or node is False:
        return ""
    if isinstance(node, Component):
        return _element(node)
    if isinstance(node, str):
        return escape(node, quote=False)
    if isinstance(node, int | float):
        return escape(str(node), quote=False)
    if isinstance(node, Iterable):
        return "".join(to_html(child) for child in node)
    raise TypeError(f"cannot write {type(node).__name__} as HTML")


def _element(component: Component) -> str:
    if component._namespace != "dash_html_components":
        raise TypeError(f"only html.* components can be written out, not {component._type}")
    tag = component._type.lower()
    attributes = []
    for name in component._prop_names:
        value = getattr(component, name, None)
        if name in _SKIPPED or value is None or value is False:
            continue
        attribute = _RENAMED.get(name, name if "-" in name else name.lower())
        if name == "style" and isinstance(value, dict):
            value = "; ".join(f"{_css_name(k)}: {v}" for k, v in value.items())
        if value is True:
            attributes.append(f" {attribute}")
        else:
            attributes.append(f' {attribute}="{escape(str(value), quote=True)}"')
    # data-* and aria-* given as keyword arguments
    for name, value in vars(component).items():
        if name.startswith(("data-", "aria-")) and value is not None:
            attributes.append(f' {name}="{escape(str(value), quote=True)}"')
    opening = f"<{tag}{''.join(attributes)}>"
    if tag in _VOID:
        return opening
    return f"{opening}{to_html(getattr(component, 'children', None))}</{tag}>"


def _css_name(name: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in name)
