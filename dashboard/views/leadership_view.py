"""The leadership scorecard as html.* components (used by the Dash page and, written out by
html_out.py, by the printable report and its PDF), plus the sign-in and report documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import html

from dashboard.components import attributes, status_badge
from dashboard.formatting import MISSING, format_date, format_period
from dashboard.i18n import has, pick, t
from dashboard.programmes import chosen_programme, decision_text, plan_text, programme_years
from dashboard.release import Release
from dashboard.scorecard import (
    Change,
    Lagging,
    TargetLine,
    changes_since,
    lagging_provinces,
    milestone_counts,
    milestones_by_unit,
    target_lines,
)
from dashboard.views.values import display_gap, display_target, display_value

SCORECARD_ID = "lead-scorecard"
GRID_ID = "lead-status-grid"
VALUES_ID = "lead-values"
MOVED_ID = "lead-moved"
LAGGING_ID = "lead-lagging"
MILESTONES_ID = "lead-milestones"


# ---- the scorecard -----------------------------------------------------------------------


def scorecard_sections(
    release: Release,
    lang: str,
    *,
    previous: Release | None,
    period: str | None = None,
    programme_id: str | None = None,
) -> list[html.Section]:
    """Status grid, values against targets, what moved, lagging provinces, milestones.

    `period` (a year or 'YYYY-Qn') chooses the values shown; None is the latest.
    `programme_id` chooses the programme (None: the current adopted one)."""
    programme = chosen_programme(release, programme_id)
    lines = target_lines(release, period, programme_id)
    years = programme_years(programme) if programme is not None else []
    year = period[:4] if period else None
    return [
        _grid_section(lines, lang, year, years),
        _values_section(lines, lang, period, decision_text(programme, lang)),
        _moved_section(changes_since(previous, release), previous, lang),
        _lagging_section(release, lines, lang, year),
        _milestones_section(release, lang, plan_text(programme, lang)),
    ]


def _section(title: str, section_id: str, *content: Any, intro: str | None = None):
    parts: list[Any] = [html.H2(title)]
    if intro:
        parts.append(html.P(intro, className="note"))
    parts.extend(content)
    return html.Section(parts, id=section_id, className="panel lead-section")


def _name(line: TargetLine, lang: str) -> str:
    if line.indicator is not None:
        return pick(line.indicator, "name", lang)
    return pick(line.target or {}, "text", lang) or line.indicator_code


def _table(headers: list[Any], rows: list[list[Any]], caption: str, **kwargs: Any) -> html.Div:
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in headers]))
    body = html.Tbody([html.Tr(row) for row in rows])
    return html.Div(
        html.Table(
            [html.Caption(caption), head, body], className="simple-table lead-table", **kwargs
        ),
        className="table-scroll",
        # a table wider than the screen scrolls: keyboard users reach it too
        tabIndex="0",
        role="region",
        **attributes({"aria-label": caption}),
    )


def _grid_section(
    lines: list[TargetLine], lang: str, year: str | None, programme_years: list[str]
) -> html.Section:
    """One column per programme year up to `year` (a report shows no later year)."""
    years = [y for y in programme_years if year is None or y <= year] or programme_years
    rows = []
    for line in lines:
        cells: list[Any] = [
            html.Th(
                [html.Span(line.target_id, className="code"), " ", _name(line, lang)],
                scope="row",
            )
        ]
        for column in years:
            status = line.statuses.get(column, "no_data")
            cells.append(
                html.Td(
                    status_badge(status, lang),
                    className=f"grid-cell grid-cell--{status}",
                    **attributes({"data-year": column, "data-status": status}),
                )
            )
        rows.append(cells)
    table = _table(
        [t("lead.target_col", lang), *years],
        rows,
        t("lead.grid_caption", lang, first=years[0], last=years[-1]),
        id=GRID_ID,
    )
    return _section(
        t("lead.grid", lang), "lead-grid-section", table, intro=t("lead.grid_note", lang)
    )


def _values_section(
    lines: list[TargetLine], lang: str, period: str | None, decision: str
) -> html.Section:
    rows = []
    for line in lines:
        indicator = line.indicator
        if indicator is None:
            value: Any = t("not_measured", lang)
            when = MISSING
            status = "no_data"
        elif line.row is None:
            if period and "-Q" in period:
                value = t("lead.no_quarter", lang)
            else:
                value = t("lead.no_value_period", lang) if period else t("not_measured", lang)
            when = MISSING
            status = "no_data"
        else:
            value = display_value(line.row, indicator, lang)
            when = format_period(line.row["period"], line.row.get("period_type"), lang)
            status = str(line.row.get("status") or "no_data")
        unit_source = indicator or {"unit_label_vi": _unit(line), "unit_label_en": _unit(line)}
        if line.target is not None and str(line.target.get("kind")) == "official":
            official: Any = [
                display_target(line.target.get("target_value"), unit_source, lang),
                html.Span(
                    " · " + t("lead.by_year", lang, year=line.target.get("target_year")),
                    className="note",
                ),
            ]
        elif line.target is not None and str(line.target.get("kind")) == "illustrative":
            official = [
                display_target(line.target.get("target_value"), unit_source, lang),
                html.Br(),
                html.Span(t("target.illustrative", lang), className="target-kind"),
            ]
        else:
            official = MISSING
        if line.trajectory is not None:
            trajectory: Any = [
                display_target(line.trajectory, unit_source, lang),
                html.Br(),
                html.Span(t("lead.derived_label", lang), className="target-kind"),
            ]
        else:
            trajectory = MISSING
        rows.append(
            [
                html.Th(
                    [html.Span(line.target_id, className="code"), " ", _name(line, lang)],
                    scope="row",
                ),
                html.Td(when),
                html.Td(value, className="num lead-value"),
                html.Td(official, className="num"),
                html.Td(trajectory, className="num"),
                html.Td(status_badge(status, lang)),
            ]
        )
    headers = [
        t("lead.target_col", lang),
        t("period", lang),
        t("value", lang),
        t("lead.official_col", lang),
        t("lead.derived_col", lang),
        t("status", lang),
    ]
    caption = t("lead.values_caption", lang) + (
        " " + format_period(period, "quarter" if "-Q" in period else "year", lang) if period else ""
    )
    table = _table(headers, rows, caption, id=VALUES_ID)
    return _section(
        t("lead.values", lang),
        "lead-values-section",
        table,
        intro=t("lead.values_note", lang, decision=decision),
    )


def _unit(line: TargetLine) -> str:
    return "%" if str((line.target or {}).get("unit")) == "percent" else ""


def _snap_text(snap: Mapping[str, Any] | None, indicator: Mapping[str, Any], lang: str) -> Any:
    if snap is None:
        return MISSING
    if not snap.get("period"):
        return t("not_measured", lang)
    row = {"value": snap.get("value"), "obs_status": snap.get("obs_status")}
    return [
        html.Strong(display_value(row, indicator, lang)),
        f" ({format_period(snap['period'], snap.get('period_type'), lang)}) ",
        status_badge(snap.get("status"), lang),
    ]


def _moved_section(
    changes: list[Change] | None, previous: Release | None, lang: str
) -> html.Section:
    if changes is None or previous is None:
        return _section(t("lead.moved", lang), MOVED_ID, html.P(t("lead.no_previous", lang)))
    intro = t(
        "lead.moved_since",
        lang,
        release=previous.release_id,
        created=format_date(previous.created_at, lang),
    )
    if not changes:
        return _section(
            t("lead.moved", lang), MOVED_ID, html.P(t("lead.nothing_moved", lang)), intro=intro
        )
    rows = []
    for change in changes:
        what = ", ".join(t(f"lead.changed.{f}", lang) for f in change.fields)
        rows.append(
            [
                html.Th(
                    [
                        html.Span(change.indicator_code, className="code"),
                        " ",
                        pick(change.indicator, "name", lang),
                    ],
                    scope="row",
                ),
                html.Td(_snap_text(change.before, change.indicator, lang)),
                html.Td(_snap_text(change.after, change.indicator, lang)),
                html.Td(what),
            ]
        )
    table = _table(
        [
            t("prov.indicator", lang),
            t("lead.before", lang),
            t("lead.now", lang),
            t("lead.what_changed", lang),
        ],
        rows,
        t("lead.moved_caption", lang),
    )
    return _section(t("lead.moved", lang), MOVED_ID, table, intro=intro)


def _lagging_block(lag: Lagging, lang: str) -> html.Div:
    name = pick(lag.indicator, "name", lang)
    code = str(lag.indicator.get("indicator_code"))
    heading = html.H3([html.Span(code, className="code"), " ", name])
    if lag.period is None:
        return html.Div([heading, html.P(t("lead.lag_none", lang))], className="lead-lag")
    if lag.target is not None:
        summary = t(
            "lead.lag_summary_target",
            lang,
            n=len(lag.rows),
            year=lag.period,
            target=display_target(lag.target, lag.indicator, lang),
            published=lag.published,
            met=lag.met,
            suppressed=lag.suppressed,
        )
    else:
        summary = t(
            "lead.lag_summary_high" if lag.highest_first else "lead.lag_summary",
            lang,
            n=len(lag.rows),
            year=lag.period,
            published=lag.published,
            suppressed=lag.suppressed,
        )
    if not lag.rows:
        empty = "lead.lag_all_met" if lag.published else "lead.lag_all_hidden"
        return html.Div(
            [heading, html.P(summary), html.P(t(empty, lang))],
            className="lead-lag",
            **attributes({"data-code": code}),
        )
    rows = [
        [
            html.Td(str(rank), className="num"),
            html.Th(str(row.get("geo_name") or row.get("geo_code")), scope="row"),
            html.Td(display_value(row, lag.indicator, lang), className="num"),
            html.Td(_gap_text(row.get("gap"), lag.indicator, lang), className="num"),
            html.Td(status_badge(row.get("status"), lang)),
        ]
        for rank, row in enumerate(lag.rows, start=1)
    ]
    headers = [t("lead.rank", lang), t("province", lang), t("value", lang)]
    table = _table(
        [*headers, t("lead.gap", lang), t("status", lang)],
        rows,
        t("lead.lag_caption", lang, code=code, year=lag.period),
    )
    return html.Div(
        [heading, html.P(summary), table], className="lead-lag", **attributes({"data-code": code})
    )


def _gap_text(gap: Any, indicator: Mapping[str, Any], lang: str) -> str:
    if gap is None or gap != gap:  # no target: no gap
        return MISSING
    return display_gap(gap, indicator, lang)


def _lagging_section(
    release: Release, lines: list[TargetLine], lang: str, year: str | None
) -> html.Section:
    blocks: list[html.Div | html.P] = [
        _lagging_block(lagging_provinces(release, line.indicator, year), lang)
        for line in lines
        if line.indicator is not None
    ]
    if not blocks:
        blocks = [html.P(t("lead.lag_no_indicator", lang))]
    return _section(t("lead.lagging", lang), LAGGING_ID, *blocks, intro=t("lead.lag_note", lang))


def milestone_label(status: object, lang: str) -> str:
    key = f"milestone.{status}"
    return t(key, lang) if has(key) else (str(status) or MISSING)


def _milestones_section(release: Release, lang: str, plan: str) -> html.Section:
    groups = milestones_by_unit(release)
    if not groups:
        return _section(
            t("lead.milestones", lang, plan=plan),
            MILESTONES_ID,
            html.P(t("lead.no_milestones", lang)),
        )
    counts = milestone_counts(release)
    summary = html.P(
        "; ".join(f"{milestone_label(s, lang)}: {n}" for s, n in counts.items()),
        className="lead-counts",
    )
    blocks: list[Any] = [summary]
    for unit, rows in groups:
        table_rows = [
            [
                html.Td(str(m.get("activity") or "")),
                html.Th(pick(m, "name", lang), scope="row"),
                html.Td(format_date(m.get("due_date"), lang)),
                html.Td(format_date(m.get("completed_date"), lang)),
                html.Td(
                    html.Span(
                        milestone_label(m.get("status"), lang),
                        className=f"badge badge--m-{m.get('status')}",
                        **attributes({"data-status": str(m.get("status"))}),
                    )
                ),
            ]
            for m in rows
        ]
        blocks.append(
            html.Div(
                [
                    html.H3(unit or t("lead.no_unit", lang)),
                    _table(
                        [
                            t("lead.activity", lang),
                            t("lead.deliverable", lang),
                            t("lead.due", lang),
                            t("lead.completed", lang),
                            t("status", lang),
                        ],
                        table_rows,
                        t("lead.milestones_caption", lang, unit=unit or t("lead.no_unit", lang)),
                    ),
                ],
                className="lead-unit",
            )
        )
    return _section(
        t("lead.milestones", lang, plan=plan),
        MILESTONES_ID,
        *blocks,
        intro=t("lead.milestones_note", lang),
    )
