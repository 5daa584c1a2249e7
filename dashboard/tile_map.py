"""The tile-grid map of one province scheme: pure, rows in, plotly figure out.

Each province is a square placed roughly where it lies (tiles.py), coloured by its value on a
scale with a title and unit. For an indicator with a target the scale is anchored on it (from
0, or the lowest value if below, to the target) so that 63 provinces far from the target do not
look like a rich gradient. Two kinds of grey, named in the legend: *suppressed* (hatched: a
value exists but is hidden to protect children) and *no data* (pale, dashed: nothing was
reported). Every tile carries its province page's address (`customdata[2]`), which site.js
opens on click.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from dashboard.figures import FONT, separators
from dashboard.formatting import is_missing
from dashboard.i18n import t
from dashboard.tiles import ISLANDS, TILES

SUPPRESSED_COLOUR = "#b9c0c7"
NO_DATA_COLOUR = "#f4f6f8"
# Light to dark blue; readable labels switch to white on the dark half.
TILE_SCALE = [[0.0, "#e3eefa"], [0.5, "#6d9fd6"], [1.0, "#0b3d6e"]]


def colour_range(values: Sequence[float], target: float | None) -> tuple[float, float]:
    """(low, high) of the colour scale: anchored on the target when there is one."""
    if not values:
        return (0.0, target or 1.0)
    low, high = min(values), max(values)
    if target is not None:
        return (min(0.0, low), max(target, high))
    return (low, high if high > low else low + 1.0)


def tile_map_figure(
    rows: Sequence[Mapping[str, Any]],
    scheme: str,
    *,
    lang: str = "vi",
    unit_label: str = "",
    target: float | None = None,
    links: Mapping[str, str] | None = None,
) -> go.Figure:
    """`rows` have geo_code, geo_name, value (None when suppressed/missing), value_display and
    obs_status; `links`: {geo_code: address of the province's page}."""
    tiles = TILES.get(scheme, {})
    by_code = {str(row["geo_code"]): row for row in rows}
    shown, hidden, empty = [], [], []
    for code, tile in tiles.items():
        row = by_code.get(code) or {}
        item = {
            "x": tile.col,
            "y": tile.row,
            "short": tile.short,
            "name": row.get("geo_name") or code,
            "display": row.get("value_display") or t("ind.no_rows", lang),
            "value": row.get("value"),
            "link": (links or {}).get(code, ""),
        }
        if row.get("obs_status") == "suppressed":
            hidden.append(item)
        elif item["value"] is None or is_missing(item["value"]):
            empty.append(item)
        else:
            shown.append(item)
    values = [float(value) for i in shown if (value := i["value"]) is not None]
    low, high = colour_range(values, target)
    span = (high - low) or 1.0
    shares = [min(max((v - low) / span, 0.0), 1.0) for v in values]
    shapes = [
        _tile(item, sample_colorscale(TILE_SCALE, [share])[0])
        for item, share in zip(shown, shares, strict=True)
    ]
    for item in hidden:
        shapes.append(_tile(item, SUPPRESSED_COLOUR))
        shapes.extend(_hatching(item))
    shapes.extend(_tile(item, NO_DATA_COLOUR, dash="dot") for item in empty)
    fig = go.Figure()
    hover = "%{customdata[0]}: <b>%{customdata[1]}</b><extra></extra>"
    fig.add_trace(
        go.Scatter(
            x=[i["x"] for i in shown],
            y=[i["y"] for i in shown],
            mode="text",
            text=[i["short"] for i in shown],
            textfont={"size": 9, "color": ["#ffffff" if s > 0.45 else "#1b1f24" for s in shares]},
            customdata=[[i["name"], i["display"], i["link"]] for i in shown],
            hovertemplate=hover,
            showlegend=False,
        )
    )
    percent = unit_label.strip() == "%"
    title = t("map.legend", lang) + (f" ({unit_label.strip()})" if unit_label.strip() else "")
    if target is not None:
        title += "<br>" + t("map.legend_target", lang)
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker={
                "color": [low, high],
                "colorscale": TILE_SCALE,
                "cmin": low,
                "cmax": high,
                "showscale": bool(values),
                "colorbar": {
                    "title": {"text": title, "side": "top", "font": {"size": 11}},
                    "thickness": 10,
                    "len": 0.45,
                    "y": 0.25,
                    "ticksuffix": "%" if percent else "",
                    "tickformat": ",~f",
                    "outlinewidth": 0,
                },
            },
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for items, key, symbol, colour in (
        (hidden, "map.suppressed", "square-x", SUPPRESSED_COLOUR),
        (empty, "map.no_data", "square-open", "#8a939c"),
    ):
        # Markers on the tiles for hover, and a legend entry naming the kind of grey.
        fig.add_trace(
            go.Scatter(
                x=[i["x"] for i in items] or [None],
                y=[i["y"] for i in items] or [None],
                mode="markers+text",
                marker={"symbol": symbol, "size": 12, "color": colour, "opacity": 0},
                text=[i["short"] for i in items],
                textfont={"size": 9, "color": "#1b1f24"},
                customdata=[[i["name"], i["display"], i["link"]] for i in items],
                hovertemplate=hover,
                name=t(key, lang, n=len(items)),
                showlegend=bool(items),
            )
        )
    _islands(fig, scheme, lang)
    islands = ISLANDS.get(scheme, ())
    cols = [tile.col for tile in tiles.values()] + [i.col for i in islands]
    rows_ = [tile.row for tile in tiles.values()] + [i.row for i in islands]
    fig.update_layout(
        separators=separators(lang),
        font={"family": FONT, "size": 12, "color": "#1b1f24"},
        height=max(rows_, default=20) * 30 + 90,
        margin={"l": 4, "r": 4, "t": 8, "b": 8},
        plot_bgcolor="#eef5fb",
        paper_bgcolor="#ffffff",
        hovermode="closest",
        shapes=shapes,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "itemclick": False},
    )
    fig.update_xaxes(
        visible=False,
        range=[min(cols, default=0) - 0.8, max(cols, default=8) + 1.4],
        fixedrange=True,
    )
    fig.update_yaxes(
        visible=False,
        range=[max(rows_, default=20) + 1.2, min(rows_, default=0) - 0.8],
        fixedrange=True,
        scaleanchor="x",
        scaleratio=1,
    )
    return fig


def _islands(fig: go.Figure, scheme: str, lang: str) -> None:
    islands = ISLANDS.get(scheme, ())
    if not islands:
        return
    fig.add_trace(
        go.Scatter(
            x=[i.col for i in islands],
            y=[i.row for i in islands],
            mode="markers+text",
            marker={"symbol": "circle", "size": 7, "color": "#0b3d6e"},
            text=[
                t(f"islands.{i.key}", lang).replace("Quần đảo ", "").replace(" (", "<br>(")
                for i in islands
            ],
            textposition="bottom center",
            textfont={"size": 10, "color": "#1b1f24"},
            hoverinfo="text",
            hovertext=[t(f"islands.{i.key}", lang) for i in islands],
            showlegend=False,
        )
    )


def _hatching(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Two diagonals, so a hidden cell never looks like a low value."""
    return [
        {
            "type": "line",
            "x0": item["x"] - 0.42 + max(offset, 0) * 2,
            "y0": item["y"] + 0.42 - max(-offset, 0) * 2,
            "x1": item["x"] + 0.42 - max(-offset, 0) * 2,
            "y1": item["y"] - 0.42 + max(offset, 0) * 2,
            "line": {"color": "#6b7580", "width": 1},
            "layer": "below",
        }
        for offset in (-0.2, 0.2)
    ]


def _tile(item: Mapping[str, Any], colour: str, dash: str = "solid") -> dict[str, Any]:
    return {
        "type": "rect",
        "x0": item["x"] - 0.46,
        "x1": item["x"] + 0.46,
        "y0": item["y"] - 0.46,
        "y1": item["y"] + 0.46,
        "fillcolor": colour,
        "line": {"color": "#8a939c" if dash != "solid" else "#ffffff", "width": 1, "dash": dash},
        "layer": "below",
    }
