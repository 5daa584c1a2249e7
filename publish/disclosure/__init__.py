"""Disclosure control on the whole release: complementary suppression chosen on one model of
every additive relation the release publishes, and an audit that proves no hidden cell can be
recovered. It reads only what an attacker has (the release's cells, the public province lists),
never the unsuppressed marts.

    protected, report = protect_release(values, registry, cache_dir=folder)

`values` is pub_indicator_values (primary suppression applied by dbt). Raises DisclosureError when
the audit finds a recoverable cell it cannot repair: no release is written then. With `cache_dir`,
an indicator whose inputs are unchanged since an earlier release gets that release's solution
back (cache.py) instead of solving again.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from publish.disclosure import cache
from publish.disclosure.audit import EXACT, AuditResult, Interval, audit, forced_zero
from publish.disclosure.geography import Geography, reference_geography
from publish.disclosure.model import KEY, ModelError, build_model
from publish.disclosure.suppress import preference, secondary_suppression
from schemas.registry import Indicator, Registry

MAX_REPAIRS = 25


class DisclosureError(RuntimeError):
    """The release would give back a hidden cell."""


@dataclass
class IndicatorAudit:
    indicator_code: str
    cells: int
    primary: int
    secondary: int
    relations: int
    hidden_quantities: int
    linear_programmes: int
    narrowest_primary_interval: float | None
    repairs: int
    seconds: float
    cached: bool = False  # solved for an earlier release with the same inputs (cache.py)


def _measures(indicator: Indicator, cells: pd.DataFrame) -> list[str]:
    if indicator.disclosure.denominator_is_public or cells.denominator.isna().all():
        return ["numerator"]
    return ["numerator", "denominator"]


def protect_indicator(
    indicator: Indicator, cells: pd.DataFrame, geography: Geography
) -> tuple[set[tuple], IndicatorAudit]:
    """The keys of the cells to suppress (primary and secondary) and the audit's figures."""
    started = time.perf_counter()
    cells = cells.reset_index(drop=True)
    model = build_model(cells, indicator.published_detail(), geography)
    n = len(cells)
    primary = [j for j in range(n) if cells.obs_status.iat[j] == "suppressed"]
    numerators = cells.numerator.fillna(0.0).to_numpy()
    preference_of = {
        j: preference(model.keys[j], numerators[j]) for j in range(n) if j not in set(primary)
    }
    measures = _measures(indicator, cells)
    if primary:
        model.phantom |= _zero_quantities(model, cells, primary, measures)
    secondary = secondary_suppression(model, primary, preference_of) if primary else set()
    hidden = set(primary) | secondary
    intervals: dict[tuple[int, str], Interval] = {}
    programmes = 0
    to_audit = sorted(hidden)
    for repair in range(MAX_REPAIRS + 1):
        published = _published(model, cells, measures, hidden)
        result = audit(model, published, to_audit)
        programmes += result.linear_programmes
        intervals.update({(i.column, i.measure): i for i in result.intervals})
        current = AuditResult(intervals=list(intervals.values()))
        exposed = current.exposed(set(primary), indicator.disclosure.min_cell)
        if not exposed:
            break
        if repair == MAX_REPAIRS:
            worst = sorted({model.keys[i.column] for i in exposed})[:5]
            raise DisclosureError(
                f"{indicator.code}: {len(exposed)} hidden intervals stay narrower than"
                f" {indicator.disclosure.min_cell} after {MAX_REPAIRS} repairs, e.g. {worst}"
            )
        # hiding more cells only widens intervals: re-audit the exposed and the new cells only
        extra = _widen(model, exposed, published, hidden, preference_of)
        hidden |= extra
        secondary |= extra
        to_audit = sorted(extra | {i.column for i in exposed})
    # a complementary cell the attacker pins down anyway protects nothing: publish it (checked
    # again on the final pattern: an earlier round's exact interval may have widened since)
    pinned = sorted({i.column for i in current.disclosed()} & secondary)
    if pinned:
        final = audit(model, _published(model, cells, measures, hidden), pinned)
        programmes += final.linear_programmes
        intervals.update({(i.column, i.measure): i for i in final.intervals})
        current = AuditResult(intervals=list(intervals.values()))
        secondary -= {i.column for i in final.intervals if i.width <= EXACT} - {
            i.column for i in final.intervals if i.width > EXACT
        }
    result = current
    result.linear_programmes = programmes
    widths = [i.width for i in result.intervals if i.column in set(primary)]
    figures = IndicatorAudit(
        indicator_code=indicator.code,
        cells=n,
        primary=len(primary),
        secondary=len(secondary),
        relations=len(model.relations),
        hidden_quantities=len(model.keys) - model.n_cells,
        linear_programmes=result.linear_programmes,
        narrowest_primary_interval=min(widths) if widths else None,
        repairs=repair,
        seconds=round(time.perf_counter() - started, 2),
    )
    keys = {model.keys[j] for j in set(primary) | secondary}
    return keys, figures


def _published(model, cells: pd.DataFrame, measures, hidden: set[int]) -> dict:
    """What the attacker has, per measure: every cell not hidden, and the implied zeros."""
    return {
        measure: {
            **{j: float(cells[measure].iat[j]) for j in range(len(cells)) if j not in hidden},
            **dict.fromkeys(model.phantom, 0.0),
        }
        for measure in measures
    }


def _zero_quantities(model, cells: pd.DataFrame, primary: list[int], measures) -> set[int]:
    """Hidden quantities that are zero in every table consistent with the release even if every
    cell but the primary ones were published (e.g. the pre-switch events coded with a merged
    2025 province, when the unknown-place cells show there are none). They are zero in truth,
    so the attacker may know them: the suppression treats them as published zeros."""
    atoms = [j for j in range(len(cells), len(model.keys)) if j not in model.phantom]
    return forced_zero(model, _published(model, cells, measures, set(primary)), atoms)


def _widen(
    model, exposed: list, published: dict, hidden: set[int], preference_of: dict[int, tuple]
) -> set[int]:
    """For each exposed interval, one more cell to hide, the one the release can best spare
    (see suppress.preference: a province before a region before the nation) among the cells
    *beside* it in the relation that binds it (of the relations whose other side is published,
    the one leaving it the least room), so that the hidden cell's value becomes room to move.
    A total is hidden only when no part is left anywhere near."""
    extra = set()
    for interval in exposed:
        column, values = interval.column, published[interval.measure]
        spare = partial(_spare, preference_of=preference_of, hidden=hidden, values=values)
        bounds = []
        for relation in model.relations:
            sign = relation.get(column)
            if sign is None:
                continue
            beside = [j for j, c in relation.items() if c * sign > 0 and j != column]
            across = [j for j, c in relation.items() if c * sign < 0]
            if any(j not in values for j in across):
                continue  # the other side is not known: this relation bounds nothing alone
            room = sum(values[j] for j in across) - sum(values.get(j, 0.0) for j in beside)
            bounds.append((room, [j for j in beside if spare(j)], [j for j in across if spare(j)]))
        bounds.sort(key=lambda b: b[0])
        choice = next((parts for _, parts, _ in bounds if parts), None)
        choice = choice or _nearest_published(model, column, spare)
        choice = choice or next((totals for _, _, totals in bounds if totals), None)
        if choice:
            extra.add(max(choice, key=preference_of.__getitem__))
    if not extra:
        raise DisclosureError(
            f"no published cell left to widen {[model.keys[i.column] for i in exposed][:3]}"
        )
    return extra


def _spare(j: int, preference_of: dict, hidden: set[int], values: dict) -> bool:
    """A published cell with something in it: hiding it gives room."""
    return j in preference_of and j not in hidden and values.get(j, 0.0) > 0


def _nearest_published(model, column: int, spare) -> list[int]:
    """The published cells nearest to `column` through the relations that are not totals of
    it, walking through hidden quantities (a straddling year reaches its provinces through its
    halves)."""
    frontier, seen = {column}, {column}
    while frontier:
        reached = {j for r in model.relations if frontier & r.keys() for j in r} - seen
        seen |= reached
        published = [j for j in reached if spare(j) and model.keys[j][2] != "national"]
        if published:
            return published
        frontier = {j for j in reached if not spare(j)}
    return []


def _solve(
    indicator: Indicator, cells: pd.DataFrame, geography: Geography
) -> tuple[set[tuple], IndicatorAudit]:
    """protect_indicator, a model that does not fit the release being a DisclosureError."""
    try:
        return protect_indicator(indicator, cells, geography)
    except ModelError as exc:
        raise DisclosureError(f"{indicator.code}: {exc}") from exc


def protect_release(
    values: pd.DataFrame,
    registry: Registry,
    geography: Geography | None = None,
    cache_dir: Path | None = None,
) -> tuple[pd.DataFrame, list[IndicatorAudit]]:
    """Apply complementary suppression to the release's cells and audit it (see module doc)."""
    geography = geography or reference_geography()
    values = values.copy()
    protected = [
        i
        for i in sorted(registry.indicators, key=lambda i: i.code)
        if i.disclosure.min_cell > 0 and not i.disclosure.same_cells_as
    ]
    cells = {i.code: values[values.indicator_code == i.code] for i in protected}
    keys = {i.code: cache.input_key(i, cells[i.code], geography) for i in protected}
    solutions: dict[str, tuple[set[tuple], IndicatorAudit]] = {}
    for indicator in protected:
        started, key = time.perf_counter(), keys[indicator.code]
        stored = cache.load(cache_dir, key)
        if stored is None:
            solutions[indicator.code] = _solve(indicator, cells[indicator.code], geography)
            cache.store(
                cache_dir, key, solutions[indicator.code][0], asdict(solutions[indicator.code][1])
            )
        else:  # the same inputs were solved for an earlier release: the same answer
            seconds = round(time.perf_counter() - started, 2)
            figures = IndicatorAudit(**{**stored[1], "seconds": seconds, "cached": True})
            solutions[indicator.code] = stored[0], figures
    for indicator in protected:
        linked = [
            other.code
            for other in registry.indicators
            if other.disclosure.same_cells_as == indicator.slug
        ]
        hidden = solutions[indicator.code][0]
        for code in [indicator.code, *linked]:
            rows = np.flatnonzero((values.indicator_code == code).to_numpy())
            hide = np.zeros(len(values), dtype=bool)
            for row, k in zip(rows, values[KEY].iloc[rows].itertuples(index=False), strict=True):
                hide[row] = tuple(k) in hidden
            values.loc[hide, ["value", "numerator", "denominator"]] = None
            values.loc[hide, ["status", "obs_status"]] = "suppressed"
    cache.prune(cache_dir, set(keys.values()))  # only the solutions of this release are kept
    return values, [solutions[i.code][1] for i in protected]


def audit_summary(figures: list[IndicatorAudit]) -> dict:
    """The audit's figures for the manifest and the build log."""
    return {
        "method": "Gaussian-elimination secondary suppression on the whole relation model;"
        " interval audit by linear programming (HiGHS)",
        "cells": sum(f.cells for f in figures),
        "primary_suppressed": sum(f.primary for f in figures),
        "secondary_suppressed": sum(f.secondary for f in figures),
        "relations": sum(f.relations for f in figures),
        "linear_programmes": sum(f.linear_programmes for f in figures),
        "seconds": round(sum(f.seconds for f in figures), 2),
        "indicators_reused": sum(f.cached for f in figures),
        "indicators": [asdict(f) for f in figures],
    }
