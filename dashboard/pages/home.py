"""Home: the Decision 830 targets scorecard, then every indicator by Plan 838 activity."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids, lookup
from dashboard.components import attributes, status_badge
from dashboard.figures import sparkline
from dashboard.formatting import format_date, format_period
from dashboard.frame import frame, no_release_page, try_release
from dashboard.i18n import href, pick, t
from dashboard.programmes import (
    activity_label,
    chosen_programme,
    decision_text,
    is_draft,
    plan_text,
    programme_targets,
    site_title,
)
from dashboard.queries import indicator_by_code, latest_row, series, target_for
from dashboard.release import Release
from dashboard.routing import PATH_ARG, register_pages
from dashboard.views.indicator_parts import words_list
from dashboard.views.programme_view import draft_notice, programme_chooser, programme_query
from dashboard.views.values import display_headline, display_target
from dashboard.views.words import change_sentences, target_sentences


def layout(lang: str = "vi", **query: Any) -> html.Div:
    query.pop(PATH_ARG, None)
    release = try_release()
    if release is None:
        return no_release_page(lang, "/", query)
    chosen = chosen_programme(release, programme_query(query))
    body = [
        html.H1(t("home.title", lang), className="page-title"),
        html.P(
            t(
                "home.lede",
                lang,
                decision=decision_text(chosen, lang),
                plan=plan_text(chosen, lang),
            ),
            className="lede",
        ),
        _scorecard(release, lang, programme_query(query)),
        html.H2(t("home.indicators", lang), className="section-title"),
        html.Div(_activities(release, lang, plan_text(chosen, lang)), id=ids.HOME_LIST),
    ]
    return frame(lang, body, path="/", query=query, release=release)


def _title(lang: str) -> str:
    return site_title(try_release(), lang)


register_pages(__name__, layout, path="/", title=_title, image=lookup.home_preview)


def _scorecard(release: Release, lang: str, programme_id: str | None) -> html.Section:
    """The chosen programme's targets (the current adopted one by default): official ones are
    judged; a draft's illustrative ones are shown as such and never judged."""
    programme = chosen_programme(release, programme_id)
    chosen = str(programme["programme_id"]) if programme else None
    targets = programme_targets(release, chosen)
    draft = is_draft(programme)
    cards = [_target_card(release, row, lang, draft) for row in targets.to_dict("records")]
    content: Any = (
        html.Ul(cards, className="target-list") if cards else html.P(t("home.no_targets", lang))
    )
    year = programme["end_year"] if programme else ""
    return html.Section(
        [
            html.H2(t("home.targets", lang, year=year), className="section-title"),
            programme_chooser(release, programme, lang, "/"),
            draft_notice(programme, lang),
            content,
        ],
        id=ids.HOME_TARGETS,
        **attributes({"data-programme": chosen or ""}),
    )


def _target_card(
    release: Release, target: dict[str, Any], lang: str, draft: bool = False
) -> html.Li:
    code = str(target.get("indicator_code") or "")
    indicator = indicator_by_code(release, code)
    latest = latest_row(release, indicator["slug"]) if indicator else None
    if indicator is not None and latest is not None:
        value = display_headline(latest, indicator, lang)
        period = format_period(latest["period"], latest["period_type"], lang)
        # a draft's target is illustrative: the value is shown, never judged against it
        status = "monitoring" if draft else latest.get("status")
        trend = series(release, indicator["slug"])
        spark: Any = html.Div(
            dcc.Graph(
                figure=sparkline(trend),
                config={"staticPlot": True, "displayModeBar": False},
                className="sparkline",
            ),
            role="img",
            **attributes({"aria-label": t("home.spark", lang, name=pick(indicator, "name", lang))}),
        )
        target_text = display_target(target["target_value"], indicator, lang)
        words = words_list(
            change_sentences(trend, indicator, lang)[:1]
            + target_sentences(trend, indicator, target_for(release, indicator), lang),
            lang,
        )
        link: Any = dcc.Link(
            t("more", lang, code=code),
            href=href(f"/indicators/{indicator['slug']}", lang),
            className="card-more",
        )
    else:
        value, period, status, spark, link = t("not_measured", lang), "", "no_data", None, None
        words = None
        unit = "%" if str(target.get("unit")) == "percent" else ""
        target_text = display_target(
            target["target_value"], {"unit_label_vi": unit, "unit_label_en": unit}, lang
        )
    return html.Li(
        [
            html.Div(
                [html.Span(str(target["target_id"]), className="code"), status_badge(status, lang)],
                className="card-top",
            ),
            html.P(pick(target, "text", lang), className="target-text"),
            html.P(t("target.illustrative", lang), className="target-kind")
            if str(target.get("kind")) == "illustrative"
            else None,
            html.Dl(
                [
                    html.Div(
                        [
                            html.Dt(f"{t('home.linked', lang, code=code)} {period}".strip()),
                            html.Dd(value, className="indicator-value"),
                        ]
                    ),
                    html.Div(
                        [
                            html.Dt(t("target.year", lang, year=target["target_year"])),
                            html.Dd(target_text, className="indicator-target"),
                        ]
                    ),
                ],
                className="card-figures",
            ),
            spark,
            words,
            link,
        ],
        className="target-card",
        **attributes({"data-target": str(target["target_id"]), "data-code": code}),
    )


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def activity_order(activity: str) -> tuple[int, int, str]:
    """Plan 838's numbering: 2b, 2c, 3, 4a, 5, 6, 7, then the sections in Roman numerals (IV),
    then an indicator without an activity."""
    text = str(activity).strip()
    if not text:
        return (3, 0, "")
    if text.upper() in _ROMAN:
        return (2, _ROMAN[text.upper()], "")
    digits = "".join(ch for ch in text if ch.isdigit())
    return (1, int(digits), text[len(digits) :]) if digits else (2, 99, text)


def _activities(release: Release, lang: str, plan: str) -> list[html.Section]:
    """A section per plan activity with its indicators and milestones; then the deliverables of
    ``plan`` that no indicator's activity shows."""
    indicators = release.indicators
    order = sorted(
        dict.fromkeys(indicators["plan_activity"].fillna("").tolist()), key=activity_order
    )
    sections = []
    for activity in order:
        rows = indicators[indicators["plan_activity"].fillna("") == activity]
        title = (
            activity_label(release, activity, lang) if activity else t("home.activity_none", lang)
        )
        sections.append(
            html.Section(
                [
                    html.H3(title, className="activity-title"),
                    html.Ul(
                        [_card(release, row, lang) for row in rows.to_dict("records")],
                        className="indicator-list",
                    ),
                    _milestones(release, activity, lang),
                ],
                className="activity",
                **attributes({"data-activity": activity}),
            )
        )
    others = _other_milestones(release, order, lang)
    if others is not None:
        sections.append(
            html.Section(
                [
                    html.H3(
                        t("home.other_milestones", lang, plan=plan), className="activity-title"
                    ),
                    others,
                ],
                className="activity",
                **attributes({"data-activity": "other"}),
            )
        )
    return sections


def _other_milestones(release: Release, shown: list[str], lang: str) -> html.Ul | None:
    """The plan's deliverables of activities that no indicator tracks (they would be missed)."""
    milestones = release.milestones
    if milestones is None or milestones.empty or "activity" not in milestones.columns:
        return None
    activities = [a for a in dict.fromkeys(milestones["activity"].astype(str)) if a not in shown]
    lists = [_milestones(release, activity, lang, prefix=True) for activity in activities]
    items = [item for ul in lists if ul is not None for item in ul.children]
    return html.Ul(items, className="milestones") if items else None


def _milestones(release: Release, activity: str, lang: str, prefix: bool = False) -> html.Ul | None:
    milestones = release.milestones
    if milestones is None or milestones.empty or "activity" not in milestones.columns:
        return None
    rows = milestones[milestones["activity"] == activity]
    if rows.empty:
        return None
    return html.Ul(
        [
            html.Li(
                [
                    activity_label(release, activity, lang) + " · " if prefix else "",
                    pick(m, "name", lang),
                    " · ",
                    format_date(m.get("completed_date") or m.get("due_date"), lang),
                    " ",
                    html.Span(
                        t(f"milestone.{m.get('status')}", lang) if m.get("status") else "",
                        className=f"badge badge--m-{m.get('status')}",
                    ),
                ]
            )
            for m in rows.to_dict("records")
        ],
        className="milestones",
    )


def _card(release: Release, indicator: dict[str, Any], lang: str) -> html.Li:
    latest = latest_row(release, indicator["slug"])
    target = target_for(release, indicator)
    words = None
    status: str | None
    if latest is None:
        value, period, status = t("not_measured", lang), "", "no_data"
    else:
        value = display_headline(latest, indicator, lang)
        period = format_period(latest["period"], latest["period_type"], lang)
        status = latest.get("status")
        trend = series(release, indicator["slug"])
        words = words_list(
            change_sentences(trend, indicator, lang)[:1]
            + target_sentences(trend, indicator, target, lang)[:1],
            lang,
        )
    if target is None:
        target_text = t("no_target", lang)
    else:
        target_text = t(
            "target.by",
            lang,
            value=display_target(target["target_value"], indicator, lang),
            year=target["target_year"],
        )
    link = href(f"/indicators/{indicator['slug']}", lang)
    return html.Li(
        [
            html.Div(
                [
                    html.Span(indicator["indicator_code"], className="code"),
                    status_badge(status, lang),
                ],
                className="card-top",
            ),
            html.H4(dcc.Link(pick(indicator, "name", lang), href=link), className="card-title"),
            html.Dl(
                [
                    html.Div(
                        [
                            html.Dt(f"{t('national', lang)} {period}".strip()),
                            html.Dd(value, className="indicator-value"),
                        ]
                    ),
                    html.Div(
                        [
                            html.Dt(t("target", lang)),
                            html.Dd(target_text, className="indicator-target"),
                        ]
                    ),
                    html.Div(
                        [
                            html.Dt(t("data_as_of", lang)),
                            html.Dd(format_date(release.data_as_of, lang), className="as-of"),
                        ]
                    ),
                ],
                className="card-figures",
            ),
            words,
        ],
        className="indicator-card",
        **attributes({"data-code": indicator["indicator_code"]}),
    )
