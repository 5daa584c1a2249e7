"""The attacker's audit: for every suppressed cell, the interval its numerator and (secret)
denominator can take given everything published, every relation of the model, non-negativity and
numerator <= denominator. Two linear programmes per hidden quantity, solved with HiGHS (highspy),
warm-started from the previous solve (only the objective changes).

A cell is *disclosed* when an interval has zero width (its value is recovered exactly) and a
primary cell is *exposed* when an interval is narrower than the indicator's threshold; a value
pinned to exactly zero is neither, as true zeros are published.
"""

from __future__ import annotations

import math
import time
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

    def exposed(self, primary: set[int], min_cell: int) -> list[Interval]:
        """Intervals of primary cells narrower than the threshold (a small count is at least
        1, so a measure pinned to zero is the cell's other, non-small measure)."""
        return [
            i
            for i in self.intervals
            if i.column in primary and i.width < min_cell - EXACT and i.high > EXACT
        ]


def _system(model: Model, published: dict[str, dict[int, float]]):
    """The attacker's linear system over the unknown quantities of every measure: the solver,
    and the position of each model column among the unknowns."""
    measures = list(published)
    unknown = [j for j in range(len(model.keys)) if j not in published[measures[0]]]
    position = {j: k for k, j in enumerate(unknown)}
    n = len(unknown)
    rows, lower, upper = [], [], []
    for m, measure in enumerate(measures):
        values = published[measure]
        for relation in model.relations:
            known = sum(c * values[j] for j, c in relation.items() if j in values)
            free = {m * n + position[j]: c for j, c in relation.items() if j not in values}
            if not free:
                if abs(known) > EXACT * max(1.0, abs(known)):
                    raise ModelError(
                        f"published {measure}s break a relation of the model by {known:g}: "
                        f"{[model.keys[j] for j in relation][:4]}"
                    )
                continue
            rows.append(free)
            lower.append(-known)
            upper.append(-known)
    if len(measures) == 2:  # a share: numerator <= denominator for every hidden quantity
        for k in range(n):
            rows.append({k: 1.0, n + k: -1.0})
            lower.append(-highspy.kHighsInf)
            upper.append(0.0)
    solver = _solver(rows, lower, upper, len(measures) * n)
    solver.run()  # is there any table at all that reproduces the release?
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise ModelError("the published values admit no table: the model does not fit the release")
    return solver, position, n


def audit(
    model: Model,
    published: dict[str, dict[int, float]],
    suppressed: list[int],
) -> AuditResult:
    """Intervals of every suppressed cell, per measure ({measure: {column: published value}})."""
    started = time.perf_counter()
    solver, position, n = _system(model, published)
    result = AuditResult()
    for m, measure in enumerate(published):
        for column in suppressed:
            variable = m * n + position[column]
            low = _optimise(solver, variable, highspy.ObjSense.kMinimize)
            high = _optimise(solver, variable, highspy.ObjSense.kMaximize)
            result.intervals.append(Interval(column, measure, low, high))
            result.linear_programmes += 2
    result.seconds = time.perf_counter() - started
    return result


def forced_zero(model: Model, published: dict[str, dict[int, float]], columns: list[int]) -> set:
    """The columns that are zero in every table reproducing the release, in every measure.
    Maximises the sum of the candidates; those the optimum makes positive can be positive and
    leave; repeated until the maximum is zero (a few programmes instead of one per column)."""
    solver, position, n = _system(model, published)
    candidates = set(columns)
    for m in range(len(published)):
        while candidates:
            variables = [m * n + position[j] for j in sorted(candidates)]
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
            positive = {j for j in candidates if values[m * n + position[j]] > EXACT}
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


def _optimise(solver: highspy.Highs, variable: int, sense) -> float:
    solver.changeColCost(variable, 1.0)
    solver.changeObjectiveSense(sense)
    solver.run()
    status = solver.getModelStatus()
    value = solver.getInfo().objective_function_value
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
