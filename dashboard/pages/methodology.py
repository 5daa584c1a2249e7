"""/methodology: how the status is decided, disclosure control, the 2025 province change,
official vs derived targets, and whether this is sample data."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.components import simple_table
from dashboard.formatting import format_number
from dashboard.frame import frame, try_release
from dashboard.i18n import pick, status_label, t
from dashboard.programmes import targets_text
from dashboard.routing import PATH_ARG, register_pages


def layout(lang: str = "vi", **query: Any) -> html.Div:
    query.pop(PATH_ARG, None)
    release = try_release()
    status_parts: list[Any] = [
        html.H2(t("method.status", lang)),
        html.P(t("method.status_body", lang)),
    ]
    sample: list[Any] = []
    if release is not None:
        rules = [
            (
                f"{row['indicator_code']} · {pick(row, 'name', lang)}",
                pick(row, "status_rule", lang)
                or t(
                    "method.rule_target"
                    if str(row.get("target_id") or "").strip()
                    else "method.rule_monitoring",
                    lang,
                ),
            )
            for row in release.indicators.to_dict("records")
        ]
        status_parts.append(
            simple_table([t("prov.indicator", lang), t("ind.status_rule", lang)], rules)
        )
        counts = release.values["status"].value_counts()
        status_parts += [
            html.P(t("method.status_counts", lang)),
            simple_table(
                [t("status", lang), "n"],
                [(status_label(k, lang), format_number(v, 0, lang)) for k, v in counts.items()],
                numeric=(1,),
            ),
        ]
        sample = [html.P(t("method.sample_yes" if release.is_sample else "method.sample_no", lang))]
    body = [
        html.H1(t("method.title", lang), className="page-title"),
        html.Section(status_parts, className="panel prose"),
        html.Section(
            [html.H2(t("method.disclosure", lang)), html.P(t("method.disclosure_body", lang))],
            className="panel prose",
        ),
        html.Section(
            [html.H2(t("method.provinces", lang)), html.P(t("method.provinces_body", lang))],
            className="panel prose",
        ),
        html.Section(
            [html.H2(t("method.targets", lang)), html.P(targets_text(release, lang))],
            className="panel prose",
        ),
        html.Section([html.H2(t("method.sample", lang)), *sample], className="panel prose"),
    ]
    return frame(lang, body, path="/methodology", query=query, release=release)


register_pages(__name__, layout, path="/methodology", title="method.title")
