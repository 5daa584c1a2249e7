"""Secondary suppression by Gaussian elimination on the whole relation model.

The method of Statistics Norway's GaussSuppression (R package SSBtools/GaussSuppression),
written here for this model: the values an attacker cannot pin down are those on which some
table consistent with every relation differs, i.e. the columns that are non-zero somewhere in
the null space of the relation matrix restricted to the unpublished quantities. Starting with
nothing published, cells are offered in order of preference (national before regional before
provincial, totals before breakdowns, years before quarters before months, larger before smaller);
publishing a cell removes its column from the null space by one elimination step, and a cell is
published only if every protected cell keeps a non-zero column. A cell that cannot be published
is a complementary (secondary) suppression. The result is deterministic: the order is total.

No library does this for an arbitrary relation model (sdcTable and GaussSuppression are R
packages); numpy's SVD gives the starting null space.
"""

from __future__ import annotations

import numpy as np

from publish.disclosure.model import Model

LEVEL_RANK = {"national": 0, "region": 1, "province_2025": 2, "province_2004": 3}
PERIOD_RANK = {"year": 0, "school_year": 0, "quarter": 1, "month": 2}


def preference(key: tuple, numerator: float) -> tuple:
    """Sort key: cells first in this order are published first (suppressed last)."""
    period_type, period, scheme, code, sex, age = key
    return (
        LEVEL_RANK[scheme],
        0 if (sex, age) == ("_T", "_T") else 1,
        PERIOD_RANK[period_type],
        -numerator,
        key,
    )


def relation_matrix(model: Model) -> np.ndarray:
    matrix = np.zeros((len(model.relations), len(model.keys)))
    for row, relation in enumerate(model.relations):
        for column, coefficient in relation.items():
            matrix[row, column] = coefficient
    return matrix


def null_space(matrix: np.ndarray) -> np.ndarray:
    """An orthonormal basis of the null space, one vector per row."""
    if matrix.shape[0] == 0:
        return np.eye(matrix.shape[1])
    _, singular, vt = np.linalg.svd(matrix, full_matrices=True)
    tolerance = max(matrix.shape) * np.finfo(float).eps * (singular[0] if singular.size else 1)
    rank = int((singular > tolerance).sum())
    return vt[rank:].copy()


class Elimination:
    """The null space of the relations over the quantities not yet published."""

    def __init__(self, model: Model, tolerance: float = 1e-9) -> None:
        self.basis = null_space(relation_matrix(model))
        self.tolerance = tolerance

    def is_determined(self, column: int) -> bool:
        return bool(np.abs(self.basis[:, column]).max(initial=0.0) <= self.tolerance)

    def _eliminated(self, column: int, columns) -> np.ndarray | None:
        """The basis restricted to `columns` after publishing `column` (None: nothing changes)."""
        values = self.basis[:, column]
        pivot = int(np.argmax(np.abs(values)))
        if abs(values[pivot]) <= self.tolerance:
            return None
        factors = values / values[pivot]
        reduced = self.basis[:, columns] - np.outer(factors, self.basis[pivot, columns])
        return np.delete(reduced, pivot, axis=0)

    def try_publish(self, column: int, protected: list[int]) -> bool:
        """Publish `column` unless that determines a protected quantity; say whether it did."""
        if not protected:
            self.publish(column)
            return True
        after = self._eliminated(column, protected)
        if after is not None and (np.abs(after).max(axis=0, initial=0.0) <= self.tolerance).any():
            return False
        self.publish(column)
        return True

    def publish(self, column: int) -> None:
        after = self._eliminated(column, slice(None))
        if after is not None:
            self.basis = after


def secondary_suppression(model: Model, protected: list[int], order: list[int]) -> set[int]:
    """The cells of `order` that must stay hidden so that no `protected` cell is determined.

    `protected` cells are never published; phantom quantities (zeros the release implies) are
    published first, unconditionally: the attacker has them anyway."""
    elimination = Elimination(model)
    for column in sorted(model.phantom):
        elimination.publish(column)
    hidden = set(protected)
    secondary: set[int] = set()
    for column in order:
        if column in hidden:
            continue
        if not elimination.try_publish(column, protected):
            secondary.add(column)
    return secondary
