"""Secondary suppression by Gaussian elimination on the whole relation model.

The method of Statistics Norway's GaussSuppression (R package SSBtools/GaussSuppression),
written here for this model. The values an attacker cannot pin down are those on which two
tables consistent with every relation can differ: the columns that are non-zero somewhere in
the null space of the relations restricted to the unpublished quantities. Starting with
nothing published, cells are offered in order of preference (a zero first, since hiding it
protects nothing; then national before regional before provincial, totals before breakdowns,
years before quarters before months, larger before smaller); publishing a cell removes its
column from the null space by one elimination step, and a cell is published only if every
protected cell keeps a non-zero column. A cell that cannot be published is a complementary
(secondary) suppression. Deterministic: the order is total and the arithmetic fixed.

The starting null space comes from an exact (fractions), sparse reduced row echelon form of the
relations whose pivots are the totals, so each basis vector is one fine cell with the totals
above it. No library does this for an arbitrary relation model (sdcTable and GaussSuppression are
R packages); numpy does the elimination steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from publish.disclosure.model import Model

LEVEL_RANK = {"national": 0, "region": 1, "province_2025": 2, "province_2004": 3}
PERIOD_RANK = {"year": 0, "school_year": 0, "quarter": 1, "month": 2}
TOLERANCE = 1e-9


def preference(key: tuple, numerator: float) -> tuple:
    """Sort key: cells first in this order are published first (hidden last)."""
    period_type, period, scheme, code, sex, age = key
    return (
        numerator != 0,
        LEVEL_RANK[scheme],
        0 if (sex, age) == ("_T", "_T") else 1,
        PERIOD_RANK[period_type],
        -numerator,
        key,
    )


def reduced_echelon(model: Model, rank: dict[int, tuple]) -> dict[int, dict[int, Fraction]]:
    """The relations in exact, fully reduced row echelon form: {pivot column: row}. Each row's
    pivot is its column of lowest `rank` (a total before its parts)."""
    pivots: dict[int, dict[int, Fraction]] = {}
    holders: dict[int, set[int]] = {}  # column -> pivots whose row holds it
    for relation in model.relations:
        row = {j: Fraction(c) for j, c in relation.items()}
        for column in [j for j in row if j in pivots]:
            factor = row.pop(column)
            for j, c in pivots[column].items():
                if j != column:
                    value = row.get(j, 0) - factor * c
                    if value:
                        row[j] = value
                    else:
                        row.pop(j, None)
        if not row:
            continue
        pivot = min(row, key=rank.__getitem__)
        scale = row[pivot]
        row = {j: c / scale for j, c in row.items()}
        for other in sorted(holders.pop(pivot, ())):
            target = pivots[other]
            factor = target.pop(pivot)
            for j, c in row.items():
                if j == pivot:
                    continue
                value = target.get(j, 0) - factor * c
                if value:
                    target[j] = value
                    holders.setdefault(j, set()).add(other)
                else:
                    target.pop(j, None)
                    holders.get(j, set()).discard(other)
        pivots[pivot] = row
        for j in row:
            if j != pivot:
                holders.setdefault(j, set()).add(pivot)
    return pivots


def null_space(model: Model, rank: dict[int, tuple]) -> np.ndarray:
    """A basis of the relations' null space, one vector per free column: the free cell, and
    the totals it adds up into."""
    pivots = reduced_echelon(model, rank)
    free = [j for j in range(len(model.keys)) if j not in pivots]
    position = {j: k for k, j in enumerate(free)}
    basis = np.zeros((len(free), len(model.keys)))
    for j in free:
        basis[position[j], j] = 1.0
    for pivot, row in pivots.items():
        for j, c in row.items():
            if j != pivot:
                basis[position[j], pivot] = -float(c)
    return basis


class Elimination:
    """The null space of the relations over the quantities not yet published.

    Publishing a column is one elimination step: the basis row holding its largest entry is
    the pivot, the rows where the column is non-zero are reduced by it, and the pivot row is
    cleared (a zero row never becomes a pivot again and keeps no column free). Only those rows
    are touched, and only the protected columns the pivot row holds can become determined."""

    def __init__(self, basis: np.ndarray, protected: Sequence[int] = ()) -> None:
        self.basis = basis
        self.protected = np.array(sorted(protected), dtype=np.intp)
        # a protected quantity already determined (no table can move it) stops every publish
        self.stuck = bool(
            len(self.protected)
            and (np.abs(basis[:, self.protected]).max(axis=0, initial=0.0) <= TOLERANCE).any()
        )

    def _step(self, column: int) -> tuple[int, np.ndarray, np.ndarray] | None:
        """(pivot row, the other rows the step reduces, their factors); None: nothing changes."""
        values = self.basis[:, column]
        pivot = int(np.argmax(np.abs(values)))
        if abs(values[pivot]) <= TOLERANCE:
            return None
        rows = np.flatnonzero(values)
        rows = rows[rows != pivot]
        return pivot, rows, values[rows] / values[pivot]

    def try_publish(self, column: int) -> bool:
        """Publish `column` unless that determines a protected quantity; say whether it did."""
        step = self._step(column)
        if step is None:
            return True
        pivot, rows, factors = step
        held = self.protected[self.basis[pivot, self.protected] != 0]
        if self.stuck or self._determined(held, pivot, rows, factors):
            return False
        self._apply(pivot, rows, factors)
        return True

    def _determined(self, columns: np.ndarray, pivot: int, rows, factors) -> bool:
        """Whether a step leaves one of `columns` zero in every remaining row."""
        if not len(columns):
            return False
        after = self.basis[:, columns]
        after[rows] -= np.outer(factors, self.basis[pivot, columns])
        after[pivot] = 0.0
        return bool((np.abs(after).max(axis=0) <= TOLERANCE).any())

    def publish(self, column: int) -> None:
        step = self._step(column)
        if step is not None:
            self._apply(*step)

    def _apply(self, pivot: int, rows: np.ndarray, factors: np.ndarray) -> None:
        if len(rows):
            self.basis[rows] -= np.outer(factors, self.basis[pivot])
        self.basis[pivot] = 0.0


def secondary_suppression(
    model: Model, protected: list[int], preference_of: dict[int, tuple]
) -> set[int]:
    """The cells of `preference_of` that must stay hidden so that no `protected` cell is
    determined; phantom quantities (zeros the release implies) are published first."""
    last = (True, 9, 9, 9, 0, ("~",))  # hidden quantities and protected cells: parts, not totals
    rank = {j: preference_of.get(j, last) + (j,) for j in range(len(model.keys))}
    elimination = Elimination(null_space(model, rank))
    for column in sorted(model.phantom):
        elimination.publish(column)
    elimination = Elimination(elimination.basis, protected)
    hidden = set(protected)
    secondary: set[int] = set()
    for column in sorted(preference_of, key=preference_of.__getitem__):
        if column in hidden:
            continue
        if not elimination.try_publish(column):
            secondary.add(column)
    return secondary
