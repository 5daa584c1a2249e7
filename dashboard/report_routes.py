"""Flask routes of the printable leadership report (signed-in only: auth.py guards every
address under /leadership):

- /leadership/report?year=2024&lang=vi[&quarter=2] — the print layout (HTML, A4 CSS);
- /leadership/report.pdf?year=2024&lang=vi[&quarter=2] — the same page as a PDF.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import flask

from dashboard.i18n import LANGS, t
from dashboard.limits import Gate, run_limited
from dashboard.pdf import PdfUnavailableError, render_pdf
from dashboard.release import ReleaseNotFoundError, current_release, previous_release
from dashboard.scorecard import report_quarters, report_years
from dashboard.views.report_doc import report_document, report_title

REPORT_PATH = "/leadership/report"
PDF_PATH = "/leadership/report.pdf"
# Each PDF starts a Chromium: one at a time per worker; the renderer itself stops after 60 s.
PDFS = Gate("PDF", slots=1, timeout=70.0)

log = logging.getLogger(__name__)


def report_href(year: str, lang: str, quarter: str | None = None, *, pdf: bool = False) -> str:
    query = {"year": year, "lang": lang, **({"quarter": quarter} if quarter else {})}
    return (PDF_PATH if pdf else REPORT_PATH) + "?" + urlencode(query)


def _plain(status: int, text: str) -> flask.Response:
    return flask.Response(text + "\n", status=status, mimetype="text/plain; charset=utf-8")


def _arguments():
    """(release, lang, year, quarter) of this request, or an error response."""
    lang = flask.request.args.get("lang", "vi")
    lang = lang if lang in LANGS else "vi"
    try:
        release = current_release()
    except ReleaseNotFoundError:
        return _plain(404, t("no_release.body", lang))
    years = report_years(release)
    year = flask.request.args.get("year") or years[-1]
    if year not in years:
        return _plain(404, t("report.bad_period", lang))
    quarter = flask.request.args.get("quarter") or None
    if quarter is not None and quarter not in report_quarters(release, year):
        return _plain(404, t("report.bad_period", lang))
    return release, lang, year, quarter


def register_report_routes(server: flask.Flask) -> None:
    @server.route(REPORT_PATH)
    def leadership_report():
        arguments = _arguments()
        if isinstance(arguments, flask.Response):
            return arguments
        release, lang, year, quarter = arguments
        html = report_document(
            release,
            lang,
            previous=previous_release(release),
            year=year,
            quarter=quarter,
            pdf_href=report_href(year, lang, quarter, pdf=True),
            back_href="/leadership" if lang == "vi" else "/en/leadership",
        )
        return flask.Response(html, mimetype="text/html; charset=utf-8")

    @server.route(PDF_PATH)
    def leadership_report_pdf():
        return run_limited(PDFS, _pdf)

    def _pdf():
        arguments = _arguments()
        if isinstance(arguments, flask.Response):
            return arguments
        release, lang, year, quarter = arguments
        html = report_document(
            release, lang, previous=previous_release(release), year=year, quarter=quarter
        )
        footer = f"{report_title(lang, quarter)} · {release.release_id}"
        try:
            pdf = render_pdf(html, footer=footer)
        except PdfUnavailableError as error:
            log.error("leadership report PDF: %s", error)
            return _plain(503, t("report.pdf_unavailable", lang))
        period = f"{year}-Q{quarter}" if quarter else year
        name = f"bao-cao-danh-gia-{period}-{lang}.pdf"
        response = flask.Response(pdf, mimetype="application/pdf")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        response.headers["X-Release-Id"] = release.release_id
        return response
