"""The printable assessment report (annual or quarterly) that also becomes its PDF: a Flask
document (`dashboard/templates/report.html`), not a Dash page."""

from __future__ import annotations

from markupsafe import Markup

from dashboard.documents import render
from dashboard.formatting import format_date, format_period
from dashboard.i18n import t
from dashboard.programmes import chosen_programme, plan_text, site_subtitle
from dashboard.release import Release
from dashboard.scorecard import gap_to_target, target_lines
from dashboard.views.html_out import to_html
from dashboard.views.leadership_view import scorecard_sections
from dashboard.views.values import display_gap, display_target, display_value


def report_title(lang: str, quarter: str | None = None) -> str:
    """ "Annual assessment report", or "Quarterly …" for a quarter's report."""
    return t("report.title_quarter" if quarter else "report.title", lang)


def summary(release: Release, lang: str, period: str, period_text: str) -> str:
    """The summary's paragraph: how many targets stand where, then each target's value and its
    gap to the official target; and which school year counts for the year, when one does."""
    lines = target_lines(release, period)
    statuses = [str(line.row.get("status")) if line.row else "no_data" for line in lines]
    counts = {
        "n": len(lines),
        "n_met": statuses.count("achieved"),
        "n_track": statuses.count("on_track"),
        "n_base": statuses.count("baseline"),
        "n_behind": statuses.count("at_risk") + statuses.count("off_track"),
        "n_none": sum(
            s not in {"achieved", "on_track", "baseline", "at_risk", "off_track"} for s in statuses
        ),
    }
    sentences = [t("report.summary_lede", lang, period=period_text, **counts)]
    school_year = None
    for line in lines:
        names = {"target": line.target_id, "code": line.indicator_code}
        gap = gap_to_target(line)
        if line.row is None or line.indicator is None or gap is None:
            sentences.append(t("report.summary_none", lang, **names))
            continue
        if line.row.get("period_type") == "school_year":
            school_year = format_period(line.row["period"], "school_year", lang)
        target = line.target or {}
        facts = {
            **names,
            "value": display_value(line.row, line.indicator, lang),
            "when": format_period(line.row["period"], line.row.get("period_type"), lang),
            "goal": display_target(target.get("target_value"), line.indicator, lang),
            "year": target.get("target_year"),
            "gap": display_gap(gap, line.indicator, lang),
        }
        sentences.append(
            t("report.summary_met" if gap == 0 else "report.summary_line", lang, **facts)
        )
    if school_year:
        sentences.append(t("report.school_year", lang, year=period[:4], school_year=school_year))
    return " ".join(sentences)


def report_document(
    release: Release,
    lang: str,
    *,
    previous: Release | None,
    year: str,
    quarter: str | None = None,
    pdf_href: str | None = None,
    back_href: str | None = None,
) -> str:
    """The printable annual assessment report (activity 7 of the plan) for one year or
    quarter."""
    period = f"{year}-Q{quarter}" if quarter else year
    period_text = format_period(period, "quarter" if quarter else "year", lang)
    title = report_title(lang, quarter)
    return render(
        "report.html",
        lang=lang,
        title=f"{title} {period_text}",
        body_class="report-body",
        back_href=back_href,
        pdf_href=pdf_href,
        is_sample=release.is_sample,
        kicker=site_subtitle(release, lang),
        report_title=title,
        period_text=period_text,
        plan=plan_text(chosen_programme(release), lang),
        release_id=release.release_id,
        data_as_of=format_date(release.data_as_of, lang),
        summary=summary(release, lang, period, period_text),
        sections=Markup(
            to_html(scorecard_sections(release, lang, previous=previous, period=period))
        ),
    )
