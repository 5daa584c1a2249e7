"""/provinces/<scheme>/<code>: a province's latest value of every indicator, beside the
national value of the same period."""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, dcc, html

from dashboard import lookup
from dashboard.components import notice, simple_table, status_badge
from dashboard.formatting import MISSING, format_period
from dashboard.frame import frame, try_release
from dashboard.i18n import href, pick, scheme_label, t
from dashboard.queries import NATIONAL, SCHEMES, geo_name, geo_table, latest_row
from dashboard.release import current_release
from dashboard.routing import PATH_ARG, register_pages
from dashboard.views import province_trend
from dashboard.views.values import display_value

STATE = "province-state"


def _title(lang: str, scheme: str | None = None, code: str | None = None, **_: Any) -> str:
    return lookup.province_name(scheme, code) or t("prov.not_found", lang)


def layout(lang: str = "vi", scheme: str | None = None, code: str | None = None, **query: Any):
    query.pop(PATH_ARG, None)
    path = f"/provinces/{scheme}/{code}"
    release = try_release()
    name = geo_name(release, scheme, code or "") if release and scheme in SCHEMES else None
    if release is None or name is None or scheme is None or code is None:
        body: Any = [
            notice(t("prov.not_found", lang), t("not_found.body", lang), kind="warning"),
            dcc.Link(t("back.home", lang), href=href("/", lang), className="back-link"),
        ]
        return frame(lang, body, path=path, query=query, release=release)
    rows = []
    for indicator in release.indicators.to_dict("records"):
        latest = latest_row(release, indicator["slug"], scheme, code)
        if latest is None:
            continue
        national = geo_table(release, indicator["slug"], latest["period"], NATIONAL)
        national_text = (
            display_value(national.iloc[0].to_dict(), indicator, lang)
            if not national.empty
            else "–"
        )
        rows.append(
            (
                dcc.Link(
                    f"{indicator['indicator_code']} · {pick(indicator, 'name', lang)}",
                    href=href(f"/indicators/{indicator['slug']}", lang, {"scheme": scheme}),
                ),
                format_period(latest["period"], latest["period_type"], lang),
                display_value(latest, indicator, lang),
                national_text,
                _rank_text(release, indicator, scheme, code or "", latest["period"], lang),
                status_badge(latest.get("status"), lang),
            )
        )
    body = [
        dcc.Link(t("back.home", lang), href=href("/", lang), className="back-link"),
        html.H1(name, className="page-title"),
        html.P(
            t("prov.lede", lang, name=name, scheme=scheme_label(scheme, lang)), className="lede"
        ),
        province_trend.merger_note(release, scheme, code or "", name, lang),
        dcc.Store(id=STATE, data={"scheme": scheme, "code": code, "name": name, "lang": lang}),
        html.Section(
            simple_table(
                [
                    t("prov.indicator", lang),
                    t("period", lang),
                    t("prov.value", lang),
                    t("prov.national", lang),
                    t("prov.rank", lang),
                    t("status", lang),
                ],
                rows,
                caption=t("prov.caption", lang),
                numeric=(2, 3, 4),
                table_id="province-table",
                stack=True,
            ),
            className="panel",
        ),
        html.P(t("suppressed.note", lang), className="note"),
        province_trend.trend_section(release, scheme, code or "", name, lang, query.get("trend")),
    ]
    return frame(lang, body, path=path, query=query, release=release)


def _rank_text(
    release, indicator: dict[str, Any], scheme: str, code: str, period: str, lang: str
) -> str:
    found = province_trend.rank(release, indicator, scheme, code, period)
    if found is None:
        return MISSING
    return t("prov.rank_of", lang, rank=found[0], total=found[1])


@dash.callback(
    Output(province_trend.TREND_CHART, "figure"),
    Input(province_trend.TREND_PICK, "value"),
    State(STATE, "data"),
    prevent_initial_call=True,
)
def _province_trend(slug: str, state: dict[str, str]):
    return province_trend.trend_figure(
        current_release(), slug, state["scheme"], state["code"], state["name"], state["lang"]
    )


register_pages(
    __name__,
    layout,
    path_template="/provinces/<scheme>/<code>",
    title=_title,
    exists=lookup.province_exists,
    image=lookup.province_preview,
)
