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
from publish.disclosure.audit import (
    EXACT,
    AuditResult,
    Bound,
    Interval,
    Table,
    audit_tables,
    forced_zero,
)
from publish.disclosure.geography import Geography, reference_geography
from publish.disclosure.model import KEY, ModelError, build_model
from publish.disclosure.suppress import preference, secondary_suppression
from schemas.registry import Indicator, Registry

MAX_REPAIRS = 25


class DisclosureError(RuntimeError):
    """The release would give back a hidden cell."""


class NeedsCap(DisclosureError):
    """A small cell of a nested indicator stays exposed however much of it is hidden: the
    indicator it is nested in publishes a value at the same key that caps it, and must hide it."""

    def __init__(self, keys: frozenset[tuple], message: str) -> None:
        super().__init__(message)
        self.keys = keys
        self.nested: Indicator | None = None  # set by protect_release


@dataclass
class IndicatorAudit:
    indicator_code: str
    cells: int
    primary: int
    secondary: int
    nested: int  # hidden with the indicator it is nested in or holds (registry at_most)
    relations: int
    hidden_quantities: int
    linear_programmes: int
    narrowest_primary_interval: float | None
    repairs: int
    seconds: float
    cached: bool = False  # solved for an earlier release with the same inputs (cache.py)


@dataclass
class Beside:
    """The indicator an `at_most` names, already protected, as the attacker has it: its table
    (every cell it publishes, and the zeros the release implies), its primary cells and threshold,
    and the inequalities between the two."""

    table: Table
    primary: set[int]
    min_cell: int
    bounds: tuple[Bound, ...]
    hidden: set[tuple]  # keys of its hidden cells

    def forced(self, model, n: int) -> list[int]:
        """This indicator's cells at a key the other hides: publishing one would bound it."""
        return [j for j in range(n) if model.keys[j] in self.hidden]

    def caps(self, model, exposed: list[Interval]) -> frozenset[tuple]:
        """The keys of exposed cells at which the other indicator publishes a value."""
        table = self.table.model
        shown = next(iter(self.table.published.values()))
        published = {table.keys[j] for j in shown if j < table.n_cells and j not in table.phantom}
        return frozenset(model.keys[i.column] for i in exposed) & published

    def column_of(self, model, interval: Interval) -> int | None:
        """This indicator's quantity at the key of an interval of the other's table."""
        key = self.table.model.keys[interval.column]
        return next((j for j, k in enumerate(model.keys) if k == key), None)


def beside(
    indicator: Indicator,
    cells: pd.DataFrame,
    hidden: set[tuple],
    geography: Geography,
    bounds: tuple[Bound, ...],
) -> Beside:
    """`indicator` (protected, hiding the cells `hidden`) as the attacker sees it."""
    cells = cells.reset_index(drop=True)
    model = build_model(cells, indicator.published_detail(), geography)
    measures = _measures(indicator, cells)
    primary = [j for j in range(len(cells)) if cells.obs_status.iat[j] == "suppressed"]
    hide = {j for j in range(len(cells)) if model.keys[j] in hidden}
    if primary:
        model.phantom |= _zero_quantities(model, cells, primary, measures)
    return Beside(
        table=Table(model, _published(model, cells, measures, hide)),
        primary=set(primary),
        min_cell=indicator.disclosure.min_cell,
        bounds=bounds,
        hidden=hidden,
    )


def _measures(indicator: Indicator, cells: pd.DataFrame) -> list[str]:
    if indicator.disclosure.denominator_is_public or cells.denominator.isna().all():
        return ["numerator"]
    return ["numerator", "denominator"]


def protect_indicator(
    indicator: Indicator,
    cells: pd.DataFrame,
    geography: Geography,
    bounded_by: Beside | None = None,
    hide: frozenset[tuple] = frozenset(),
) -> tuple[set[tuple], IndicatorAudit]:
    """The keys of the cells to suppress (primary and secondary) and the audit's figures. With
    `bounded_by` (registry `at_most`), the audit also holds that indicator's table and the
    inequalities, and no primary cell of either may come out narrower than its threshold. The
    cells at a key in `hide` are hidden and kept from being derived exactly, like primary ones
    (an indicator an `at_most` names hides where the bounded one is small: its value would cap
    the small cell)."""
    started = time.perf_counter()
    cells = cells.reset_index(drop=True)
    model = build_model(cells, indicator.published_detail(), geography)
    n = len(cells)
    primary = [j for j in range(n) if cells.obs_status.iat[j] == "suppressed"]
    forced = [j for j in range(n) if model.keys[j] in hide]
    forced += bounded_by.forced(model, n) if bounded_by else []
    protected = sorted(set(primary) | set(forced))
    numerators = cells.numerator.fillna(0.0).to_numpy()
    preference_of = {
        j: preference(model.keys[j], numerators[j]) for j in range(n) if j not in set(protected)
    }
    measures = _measures(indicator, cells)
    if primary:
        model.phantom |= _zero_quantities(model, cells, primary, measures)
    secondary = secondary_suppression(model, protected, preference_of) if protected else set()
    hidden = set(protected) | secondary
    intervals: dict[tuple[int, int, str], Interval] = {}
    programmes = 0
    to_audit = {0: sorted(hidden), 1: sorted(bounded_by.primary) if bounded_by else []}
    # an interval as wide as the threshold needs no more solving: it is not exposed, and (wider
    # than EXACT) not disclosed
    wide = {0: indicator.disclosure.min_cell, 1: bounded_by.min_cell if bounded_by else 0}
    tables = [Table(model, {})] + ([bounded_by.table] if bounded_by else [])
    for repair in range(MAX_REPAIRS + 1):
        published = _published(model, cells, measures, hidden)
        tables[0] = Table(model, published)
        result = audit_tables(tables, to_audit, bounded_by.bounds if bounded_by else (), wide=wide)
        programmes += result.linear_programmes
        intervals.update({(i.table, i.column, i.measure): i for i in result.intervals})
        current = AuditResult(intervals=list(intervals.values()))
        exposed = current.exposed(set(primary), indicator.disclosure.min_cell)
        theirs = (
            current.exposed(bounded_by.primary, bounded_by.min_cell, table=1) if bounded_by else []
        )
        if not exposed and not theirs:
            break
        if repair == MAX_REPAIRS:
            _cap(bounded_by, model, exposed)
            worst = sorted({model.keys[i.column] for i in exposed})[:5]
            worst += sorted({tables[-1].model.keys[i.column] for i in theirs})[:5]
            raise DisclosureError(
                f"{indicator.code}: {len(exposed) + len(theirs)} hidden intervals stay narrower"
                f" than {indicator.disclosure.min_cell} after {MAX_REPAIRS} repairs, e.g. {worst}"
            )
        # hiding more cells only widens intervals: re-audit the exposed and the new cells only
        extra, exposed = _mine(model, theirs, bounded_by, hidden, exposed)
        if exposed:
            try:
                extra |= _widen(model, exposed, published, hidden, preference_of)
            except DisclosureError:
                _cap(bounded_by, model, exposed)
                raise
        hidden |= extra
        secondary |= extra
        to_audit = {
            0: sorted(extra | {i.column for i in exposed}),
            1: sorted({i.column for i in theirs}),
        }
    # a complementary cell the attacker pins down anyway protects nothing: publish it (checked
    # again on the final pattern: an earlier round's exact interval may have widened since)
    pinned = sorted({i.column for i in current.disclosed() if i.table == 0} & secondary)
    if pinned:
        tables[0] = Table(model, _published(model, cells, measures, hidden))
        final = audit_tables(tables, {0: pinned}, bounded_by.bounds if bounded_by else ())
        programmes += final.linear_programmes
        intervals.update({(i.table, i.column, i.measure): i for i in final.intervals})
        current = AuditResult(intervals=list(intervals.values()))
        secondary -= {i.column for i in final.intervals if i.width <= EXACT} - {
            i.column for i in final.intervals if i.width > EXACT
        }
    result = current
    result.linear_programmes = programmes
    widths = [i.width for i in result.intervals if i.table == 0 and i.column in set(primary)]
    figures = IndicatorAudit(
        indicator_code=indicator.code,
        cells=n,
        primary=len(primary),
        secondary=len(secondary),
        nested=len(set(forced) - set(primary)),
        relations=len(model.relations),
        hidden_quantities=len(model.keys) - model.n_cells,
        linear_programmes=result.linear_programmes,
        narrowest_primary_interval=min(widths) if widths else None,
        repairs=repair,
        seconds=round(time.perf_counter() - started, 2),
    )
    keys = {model.keys[j] for j in set(protected) | secondary}
    return keys, figures


def _cap(bounded_by: Beside | None, model, exposed: list[Interval]) -> None:
    """Raise NeedsCap when the indicator this one is nested in publishes an exposed cell's key."""
    keys = bounded_by.caps(model, exposed) if bounded_by else frozenset()
    if keys:
        raise NeedsCap(keys, f"{len(keys)} cells are capped by the indicator they are nested in")


def _mine(
    model, theirs: list[Interval], bounded_by: Beside | None, hidden: set[int], exposed: list
) -> tuple[set[int], list[Interval]]:
    """The other indicator's exposed cells brought home: where this indicator publishes the
    same key, that cell is hidden; where it hides it already, it is widened like an exposed
    cell of its own (its interval is the other's bound)."""
    extra, exposed = set(), list(exposed)
    for interval in theirs:
        assert bounded_by is not None
        column = bounded_by.column_of(model, interval)
        if column is None:
            raise DisclosureError(
                f"{bounded_by.table.model.keys[interval.column]} is exposed through a bound"
                " by a cell this indicator does not publish"
            )
        if column in model.phantom:
            continue  # a zero the release implies bounds nothing
        if column < model.n_cells and column not in hidden:  # a published cell: hide it
            extra.add(column)
            continue
        # the bound's own measure, or (an exposure through numerator <= denominator) the first
        measure = next(
            (b.measure for b in bounded_by.bounds if b.of == interval.measure),
            bounded_by.bounds[0].measure,
        )
        exposed.append(Interval(column, measure, interval.low, interval.high))
    return extra, exposed


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
    indicator: Indicator,
    cells: pd.DataFrame,
    geography: Geography,
    bound: tuple[Indicator, pd.DataFrame, set[tuple]] | None,
    hide: frozenset[tuple],
) -> tuple[set[tuple], IndicatorAudit]:
    """protect_indicator (after the indicator its `at_most` names, given as that indicator, its
    cells and the keys it hides), a model that does not fit the release being a
    DisclosureError."""
    try:
        bounded_by = None
        if bound is not None:
            at_most = indicator.disclosure.at_most
            assert at_most is not None
            bounded_by = beside(*bound, geography, (Bound(at_most.measure, at_most.of),))
        return protect_indicator(indicator, cells, geography, bounded_by, hide)
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
    by_slug = {i.slug: i for i in protected}
    cells = {i.code: values[values.indicator_code == i.code] for i in protected}
    caps: dict[str, frozenset[tuple]] = {}  # an indicator's keys that cap a nested one
    solved: dict[str, tuple[set[tuple], IndicatorAudit]] = {}  # by input key, this publish
    for _ in range(MAX_REPAIRS):
        try:
            keys, solutions = _solve_all(protected, cells, geography, cache_dir, caps, solved)
            break
        except NeedsCap as need:
            assert need.nested is not None and need.nested.disclosure.at_most is not None
            bound = by_slug[need.nested.disclosure.at_most.indicator]
            grown = caps.get(bound.code, frozenset()) | need.keys
            if grown == caps.get(bound.code):
                raise DisclosureError(f"{need.nested.code}: {need}") from need
            caps[bound.code] = grown
    else:
        raise DisclosureError("nested indicators still capped after every repair")
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


def _solve_all(
    protected: list[Indicator],
    cells: dict[str, pd.DataFrame],
    geography: Geography,
    cache_dir: Path | None,
    caps: dict[str, frozenset[tuple]],
    solved: dict[str, tuple[set[tuple], IndicatorAudit]],
) -> tuple[dict[str, str], dict[str, tuple[set[tuple], IndicatorAudit]]]:
    """Every protected indicator's solution and input key; one nested in another (registry
    at_most) after that one, against its solution. The indicators named in `caps` also hide the
    cells at those keys. A NeedsCap from a nested indicator names the keys its container must
    hide (it carries the nested indicator as `nested`)."""
    by_slug = {i.slug: i for i in protected}
    keys: dict[str, str] = {}
    solutions: dict[str, tuple[set[tuple], IndicatorAudit]] = {}
    for indicator in sorted(protected, key=lambda i: i.disclosure.at_most is not None):
        at_most = indicator.disclosure.at_most
        other = by_slug[at_most.indicator] if at_most else None
        capping = caps.get(indicator.code, frozenset())
        key = cache.input_key(
            indicator,
            cells[indicator.code],
            geography,
            after=keys[other.code] if other else repr(sorted(capping)),
        )
        keys[indicator.code] = key
        started = time.perf_counter()
        stored = solved.get(key) or cache.load(cache_dir, key)
        if stored is None:
            bound = (other, cells[other.code], solutions[other.code][0]) if other else None
            try:
                solved[key] = _solve(indicator, cells[indicator.code], geography, bound, capping)
            except NeedsCap as need:
                need.nested = indicator
                raise
            cache.store(cache_dir, key, solved[key][0], asdict(solved[key][1]))
            solutions[indicator.code] = solved[key]
        elif isinstance(stored[1], IndicatorAudit):  # solved earlier in this publish
            solutions[indicator.code] = stored
        else:  # the same inputs were solved for an earlier release: the same answer
            seconds = round(time.perf_counter() - started, 2)
            figures = IndicatorAudit(**{**stored[1], "seconds": seconds, "cached": True})
            solutions[indicator.code] = stored[0], figures
    return keys, solutions


def audit_summary(figures: list[IndicatorAudit]) -> dict:
    """The audit's figures for the manifest and the build log."""
    return {
        "method": "Gaussian-elimination secondary suppression on the whole relation model;"
        " interval audit by linear programming (HiGHS)",
        "cells": sum(f.cells for f in figures),
        "primary_suppressed": sum(f.primary for f in figures),
        "secondary_suppressed": sum(f.secondary for f in figures),
        "nested_suppressed": sum(f.nested for f in figures),
        "relations": sum(f.relations for f in figures),
        "linear_programmes": sum(f.linear_programmes for f in figures),
        "seconds": round(sum(f.seconds for f in figures), 2),
        "indicators_reused": sum(f.cached for f in figures),
        "indicators": [asdict(f) for f in figures],
    }
