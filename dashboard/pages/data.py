"""/data: every file of the current release, its source files, and the release history."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.components import simple_table
from dashboard.formatting import format_date, format_number
from dashboard.frame import frame, no_release_page, try_release
from dashboard.i18n import source_label, t
from dashboard.queries import file_sizes
from dashboard.release import release_history
from dashboard.routing import PATH_ARG, register_pages
from dashboard.server_routes import file_url


def _size(size: int | None, lang: str) -> str:
    if size is None:
        return "–"
    if size < 1024:
        return f"{format_number(size, 0, lang)} B"
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, 1, lang)} KB"
    return f"{format_number(size / 1024 / 1024, 1, lang)} MB"


def layout(lang: str = "vi", **query: Any) -> html.Div:
    query.pop(PATH_ARG, None)
    release = try_release()
    if release is None:
        return no_release_page(lang, "/data", query)
    files = [
        (
            html.A(name, href=file_url(name)) if size is not None else name,
            _size(size, lang),
        )
        for name, size in file_sizes(release)
    ]
    sources = release.manifest.get("source_files") or []
    rejected = sum(int(s.get("rows_rejected") or 0) for s in sources)
    # 1,000+ files: a total per source, then only the files that lost rows or failed.
    by_source: dict[str, list[int]] = {}
    for item in sources:
        totals = by_source.setdefault(str(item.get("source", "")), [0, 0, 0, 0])
        totals[0] += 1
        for index, key in enumerate(("rows_read", "rows_loaded", "rows_rejected"), start=1):
            totals[index] += int(item.get(key) or 0)
    summary_rows = [
        (source_label(name, lang), *(format_number(v, 0, lang) for v in totals))
        for name, totals in by_source.items()
    ]
    source_rows = [
        (
            s.get("file_path", ""),
            s.get("source", ""),
            format_number(s.get("rows_read"), 0, lang),
            format_number(s.get("rows_loaded"), 0, lang),
            format_number(s.get("rows_rejected"), 0, lang),
            s.get("status", ""),
        )
        for s in sources
        if int(s.get("rows_rejected") or 0) > 0 or s.get("status") not in (None, "", "loaded")
    ]
    coverage = [
        (
            source_label(c.get("source", ""), lang),
            format_date(c.get("first_date"), lang),
            format_date(c.get("last_date"), lang),
        )
        for c in release.manifest.get("coverage") or []
    ]
    history = [
        (
            h["release_id"] + (" " + t("data.current", lang) if h["is_current"] else ""),
            format_date(h["created_at"], lang),
            format_date(h["data_as_of"], lang),
        )
        for h in release_history(release)
    ]
    body = [
        html.H1(t("data.title", lang), className="page-title"),
        html.P(t("data.lede", lang), className="lede"),
        html.Section(
            [
                html.H2(t("data.files", lang)),
                html.P(
                    t(
                        "ind.release",
                        lang,
                        release=release.release_id,
                        as_of=format_date(release.data_as_of, lang),
                    )
                ),
                simple_table(
                    [t("data.file", lang), t("data.size", lang)],
                    files,
                    numeric=(1,),
                    table_id="data-files",
                ),
            ],
            className="panel",
        ),
        html.Section(
            [
                html.H2(t("data.coverage", lang)),
                simple_table(
                    [t("data.source", lang), t("data.first_date", lang), t("data.last_date", lang)],
                    coverage,
                ),
            ],
            className="panel",
        )
        if coverage
        else None,
        html.Section(
            [
                html.H2(t("data.sources", lang)),
                html.P(
                    t(
                        "data.sources_note",
                        lang,
                        n=format_number(len(sources), 0, lang),
                        rejected=format_number(rejected, 0, lang),
                    )
                ),
                simple_table(
                    [
                        t("data.source", lang),
                        t("data.file", lang),
                        t("data.rows_read", lang),
                        t("data.rows_loaded", lang),
                        t("data.rows_rejected", lang),
                    ],
                    summary_rows,
                    numeric=(1, 2, 3, 4),
                    table_id="data-sources",
                ),
                html.Details(
                    [
                        html.Summary(t("data.sources", lang)),
                        simple_table(
                            [
                                t("data.file", lang),
                                t("data.source", lang),
                                t("data.rows_read", lang),
                                t("data.rows_loaded", lang),
                                t("data.rows_rejected", lang),
                                t("status", lang),
                            ],
                            source_rows,
                            numeric=(2, 3, 4),
                        ),
                    ],
                    className="data-details",
                ),
            ],
            className="panel",
        ),
        html.Section(
            [
                html.H2(t("data.history", lang)),
                simple_table(
                    [t("data.release", lang), t("data.created", lang), t("data_as_of", lang)],
                    history,
                    table_id="release-history",
                ),
            ],
            className="panel",
        ),
    ]
    return frame(lang, body, path="/data", query=query, release=release)


register_pages(__name__, layout, path="/data", title="data.title")
