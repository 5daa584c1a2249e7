"""The attacker's audit: for every suppressed cell, the interval its numerator and (secret)
denominator can take given everything published, every relation of the model, non-negativity and
numerator <= denominator. Two linear programmes per hidden quantity, solved with HiGHS (highspy),
warm-started from the previous solve (only the objective changes); in the release's audit a
quantity that the optima already found show at least as far apart as its threshold is not solved
further (they are tables consistent with the release, so its true interval is at least as wide).
That skips most programmes (IND-07 at the test scale: 3,364 -> 176).

A cell is *disclosed* when an interval has zero width (its value is recovered exactly) and a
primary cell is *exposed* when an interval is narrower than the indicator's threshold; a value
pinned to exactly zero is neither, as true zeros are published.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import highspy
import numpy as np

from publish.disclosure.model import Model, ModelError

EXACT = 1e-6


@dataclass
class Interval:
    column: int
    measure: str
    low: float
    high: float
    table: int = 0  # which table of a joint audit (audit_tables)

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass
class AuditResult:
    intervals: list[Interval] = field(default_factory=list)
    linear_programmes: int = 0
    seconds: float = 0.0

    def disclosed(self) -> list[Interval]:
        """Hidden values recovered exactly. A value pinned to zero is not counted: it says that
        no event happened, which is what a published zero says (zeros are published)."""
        return [i for i in self.intervals if i.width <= EXACT and i.high > EXACT]

    def exposed(self, primary: set[int], min_cell: int, table: int = 0) -> list[Interval]:
        """Intervals of primary cells narrower than the threshold (a small count is at least
        1, so a measure pinned to zero is the cell's other, non-small measure)."""
        return [
            i
            for i in self.intervals
            if i.table == table
            and i.column in primary
            and i.width < min_cell - EXACT
            and i.high > EXACT
        ]


@dataclass
class Table:
    """One indicator's relation model and what the attacker has of it ({measure: {column:
    published value}})."""

    model: Model
    published: dict[str, dict[int, float]]


@dataclass(frozen=True)
class Bound:
    """Cell by cell, `measure` of the first table is at most `of` of the second: the events the
    first counts are a subset of the second's (registry `at_most`). Holds for every key the
    two models share, hidden quantities included (the same territory, period and breakdown)."""

    measure: str
    of: str


def _system(tables: list[Table], bounds: tuple[Bound, ...] = ()):
    """The attacker's linear system over the unknown quantities of every table and measure: the
    solver, and {(table, measure, column): variable} for the unknowns."""
    variable: dict[tuple[int, str, int], int] = {}
    for t, table in enumerate(tables):
        for measure, values in table.published.items():
            for j in range(len(table.model.keys)):
                if j not in values:
                    variable[(t, measure, j)] = len(variable)
    rows, lower, upper = [], [], []

    def constrain(terms: list[tuple[float, int, str, int]], low: float, high: float) -> None:
        """low <= sum(c * quantity) <= high, the known quantities moved to the bounds."""
        known, free = 0.0, dict[int, float]()
        for c, t, measure, j in terms:
            if (t, measure, j) in variable:
                position = variable[(t, measure, j)]
                free[position] = free.get(position, 0.0) + c
            else:
                known += c * tables[t].published[measure][j]
        if not free:
            if known < low - EXACT * max(1.0, abs(known)) or known > high + EXACT * max(
                1.0, abs(known)
            ):
                raise ModelError(
                    f"published {terms[0][2]}s break a relation of the model by {known:g}: "
                    f"{[tables[t].model.keys[j] for _, t, _, j in terms][:4]}"
                )
            return
        rows.append(free)
        lower.append(low - known)
        upper.append(high - known)

    for t, table in enumerate(tables):
        for measure in table.published:
            for relation in table.model.relations:
                constrain([(c, t, measure, j) for j, c in relation.items()], 0.0, 0.0)
        if len(table.published) == 2:  # a share: numerator <= denominator for every quantity
            for j in range(len(table.model.keys)):
                constrain(
                    [(1.0, t, "numerator", j), (-1.0, t, "denominator", j)], -highspy.kHighsInf, 0
                )
    if bounds:
        theirs = {k: j for j, k in enumerate(tables[1].model.keys)}
        for bound in bounds:
            for j, key in enumerate(tables[0].model.keys):
                if key in theirs:
                    constrain(
                        [(1.0, 0, bound.measure, j), (-1.0, 1, bound.of, theirs[key])],
                        -highspy.kHighsInf,
                        0.0,
                    )
    solver = _solver(rows, lower, upper, len(variable))
    solver.run()  # is there any table at all that reproduces the release?
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise ModelError("the published values admit no table: the model does not fit the release")
    return solver, variable


def audit(
    model: Model,
    published: dict[str, dict[int, float]],
    suppressed: list[int],
) -> AuditResult:
    """Intervals of every suppressed cell, per measure ({measure: {column: published value}})."""
    return audit_tables([Table(model, published)], {0: suppressed})


def audit_tables(
    tables: list[Table],
    suppressed: dict[int, list[int]],
    bounds: tuple[Bound, ...] = (),
    wide: Mapping[int, float] | None = None,
) -> AuditResult:
    """Intervals of the suppressed cells of each table ({table: columns}), every measure, on one
    system: every table's relations and the bounds between the first two.

    With `wide` ({table: width}), a quantity that the tables already found (each programme's
    optimum is a table consistent with the release) show at least that far apart is not solved
    further: its interval is the span of those tables, inside the true one, so its width is a
    lower bound, enough to prove the quantity is not narrower than the width. Without `wide`
    every interval is solved exactly (two programmes each)."""
    started = time.perf_counter()
    solver, variable = _system(tables, bounds)
    span = _Span(solver)
    result = AuditResult()
    for t, columns in suppressed.items():
        if not columns:
            continue
        enough = (wide or {}).get(t, math.inf)
        for measure in tables[t].published:
            for column in columns:
                position = variable[(t, measure, column)]
                if span.width(position) >= enough:
                    low, high = span.low[position], span.high[position]
                else:
                    low = _optimise(solver, position, highspy.ObjSense.kMinimize, span)
                    high = _optimise(solver, position, highspy.ObjSense.kMaximize, span)
                    result.linear_programmes += 2
                result.intervals.append(Interval(column, measure, low, high, table=t))
    result.seconds = time.perf_counter() - started
    return result


class _Span:
    """The least and greatest value each unknown took in the tables solved so far."""

    def __init__(self, solver: highspy.Highs) -> None:
        values = np.array(solver.getSolution().col_value)
        self.low, self.high = values.copy(), values.copy()

    def saw(self, solver: highspy.Highs) -> None:
        values = np.array(solver.getSolution().col_value)
        np.minimum(self.low, values, out=self.low)
        np.maximum(self.high, values, out=self.high)

    def width(self, position: int) -> float:
        return float(self.high[position] - self.low[position])


def forced_zero(model: Model, published: dict[str, dict[int, float]], columns: list[int]) -> set:
    """The columns that are zero in every table reproducing the release, in every measure.
    Maximises the sum of the candidates; those the optimum makes positive can be positive and
    leave; repeated until the maximum is zero (a few programmes instead of one per column)."""
    solver, variable = _system([Table(model, published)])
    candidates = set(columns)
    for measure in published:
        while candidates:
            variables = [variable[(0, measure, j)] for j in sorted(candidates)]
            solver.changeColsCost(
                len(variables), np.array(variables, dtype=np.int32), np.ones(len(variables))
            )
            solver.changeObjectiveSense(highspy.ObjSense.kMaximize)
            solver.run()
            status = solver.getModelStatus()
            values = np.array(solver.getSolution().col_value)
            solver.changeColsCost(
                len(variables), np.array(variables, dtype=np.int32), np.zeros(len(variables))
            )
            if status != highspy.HighsModelStatus.kOptimal:
                candidates = set()  # unbounded: some candidate can grow; be conservative
                break
            positive = {j for j in candidates if values[variable[(0, measure, j)]] > EXACT}
            if not positive:
                break
            candidates -= positive
    return candidates


def _solver(rows: list[dict[int, float]], lower, upper, columns: int) -> highspy.Highs:
    by_column: list[list[tuple[int, float]]] = [[] for _ in range(columns)]
    for r, row in enumerate(rows):
        for column, coefficient in row.items():
            by_column[column].append((r, coefficient))
    lp = highspy.HighsLp()
    lp.num_col_ = columns
    lp.num_row_ = len(rows)
    lp.col_cost_ = np.zeros(columns)
    lp.col_lower_ = np.zeros(columns)
    lp.col_upper_ = np.full(columns, highspy.kHighsInf)
    lp.row_lower_ = np.array(lower, dtype=float)
    lp.row_upper_ = np.array(upper, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.num_col_ = columns
    lp.a_matrix_.num_row_ = len(rows)
    lp.a_matrix_.start_ = np.cumsum([0] + [len(c) for c in by_column]).astype(np.int32)
    lp.a_matrix_.index_ = np.array([r for c in by_column for r, _ in c], dtype=np.int32)
    lp.a_matrix_.value_ = np.array([v for c in by_column for _, v in c], dtype=float)
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.passModel(lp)
    return solver


def _optimise(solver: highspy.Highs, variable: int, sense, span: _Span) -> float:
    solver.changeColCost(variable, 1.0)
    solver.changeObjectiveSense(sense)
    solver.run()
    status = solver.getModelStatus()
    value = solver.getInfo().objective_function_value
    if status == highspy.HighsModelStatus.kOptimal:
        span.saw(solver)
    solver.changeColCost(variable, 0.0)  # resets the status and the info: read them first
    if status == highspy.HighsModelStatus.kOptimal:
        return value
    if status in (
        highspy.HighsModelStatus.kUnbounded,
        highspy.HighsModelStatus.kUnboundedOrInfeasible,  # feasible: the minimum was found
    ):
        return math.inf
    if status == highspy.HighsModelStatus.kInfeasible:
        raise ModelError("the published values admit no table: the model does not fit the release")
    raise ModelError(f"the audit's linear programme ended with status {status}")
