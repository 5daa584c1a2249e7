"""Sections of the indicator page: heading with target, metadata, national trend."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from dash import html

from dashboard import ids
from dashboard.components import (
    attributes,
    definition_list,
    radio_group,
    simple_table,
    status_badge,
)
from dashboard.figures import target_line, trend_figure, with_credits
from dashboard.formatting import MISSING, format_date, format_period, is_missing
from dashboard.i18n import (
    dim_label,
    dim_value_label,
    period_type_label,
    pick,
    source_label,
    status_label,
    t,
)
from dashboard.programmes import data_years, official_target_label
from dashboard.queries import derived_milestones, latest_row, series, target_for
from dashboard.release import Release
from dashboard.views.values import (
    decimals,
    display_headline,
    display_target,
    display_value,
    unit_label,
)
from dashboard.views.words import in_words

DIM_TYPE = "indicator-dim"


def heading(release: Release, indicator: dict[str, Any], lang: str) -> html.Section:
    latest = latest_row(release, indicator["slug"])
    facts: list[tuple[str, Any]] = []
    if latest:
        label = (
            f"{t('national', lang)} {format_period(latest['period'], latest['period_type'], lang)}"
        )
        facts.append(
            (
                label,
                html.Span(display_headline(latest, indicator, lang), className="indicator-value"),
            )
        )
    facts.append((t("ind.unit", lang), unit_label(indicator, lang) or MISSING))
    facts.append((t("data_as_of", lang), format_date(release.data_as_of, lang)))
    return html.Section(
        [
            html.Div(
                [
                    html.Span(indicator["indicator_code"], className="code"),
                    status_badge(latest.get("status") if latest else "no_data", lang),
                ],
                className="card-top",
            ),
            html.H1(pick(indicator, "name", lang), className="page-title"),
            html.P(pick(indicator, "definition", lang), className="definition"),
            definition_list(facts),
            target_box(release, indicator, lang),
        ],
        className="indicator-heading",
    )


def target_box(release: Release, indicator: dict[str, Any], lang: str) -> html.Aside:
    target = target_for(release, indicator)
    if target is None:
        return html.Aside(
            [
                html.H2(t("target", lang)),
                html.P(t("no_target", lang), className="target-value"),
                html.P(t("target.none_text", lang)),
            ],
            className="target-box target-box--none",
        )
    kind = str(target.get("kind") or "")
    lines = [
        html.H2(t("target.year", lang, year=target["target_year"])),
        html.P(display_target(target["target_value"], indicator, lang), className="target-value"),
        html.P(pick(target, "text", lang)),
        html.P(
            official_target_label(release, target, lang)
            if kind == "official"
            else t("target.derived", lang)
            if kind == "derived"
            else kind,
            className=f"target-kind target-kind--{kind}",
        ),
    ]
    if target.get("is_aspirational"):
        lines.append(html.P(t("target.aspirational", lang), className="target-kind"))
    return html.Aside(lines, className="target-box")


def metadata(indicator: Mapping[str, Any], lang: str) -> html.Section:
    direction = str(indicator.get("direction") or "")
    direction_text = (
        t(f"direction.{direction}", lang)
        if direction in {"increase", "decrease", "none", "monitor"}
        else direction
    )
    items = [
        (t("ind.definition", lang), pick(indicator, "definition", lang)),
        (t("numerator", lang), pick(indicator, "numerator", lang)),
        (t("denominator", lang), pick(indicator, "denominator", lang)),
        (t("ind.unit", lang), unit_label(indicator, lang)),
        (t("ind.direction", lang), direction_text),
        (t("ind.source", lang), source_label(indicator.get("source"), lang)),
        (t("ind.reporting_agency", lang), pick(indicator, "reporting_agency", lang)),
        (t("ind.activity", lang), str(indicator.get("plan_activity") or "")),
        (t("ind.legal", lang), pick(indicator, "legal_basis", lang)),
        (t("ind.status_rule", lang), pick(indicator, "status_rule", lang)),
        (t("ind.caveats", lang), pick(indicator, "caveats", lang)),
    ]
    return html.Section(
        [html.H2(t("ind.meta", lang)), definition_list(items, "meta-list")],
        className="panel",
        id="indicator-metadata",
    )


def dim_options(dimension: str, values: list[str], lang: str) -> list[dict[str, str]]:
    return [{"label": dim_value_label(dimension, v, lang), "value": v} for v in values]


def filter_controls(
    period_types: list[str],
    period_type: str,
    dimensions: dict[str, list[str]],
    chosen: Mapping[str, str],
    lang: str,
) -> html.Div:
    """Period type and one radio group per disaggregation (fieldset + legend each);
    `dimensions`: the values each may take beside the others (published combinations)."""
    groups = [
        radio_group(
            t("ind.period_type", lang),
            ids.INDICATOR_PERIOD_TYPE,
            [{"label": period_type_label(p, lang), "value": p} for p in period_types],
            period_type,
        )
    ]
    for dimension, values in dimensions.items():
        groups.append(
            radio_group(
                dim_label(dimension, lang),
                {"type": DIM_TYPE, "dim": dimension},
                dim_options(dimension, values, lang),
                chosen.get(dimension, values[0]),
            )
        )
    return html.Div(
        groups,
        className="controls",
        role="group",
        **attributes({"aria-label": t("ind.filters", lang)}),
    )


def trend_parts(
    release: Release,
    indicator: dict[str, Any],
    lang: str,
    period_type: str,
    dims: Mapping[str, str],
    others: Sequence[tuple[str, pd.DataFrame]] = (),
) -> tuple[Any, Any, html.Div, bool]:
    """(figure, summary, data table, empty) of the national series for a selection; the
    summary is a sentence and the numbers in words (change, gap, pace); `empty`: nothing to
    draw, the summary says why (no axes are shown). `others`: series compared on the same
    chart (views/compare.py), also columns of the table."""
    rows = series(release, indicator["slug"], period_type=period_type, dims=dims)
    target = target_for(release, indicator)
    totals = not any(v != "_T" for v in dims.values())
    line = None
    milestones: list[tuple[int, float]] = []
    if period_type in ("year", "school_year") and totals and target is not None:
        line = target_line(target["target_value"], target["target_year"], lang)
        derived = derived_milestones(release, indicator["indicator_code"])
        derived = derived[derived["target_year"] != target["target_year"]]
        milestones = [
            (int(r.target_year), float(r.target_value))
            for r in derived.itertuples()
            if not is_missing(r.target_value) and not is_missing(r.target_year)
        ]
    figure = trend_figure(
        rows,
        unit_label=unit_label(indicator, lang),
        decimals=decimals(indicator),
        target=line,
        milestones=milestones,
        years=[int(y) for y in data_years(release)],
        lang=lang,
        period_type=period_type,
        others=others,
    )
    with_credits(figure, chart_title(indicator, lang, dims), credit_line(release, indicator, lang))
    reason = empty_reason(rows, indicator, lang)
    table = trend_table(rows, indicator, lang, others)
    if reason:
        return figure, reason, table, True
    words = in_words(rows, indicator, target if totals else None, lang)
    summary: list[Any] = [trend_summary(rows, indicator, lang, dims), words_list(words, lang)]
    if others:
        names = ", ".join(label for label, _ in others)
        summary.append(html.P(t("compare.table_note", lang, names=names), className="note"))
    return figure, summary, table, False


def words_list(words: list[str], lang: str) -> html.Ul | None:
    """The numbers in words under a trend or on a card (views/words.py), or None."""
    if not words:
        return None
    return html.Ul(
        [html.Li(w) for w in words],
        className="in-words",
        **attributes({"aria-label": t("words.label", lang)}),
    )


def chart_title(indicator: Mapping[str, Any], lang: str, dims: Mapping[str, str]) -> str:
    """The chart's own title, in lines of at most 48 characters (a phone is narrow)."""
    text = f"{indicator['indicator_code']} · {pick(indicator, 'name', lang)} ({_scope(dims, lang)})"
    return "<br>".join(textwrap.wrap(text, 48))


def credit_line(release: Release, indicator: Mapping[str, Any], lang: str) -> str:
    """'Source: … · Release … (data as of …) · SAMPLE DATA' for a chart's image."""
    parts = [
        t("chart.source", lang, source=source_label(indicator.get("source"), lang)),
        t("chart.release", lang, release=release.release_id,
          as_of=format_date(release.data_as_of, lang)),
    ]  # fmt: skip
    if release.is_sample:
        parts.append(t("sample.banner", lang))
    return " · ".join(parts)


def empty_reason(rows: pd.DataFrame, indicator: Mapping[str, Any], lang: str) -> str:
    """'' when the selection has a value to draw; else why not and what would change it."""
    if not rows.empty and rows["value"].notna().any():
        return ""
    name = pick(indicator, "name", lang)
    source = source_label(indicator.get("source"), lang)
    statuses = set(rows["obs_status"].astype(str)) if not rows.empty else set()
    if statuses == {"suppressed"}:
        key = "ind.empty_suppressed"
    elif statuses == {"not_applicable"}:
        key = "ind.empty_not_applicable"
    elif rows.empty:
        key = "ind.empty_no_rows"
    else:
        key = "ind.empty_no_data"
    return t(key, lang, name=name, source=source)


def _scope(dims: Mapping[str, str], lang: str) -> str:
    parts = [t("national", lang).lower()]
    parts += [dim_value_label(d, v, lang).lower() for d, v in dims.items() if v != "_T"]
    return ", ".join(parts)


def trend_summary(
    rows: pd.DataFrame, indicator: Mapping[str, Any], lang: str, dims: Mapping[str, str]
) -> str:
    name = pick(indicator, "name", lang)
    if rows.empty:
        return t("ind.summary_none", lang, name=name)
    first, last = rows.iloc[0].to_dict(), rows.iloc[-1].to_dict()
    return t(
        "ind.summary",
        lang,
        name=name,
        scope=_scope(dims, lang),
        first=format_period(first["period"], first["period_type"], lang),
        first_value=display_value(first, indicator, lang),
        last=format_period(last["period"], last["period_type"], lang),
        last_value=display_value(last, indicator, lang),
    )


def trend_table(
    rows: pd.DataFrame,
    indicator: Mapping[str, Any],
    lang: str,
    others: Sequence[tuple[str, pd.DataFrame]] = (),
) -> html.Div:
    """Period, value and status of a series; a column more for each compared series."""
    compared = [
        {str(r["period"]): display_value(r, indicator, lang) for r in other.to_dict("records")}
        for _, other in others
    ]
    body = [
        (
            format_period(r["period"], r["period_type"], lang),
            display_value(r, indicator, lang),
            *(values.get(str(r["period"]), MISSING) for values in compared),
            status_label(r.get("status"), lang),
        )
        for r in rows.to_dict("records")
    ]
    headers = [t("period", lang), t("value", lang), *(label for label, _ in others)]
    numeric = tuple(range(1, len(headers)))
    return simple_table([*headers, t("status", lang)], body, numeric=numeric)
