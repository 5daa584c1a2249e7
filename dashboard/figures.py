"""Pure figure builders: data in, plotly figure out. No data access, no Dash."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc

from dashboard.formatting import format_period, format_target, format_value, is_missing
from dashboard.i18n import t

LINE_COLOUR = "#0b5cad"
TARGET_COLOUR = "#b3261e"
MILESTONE_COLOUR = "#6b4e00"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


def separators(lang: str) -> str:
    """Plotly `separators`: decimal mark then thousands mark."""
    return ".," if lang == "en" else ",."


@dataclass(frozen=True)
class TargetLine:
    value: float
    year: int
    label: str  # e.g. "Mục tiêu 2025"


def target_line(value: object, year: object, lang: str = "vi") -> TargetLine | None:
    """A TargetLine when both value and year are known, else None (no invented targets)."""
    if is_missing(value) or is_missing(year):
        return None
    return TargetLine(
        value=float(value),  # type: ignore[arg-type]
        year=int(year),  # type: ignore[call-overload]
        label=t("target.year", lang, year=int(year)),  # type: ignore[call-overload]
    )


def _hover(frame: pd.DataFrame, unit_label: str, decimals: int, lang: str) -> list[str]:
    return [
        t("suppressed", lang)
        if status == "suppressed"
        else format_value(value, unit_label, decimals, lang)
        for value, status in zip(frame["value"], frame["obs_status"], strict=True)
    ]


def _base_layout(fig: go.Figure, lang: str, height: int) -> None:
    fig.update_layout(
        separators=separators(lang),
        font={"family": FONT, "size": 14, "color": "#1b1f24"},
        margin={"l": 8, "r": 16, "t": 16, "b": 8},
        height=height,
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        hovermode="closest",
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0},
    )


def trend_figure(
    series: pd.DataFrame,
    *,
    unit_label: str,
    decimals: int,
    target: TargetLine | None = None,
    milestones: Sequence[tuple[int, float]] = (),
    years: Sequence[int] = (),
    lang: str = "vi",
    period_type: str = "year",
    series_name: str | None = None,
    others: Sequence[tuple[str, pd.DataFrame]] = (),
) -> go.Figure:
    """National trend with the target as a dashed line (yearly and school-year series).

    `series` has columns period, value, obs_status and, for a yearly series, year_number (the
    programme year, from the release's periods.csv). Suppressed or missing values are gaps, and
    their hover text says why. `milestones` are derived (non-official) yearly targets; `years`
    widens the axis to those years (the release's), beyond the series' own. `others`: (label,
    rows) of series drawn beside it (views/compare.py), each its own colour and dash, so they
    are told apart without colour too.
    """
    name = series_name or t("national", lang)
    fig = go.Figure()
    if period_type not in ("year", "school_year"):
        frame = series.sort_values("period")
        fig.add_trace(
            go.Scatter(
                x=[format_period(p, period_type, lang) for p in frame["period"]],
                y=[None if is_missing(v) else float(v) for v in frame["value"]],
                mode="lines+markers",
                name=name,
                line={"color": LINE_COLOUR, "width": 2.5},
                marker={"size": 7, "color": LINE_COLOUR},
                customdata=_hover(frame, unit_label, decimals, lang),
                hovertemplate="%{x}: <b>%{customdata}</b><extra></extra>",
                connectgaps=False,
            )
        )
        _add_others(fig, others, unit_label, decimals, lang, period_type, yearly=False)
        _base_layout(fig, lang, 360)
        fig.update_xaxes(type="category", showgrid=False, linecolor="#8a939c", fixedrange=True)
        _y_axis(fig, _all_values(frame, others), [], None, unit_label)
        return fig

    frame = series.assign(year=series["year_number"]).dropna(subset=["year"])
    data_years = [int(y) for y in frame["year"]]
    data_years += [int(y) for _, rows in others for y in rows["year_number"].dropna()]
    span = [*years, *data_years] or ([target.year] if target is not None else [0])
    low, high = min(span), max(span)
    frame = frame.sort_values("year")
    fig.add_trace(
        go.Scatter(
            x=frame["year"].astype(int).tolist(),
            y=[None if is_missing(v) else float(v) for v in frame["value"]],
            mode="lines+markers",
            name=name,
            line={"color": LINE_COLOUR, "width": 3},
            marker={"size": 9, "color": LINE_COLOUR},
            text=[format_period(p, period_type, lang) for p in frame["period"]],
            customdata=_hover(frame, unit_label, decimals, lang),
            hovertemplate=f"%{{text}}: <b>%{{customdata}}</b><extra>{name}</extra>",
            connectgaps=False,
        )
    )
    _add_others(fig, others, unit_label, decimals, lang, period_type, yearly=True)
    if milestones:
        label = t("ind.derived_line", lang)
        fig.add_trace(
            go.Scatter(
                x=[int(year) for year, _ in milestones],
                y=[float(value) for _, value in milestones],
                mode="lines+markers",
                name=label,
                line={"color": MILESTONE_COLOUR, "width": 1.5, "dash": "dot"},
                marker={"symbol": "circle-open", "size": 8, "color": MILESTONE_COLOUR},
                customdata=[format_value(v, unit_label, decimals, lang) for _, v in milestones],
                hovertemplate=f"%{{x}}: %{{customdata}}<extra>{label}</extra>",
            )
        )
    if target is not None:
        shown = format_target(target.value, unit_label, decimals, lang)
        fig.add_trace(
            go.Scatter(
                x=[low, max(high, target.year)],
                y=[target.value, target.value],
                mode="lines",
                name=target.label,
                line={"color": TARGET_COLOUR, "width": 2, "dash": "dash"},
                hoverinfo="skip",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[target.year],
                y=[target.value],
                mode="markers+text",
                name=target.label,
                showlegend=False,
                marker={"symbol": "diamond", "size": 12, "color": TARGET_COLOUR},
                text=[f"{target.label}: {shown}"],
                textposition="top left",
                textfont={"color": TARGET_COLOUR},
                customdata=[shown],
                hovertemplate=f"{target.label}: %{{customdata}}<extra></extra>",
            )
        )
    _base_layout(fig, lang, 360)
    ticks = list(range(low, high + 1))
    fig.update_xaxes(
        tickmode="array",
        tickvals=ticks,
        ticktext=[
            # two lines, so five school years fit a phone without clipping
            format_period(f"{year - 1}-{year}", period_type, lang).replace("–", "–<br>")
            if period_type == "school_year"
            else str(year)
            for year in ticks
        ],
        range=[low - 0.3, high + 0.3],
        automargin=True,
        showgrid=False,
        linecolor="#8a939c",
        fixedrange=True,
    )
    _y_axis(fig, _all_values(frame, others), milestones, target, unit_label)
    return fig


# Okabe–Ito colours (told apart by colour-blind readers), each with its own dash.
OTHER_STYLES = (
    ("#e69f00", "dash"), ("#009e73", "dot"), ("#cc79a7", "dashdot"), ("#d55e00", "longdash"),
    ("#56b4e9", "longdashdot"),
)  # fmt: skip


def _all_values(frame: pd.DataFrame, others: Sequence[tuple[str, pd.DataFrame]]) -> pd.Series:
    return pd.concat([frame["value"], *(rows["value"] for _, rows in others)], ignore_index=True)


def _add_others(
    fig: go.Figure,
    others: Sequence[tuple[str, pd.DataFrame]],
    unit_label: str,
    decimals: int,
    lang: str,
    period_type: str,
    *,
    yearly: bool,
) -> None:
    for index, (label, rows) in enumerate(others):
        colour, dash = OTHER_STYLES[index % len(OTHER_STYLES)]
        frame = rows.sort_values("period")
        if yearly:
            frame = frame.assign(year=frame["year_number"]).dropna(subset=["year"])
            x: list[Any] = frame["year"].astype(int).tolist()
        else:
            x = [format_period(p, period_type, lang) for p in frame["period"]]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=[None if is_missing(v) else float(v) for v in frame["value"]],
                mode="lines+markers",
                name=label,
                line={"color": colour, "width": 2.5, "dash": dash},
                marker={"size": 7, "color": colour},
                text=[format_period(p, period_type, lang) for p in frame["period"]],
                customdata=_hover(frame, unit_label, decimals, lang),
                hovertemplate=f"%{{text}}: <b>%{{customdata}}</b><extra>{label}</extra>",
                connectgaps=False,
            )
        )


def _y_axis(
    fig: go.Figure,
    values: pd.Series,
    milestones: Sequence[tuple[int, float]],
    target: TargetLine | None,
    unit_label: str,
) -> None:
    highest = max(
        [float(v) for v in values if not is_missing(v)]
        + [float(v) for _, v in milestones]
        + ([target.value] if target is not None else []),
        default=0.0,
    )
    fig.update_yaxes(
        range=[0, highest * 1.18 if highest > 0 else 1],
        gridcolor="#e3e7eb",
        zeroline=True,
        zerolinecolor="#8a939c",
        tickformat=",~f",  # 15.000 rather than 15k; trailing zeros dropped
        ticksuffix="%" if unit_label.strip() == "%" else "",
        automargin=True,
        fixedrange=True,
    )


def sparkline(series: pd.DataFrame, *, colour: str = LINE_COLOUR) -> go.Figure:
    """A tiny line without axes (the value and its text are next to it)."""
    frame = series.sort_values("period")
    fig = go.Figure(
        go.Scatter(
            x=list(range(len(frame))),
            y=[None if is_missing(v) else float(v) for v in frame["value"]],
            mode="lines+markers",
            line={"color": colour, "width": 2},
            marker={"size": 4, "color": colour},
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        height=48,
        margin={"l": 2, "r": 2, "t": 4, "b": 4},
        showlegend=False,
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
    )
    fig.update_xaxes(visible=False, fixedrange=True)
    fig.update_yaxes(visible=False, fixedrange=True)
    return fig


def with_credits(fig: go.Figure, title: str, credit: str) -> go.Figure:
    """The chart's title above and its credit line (source, release, data date, sample label)
    below, inside the figure, so a PNG or SVG taken away still says what and whose it is."""
    height = int(fig.layout.height or 360) + 70
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        height=height,
        margin={"t": 48, "b": 84},
        legend={"y": -0.1},
    )
    fig.add_annotation(
        text=credit,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.3,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#4a535c"},
    )
    return fig


# The mode bar: only the image export (PNG; site.js adds SVG beside it), never Plotly's logo;
# and nothing plotly.js could fetch from or send to the internet (offline, no CDN): no map
# topology URL (no geo traces here), no Chart Studio link.
MODE_BAR: dcc.Graph.Config = {
    "displaylogo": False,
    "topojsonURL": "/assets/vendor/no-topojson/",
    "plotlyServerURL": "",
    "showLink": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "responsive": True,
    "displayModeBar": True,
    "modeBarButtons": [["toImage"]],
}


def graph_config(filename: str) -> dcc.Graph.Config:
    return {**MODE_BAR, "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}
