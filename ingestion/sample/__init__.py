"""Deterministic sample of every landing source, shaped and sized like the real exports.

``python -m ingestion.sample --scale 0.01 --out DIR --seed 830`` writes Jan 2021 – Dec 2025 in
the layout of docs/contracts.md. Scale 1 is the real national volume. Same seed and scale give
byte-identical files. The figures are for sizing only and are never published as facts.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingestion.sample.csam import write_csam_month
from ingestion.sample.facilities import write_facilities
from ingestion.sample.hotline import cases_year, contacts_year, reexport_months, write_months
from ingestion.sample.inspections import write_inspections_month
from ingestion.sample.plan import write_completions
from ingestion.sample.portal import write_portal_month
from ingestion.sample.schools import write_register
from ingestion.sample.social import write_opinions_month, write_platforms_month
from ingestion.sample.training import write_training
from ingestion.sample.violations import write_violations_month

DEFAULT_SEED = 830
GENERATOR_VERSION = 2
"""Raise it whenever the generator writes different files for the same seed and scale (a new
source, a changed magnitude or fault): ``make run`` then rewrites a landing folder written by an
older generator instead of reusing it (orchestration/run_all.py compares the marker)."""


@dataclass
class SampleSummary:
    """What ``generate`` wrote."""

    files: dict[str, int] = field(default_factory=dict)
    """Files written per source, corrections and duplicates included."""
    rows: dict[str, int] = field(default_factory=dict)
    """Rows of the current files per source: what the raw table holds after loading."""
    children_trained: int = 0
    seconds: float = 0.0
    seconds_by_source: dict[str, float] = field(default_factory=dict)
    deliveries: dict[str, int] = field(default_factory=dict)
    """Training reports (first deliveries), late ones, corrections, duplicates; re-exports."""

    def add(self, source: str, files: int, rows: int) -> None:
        """Count ``files`` and ``rows`` for ``source``."""
        self.files[source] = self.files.get(source, 0) + files
        self.rows[source] = self.rows.get(source, 0) + rows

    def took(self, source: str, since: float) -> float:
        """Add the time since ``since`` (``perf_counter``) to ``source``; returns now."""
        now = time.perf_counter()
        self.seconds_by_source[source] = self.seconds_by_source.get(source, 0.0) + now - since
        return now

    def count(self, what: str, n: int) -> None:
        """Count ``n`` deliveries of kind ``what``."""
        self.deliveries[what] = self.deliveries.get(what, 0) + n


def _months(start: str, end: str) -> list[tuple[int, int]]:
    first_year, first_month = (int(p) for p in start.split("-"))
    last_year, last_month = (int(p) for p in end.split("-"))
    months = []
    year, month = first_year, first_month
    while (year, month) <= (last_year, last_month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not months or first_year < 2021 or last_year > 2025:
        raise ValueError("the sample covers 2021-01 to 2025-12; start must not be after end")
    return months


def generate(
    out: Path,
    scale: float = 1.0,
    seed: int = DEFAULT_SEED,
    start: str = "2021-01",
    end: str = "2025-12",
    progress: Callable[[str], None] | None = None,
) -> SampleSummary:
    """Write the sample landing files for months ``start``..``end`` (``YYYY-MM``) into ``out``.

    Training reports are written for every quarter whose last month is in the window.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    say = progress or (lambda _message: None)
    began = time.perf_counter()
    out = Path(out)
    summary = SampleSummary()
    months = _months(start, end)
    for year in sorted({y for y, _ in months}):
        wanted = {m for y, m in months if y == year}
        again = reexport_months(year, seed) & wanted
        clock = time.perf_counter()
        frame = contacts_year(year, scale, seed)
        contacts = write_months(frame, out, "contacts", year, wanted, reexport=again)
        summary.add("hotline_contacts", len(wanted) + len(again), contacts)
        summary.count("hotline_reexports", len(again))
        clock = summary.took("hotline_contacts", clock)
        cases = write_months(cases_year(year, scale, seed), out, "cases", year, wanted)
        summary.add("hotline_cases", len(wanted), cases)
        clock = summary.took("hotline_cases", clock)
        say(f"hotline {year}: {contacts:,} contacts, {cases:,} case-children")
        portal = sum(write_portal_month(out, year, m, scale, seed) for m in sorted(wanted))
        summary.add("portal_traffic", len(wanted), portal)
        clock = summary.took("portal_traffic", clock)
        say(f"portal  {year}: {portal:,} day-province rows")
        for source, write in (
            ("portal_platforms", write_platforms_month),
            ("portal_opinions", write_opinions_month),
        ):
            rows = sum(write(out, year, m, scale, seed) for m in sorted(wanted))
            summary.add(source, len(wanted), rows)
            clock = summary.took(source, clock)
        for month in sorted(wanted):
            subjects = write_violations_month(out, year, month, scale, seed)
            summary.add("violations_subjects", subjects["files"], subjects["rows"])
            summary.count("violations_reexports", subjects["reexports"])
            summary.count("violations_duplicates", subjects["duplicates"])
        clock = summary.took("violations_subjects", clock)
        for month in sorted(wanted):
            csam = write_csam_month(out, year, month, scale, seed)
            summary.add("csam_items", csam["files"] and 1, csam["items"])
            summary.add("csam_notices", max(csam["files"] - 1, 0), csam["notices"])
            summary.count("csam_reexports", csam["reexports"])
            summary.count("csam_duplicates", csam["duplicates"])
        clock = summary.took("csam", clock)
        for month in sorted(wanted):
            visits = write_inspections_month(out, year, month, scale, seed)
            summary.add("inspections_visits", 1, visits["visits"])
            summary.add("inspections_recommendations", visits["files"] - 1,
                        visits["recommendations"])  # fmt: skip
            summary.count("inspections_reexports", visits["reexports"])
            summary.count("inspections_duplicates", visits["duplicates"])
        clock = summary.took("inspections", clock)
        if 5 in wanted:  # the register of the school year ending in May, delivered after it
            rows = write_register(out, year - 1, scale, seed)
            summary.add("schools_register", 1, rows)
            clock = summary.took("schools_register", clock)
        for quarter in (1, 2, 3, 4):
            if 3 * quarter not in wanted:
                continue
            written = write_training(out, year, quarter, scale, seed)
            summary.add("training_events", written.files, written.events)
            summary.children_trained += written.children
            for what in ("reports", "late", "corrections", "duplicates"):
                summary.count(f"training_{what}", getattr(written, what))
            clock = summary.took("training_events", clock)
            say(
                f"training {year}-Q{quarter}: {written.reports} reports ({written.late} late, "
                f"{written.corrections} corrected, {written.duplicates} sent twice), "
                f"{written.events} events"
            )
            counselled = write_facilities(out, year, quarter, scale, seed)
            summary.add("facilities_counselling", counselled.files, counselled.rows)
            for what in ("reports", "late", "corrections", "duplicates"):
                summary.count(f"facilities_{what}", getattr(counselled, what))
            clock = summary.took("facilities_counselling", clock)
    completions = write_completions(out, {f"{y}-{m:02d}" for y, m in months})
    summary.add("plan_completions", completions["files"], completions["rows"])
    summary.count("plan_corrections", completions["corrections"])
    summary.seconds = time.perf_counter() - began
    write_sample_marker(out, scale=scale, seed=seed, start=start, end=end)
    return summary


SAMPLE_MARKER = "_sample.json"


def write_sample_marker(out: Path, **parameters: object) -> None:
    """Label the landing folder as sample data; publish carries the label into every release."""
    marker = {
        "is_sample": True,
        "generator": "ingestion.sample",
        "generator_version": GENERATOR_VERSION,
        **parameters,
    }
    (Path(out) / SAMPLE_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")


__all__ = ["DEFAULT_SEED", "GENERATOR_VERSION", "SAMPLE_MARKER", "SampleSummary", "generate"]
