"""A tiny country for disclosure tests, written out by hand (not derived from the code under test).

2004: provinces A, B (region N), C, D (region S). On 1 July 2025, A and B merge into X, C becomes Y
(unmerged), D becomes Z; the 2025 assignment puts X in N and Y, Z in S... except that B was in S:

    2004   A:N  B:S  C:S  D:S        2025   X = A + B : N     Y = C : S     Z = D : S

so old B moves from region S to region N at the switch, and X's predecessors straddle regions.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
import pytest

from publish.disclosure.geography import Geography
from publish.disclosure.model import KEY
from schemas.registry import Detail

TINY = Geography(
    region_2004={"A": "N", "B": "S", "C": "S", "D": "S"},
    successor={"A": "X", "B": "X", "C": "Y", "D": "Z"},
    region_2025={"X": "N", "Y": "S", "Z": "S"},
    switch=dt.date(2025, 7, 1),
)

# Where an event of each atomic unit is counted, on each side of the switch (by hand).
# t:X = an event coded with the merged X before the switch (predecessor unknown).
PLACES = {
    "pre": {
        "A": {"province_2004": "A", "province_2025": "X", "region": "N"},
        "B": {"province_2004": "B", "province_2025": "X", "region": "S"},
        "C": {"province_2004": "C", "province_2025": "Y", "region": "S"},
        "D": {"province_2004": "D", "province_2025": "Z", "region": "S"},
        "t:X": {"province_2004": "_U", "province_2025": "X", "region": "_U"},
        "_U": {"province_2004": "_U", "province_2025": "_U", "region": "_U"},
    },
    "post": {
        "X": {"province_2025": "X", "region": "N"},
        "Y": {"province_2025": "Y", "region": "S"},
        "Z": {"province_2025": "Z", "region": "S"},
        "_U": {"province_2025": "_U", "region": "_U"},
    },
}
QUARTERS = [f"{y}-Q{q}" for y in (2024, 2025) for q in range(1, 5)]
SEXES = ["male", "female", "_U"]


def side(quarter: str) -> str:
    return "pre" if quarter < "2025-Q3" else "post"


def detail(region_quarters: bool = True, sex: bool = True) -> Detail:
    return Detail.model_validate(
        {
            "national": {"periods": ["year", "quarter"], "breakdowns": ["year"] if sex else []},
            "region": {"periods": ["year", "quarter"] if region_quarters else ["year"]},
            "province": {"periods": ["year"]},
        }
    )


def inner_cells() -> list[tuple[str, str, str]]:
    """The finest events: (quarter, unit, sex)."""
    return [(q, unit, sex) for q in QUARTERS for unit in PLACES[side(q)] for sex in SEXES]


def contains(cell: tuple, inner: tuple) -> bool:
    """Does a published cell count an inner event? The definition, by brute force."""
    period_type, period, scheme, code, sex, age = cell
    quarter, unit, inner_sex = inner
    if period_type == "year" and quarter[:4] != period:
        return False
    if period_type == "quarter" and quarter != period:
        return False
    if sex != "_T" and sex != inner_sex:
        return False
    if scheme == "national":
        return True
    return PLACES[side(quarter)][unit].get(scheme) == code


def published_cells(detail_: Detail) -> list[tuple]:
    """Every cell the detail publishes for the tiny country (the 2004 provinces until 2025-Q2)."""
    cells = []
    levels = {
        "national": ["VN"],
        "region": ["N", "S", "_U"],
        "province_2025": ["X", "Y", "Z", "_U"],
        "province_2004": ["A", "B", "C", "D", "_U"],
    }
    for scheme, codes in levels.items():
        level = {"province_2004": "province", "province_2025": "province"}.get(scheme, scheme)
        spec = detail_.level(level)
        for period_type in spec.periods:
            periods = ["2024", "2025"] if period_type == "year" else QUARTERS
            for period, code in itertools.product(periods, codes):
                if scheme == "province_2004" and period in ("2025", "2025-Q3", "2025-Q4"):
                    continue
                breakdowns = [("_T", "_T")]
                if period_type in spec.breakdowns:
                    breakdowns += [(s, "_T") for s in SEXES]
                cells += [(period_type, period, scheme, code, s, a) for s, a in breakdowns]
    return cells


def release(counts: dict[tuple, int], cells: list[tuple], min_cell: int = 5) -> pd.DataFrame:
    """A release frame: each cell the sum of its inner events, primary-suppressed below min_cell."""
    rows = []
    for cell in cells:
        value = sum(n for inner, n in counts.items() if contains(cell, inner))
        small = 1 <= value < min_cell
        rows.append(
            dict(zip(KEY, cell, strict=True))
            | {"numerator": None if small else float(value), "denominator": None,
               "value": None if small else float(value),
               "obs_status": "suppressed" if small else "normal", "status": "monitoring"}
        )  # fmt: skip
    return pd.DataFrame(rows)


@pytest.fixture
def tiny() -> Geography:
    return TINY


def primary_keys(frame: pd.DataFrame) -> set[tuple]:
    """The cells dbt's primary suppression hid."""
    hidden = frame[frame.obs_status == "suppressed"]
    return {tuple(r) for r in hidden[KEY].itertuples(index=False)}


def sum_range(solver, columns: int, members: list[int]) -> tuple[float, float]:
    """The least and the greatest sum of `members` over the solver's feasible tables (an
    unbounded one is inf), for the brute-force attackers."""
    import math

    import highspy
    import numpy as np

    bounds = []
    for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
        costs = np.zeros(columns)
        costs[members] = 1.0
        solver.changeColsCost(columns, np.arange(columns, dtype=np.int32), costs)
        solver.changeObjectiveSense(sense)
        solver.run()
        optimal = solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
        bounds.append(solver.getInfo().objective_function_value if optimal else math.inf)
    return bounds[0], bounds[1]
