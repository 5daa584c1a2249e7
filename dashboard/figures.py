"""Pure figure builders: data in, plotly figure out. No data access, no Dash."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import SUPPRESSED, format_target, format_value, is_missing

PROGRAMME_YEARS = (2021, 2022, 2023, 2024, 2025)
LINE_COLOUR = "#0b5cad"
TARGET_COLOUR = "#b3261e"
MILESTONE_COLOUR = "#6b4e00"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


@dataclass(frozen=True)
class TargetLine:
    value: float
    year: int
    label: str  # e.g. "Mục tiêu 2025"


def target_line(value: object, year: object) -> TargetLine | None:
    """A TargetLine when both value and year are known, else None (no invented targets)."""
    if is_missing(value) or is_missing(year):
        return None
    return TargetLine(value=float(value), year=int(year), label=f"Mục tiêu {int(year)}")  # type: ignore[arg-type]


def _year(period: object) -> int | None:
    try:
        return int(str(period)[:4])
    except ValueError:
        return None


def trend_figure(
    series: pd.DataFrame,
    *,
    unit_label: str,
    decimals: int,
    target: TargetLine | None = None,
    milestones: Sequence[tuple[int, float]] = (),
    years: Sequence[int] = PROGRAMME_YEARS,
) -> go.Figure:
    """National trend over the programme years, with the target as a dashed line.

    `series` has columns period, value, obs_status. Suppressed or missing values are gaps, and
    their hover text says why. `milestones` are derived (non-official) yearly targets.
    """
    frame = series.assign(year=series["period"].map(_year)).dropna(subset=["year"])
    frame = frame[frame["year"].between(min(years), max(years))].sort_values("year")
    hover = [
        SUPPRESSED if status == "suppressed" else format_value(value, unit_label, decimals)
        for value, status in zip(frame["value"], frame["obs_status"], strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=frame["year"].astype(int).tolist(),
            y=[None if is_missing(v) else float(v) for v in frame["value"]],
            mode="lines+markers",
            name="Toàn quốc (national)",
            line={"color": LINE_COLOUR, "width": 3},
            marker={"size": 9, "color": LINE_COLOUR},
            customdata=hover,
            hovertemplate="%{x}: <b>%{customdata}</b><extra>Toàn quốc</extra>",
            connectgaps=False,
        )
    )
    if milestones:
        fig.add_trace(
            go.Scatter(
                x=[int(year) for year, _ in milestones],
                y=[float(value) for _, value in milestones],
                mode="lines+markers",
                name="Lộ trình suy ra (không chính thức)",
                line={"color": MILESTONE_COLOUR, "width": 1.5, "dash": "dot"},
                marker={"symbol": "circle-open", "size": 8, "color": MILESTONE_COLOUR},
                customdata=[format_value(v, unit_label, decimals) for _, v in milestones],
                hovertemplate="%{x}: %{customdata}<extra>Lộ trình suy ra</extra>",
            )
        )
    if target is not None:
        shown = format_target(target.value, unit_label, decimals)
        fig.add_trace(
            go.Scatter(
                x=[min(years), max(max(years), target.year)],
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
    fig.update_layout(
        separators=",.",  # Vietnamese: decimal comma, thousands dot
        font={"family": FONT, "size": 14, "color": "#1b1f24"},
        margin={"l": 8, "r": 16, "t": 16, "b": 8},
        height=360,
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        hovermode="closest",
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
    )
    fig.update_xaxes(
        tickmode="array",
        tickvals=list(years),
        ticktext=[str(year) for year in years],
        range=[min(years) - 0.3, max(years) + 0.3],
        showgrid=False,
        linecolor="#8a939c",
        fixedrange=True,
    )
    highest = max(
        [float(v) for v in frame["value"] if not is_missing(v)]
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
    return fig
