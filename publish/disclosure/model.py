"""One model of every additive relation an indicator's published cells obey.

A cell is (period_type, period, geo_scheme, geo_code, sex, age_band). Relations, each "a total
minus its parts is 0", over the cells and some hidden (never published) quantities:

- breakdowns: a _T cell = its sex categories = its age bands (the unknown category `_U` is a
  published category, so the parts are complete);
- geography, per period and breakdown: every published geography is the sum of the *atoms* of
  that period, the coarsest pieces of territory the published geographies tell apart (see
  geography.py: membership as of the period, 2004 and 2025 provinces, regions, unknown place).
  An atom that is itself a published cell is that cell; any other is a hidden quantity. A period
  that straddles 1 July 2025 has atoms on each side, so a region of 2025 is its 2004 provinces
  for the first half and its 2025 provinces for the second;
- time, per geography and breakdown: a year = its quarters, a quarter = its months; and a
  straddling year's half = the published quarters of that half.

Cells a published level should hold but the release lacks (a report source publishes no row for
a province that sent nothing) are zeros: they are added as published zeros ("phantom" cells), so
the model is as strong as what an attacker who knows the pipeline can assume.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from publish.disclosure.geography import POST, PRE, UNKNOWN, Geography
from publish.disclosure.periods import bounds, children
from schemas.registry import PROTECTED_DISAGGREGATIONS

KEY = ["period_type", "period", "geo_scheme", "geo_code", *PROTECTED_DISAGGREGATIONS]
"""A protected cell's key: the registry lets a protected indicator be broken down by sex and
age band only, so its other breakdowns (platform) are always the total."""
TOTAL = "_T"
LEVEL = {
    "national": "national",
    "region": "region",
    "province_2004": "province",
    "province_2025": "province",
}


class ModelError(ValueError):
    """The release does not have the shape the model assumes."""


@dataclass
class Model:
    keys: list[tuple]  # variables: the cells first (n_cells), then hidden quantities
    n_cells: int
    phantom: set[int]  # cells absent from the release, zero by construction
    relations: list[dict[int, float]] = field(default_factory=list)
    # (cell key, side) -> the atoms of that half, for periods that straddle the switch
    half_atoms: dict[tuple, list[int]] = field(default_factory=dict)

    def add(self, total: int, parts: list[int]) -> None:
        """The relation total = sum of parts."""
        self.add_difference([total], parts)

    def add_difference(self, plus: list[int], minus: list[int]) -> None:
        """The relation sum(plus) = sum(minus)."""
        row: dict[int, float] = defaultdict(float)
        for j in plus:
            row[j] += 1.0
        for j in minus:
            row[j] -= 1.0
        row = {j: v for j, v in row.items() if v != 0.0}
        if row:
            self.relations.append(row)


def _side(period_type: str, period: str, switch) -> str | None:
    start, end = bounds(period_type, period)
    if end < switch:
        return PRE
    if start >= switch:
        return POST
    return None  # straddles the switch


def _codes(geography: Geography, scheme: str, side: str | None) -> list[str]:
    if scheme == "national":
        return ["VN"]
    if scheme == "province_2004":
        return [] if side != PRE else sorted(geography.region_2004) + [UNKNOWN]
    if scheme == "province_2025":
        return sorted(geography.region_2025) + [UNKNOWN]
    return sorted(set(geography.region_2004.values())) + [UNKNOWN]


def expected_cells(cells: pd.DataFrame, detail, geography: Geography) -> list[tuple]:
    """Every cell the published detail implies, for the periods the release holds."""
    national = cells[cells.geo_scheme == "national"]
    categories = {
        "sex": sorted(set(cells.sex) - {TOTAL}),
        "age_band": sorted(set(cells.age_band) - {TOTAL}),
    }
    for dimension, values in categories.items():
        if values and UNKNOWN not in values:
            raise ModelError(f"breakdown {dimension} has no unknown category {UNKNOWN!r}")
    breakdowns = (
        [(TOTAL, TOTAL)]
        + [(s, TOTAL) for s in categories["sex"]]
        + [(TOTAL, a) for a in categories["age_band"]]
    )
    out: list[tuple[str, ...]] = []
    for period_type, period in (
        national[["period_type", "period"]].drop_duplicates().itertuples(index=False)
    ):
        sides = _sides(geography, period_type, period)
        side = sides[0] if len(sides) == 1 else None
        for scheme, level in LEVEL.items():
            spec = detail.level(level)
            if period_type not in spec.periods:
                continue
            allowed = breakdowns if period_type in spec.breakdowns else breakdowns[:1]
            for code in _codes(geography, scheme, side):
                out.extend((period_type, period, scheme, code, s, a) for s, a in allowed)
    return out


def build_model(cells: pd.DataFrame, detail, geography: Geography) -> Model:
    """The relation model of one indicator's cells (a frame with the KEY columns)."""
    present = list(map(tuple, cells[KEY].itertuples(index=False)))
    expected = expected_cells(cells, detail, geography)
    unexpected = set(present) - set(expected)
    if unexpected:
        raise ModelError(f"cells outside the published detail: {sorted(unexpected)[:3]}")
    present_set = set(present)
    keys = present + [k for k in expected if k not in present_set]
    model = Model(keys=keys, n_cells=len(keys), phantom=set(range(len(present), len(keys))))
    index = {k: i for i, k in enumerate(keys)}
    _breakdown_relations(model, index)
    _geography_relations(model, index, geography)
    _time_relations(model, index, geography)
    return model


def _breakdown_relations(model: Model, index: dict[tuple, int]) -> None:
    groups: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for (pt, period, scheme, code, sex, age), i in index.items():
        place = (pt, period, scheme, code)
        if sex == TOTAL and age == TOTAL:
            groups[place]["total"].append(i)
        elif age == TOTAL:
            groups[place]["sex"].append(i)
        else:
            groups[place]["age_band"].append(i)
    for parts in groups.values():
        for dimension in ("sex", "age_band"):
            if parts[dimension]:
                model.add(parts["total"][0], parts[dimension])


def _hidden(model: Model, key: tuple) -> int:
    model.keys.append(key)
    return len(model.keys) - 1


def _sides(geography: Geography, period_type: str, period: str) -> list[str]:
    if period_type == "school_year":
        return [PRE]
    side = _side(period_type, period, geography.switch)
    return [side] if side else [PRE, POST]


def _geography_relations(model: Model, index: dict[tuple, int], geography: Geography) -> None:
    """Per period and breakdown: each published geography = the atoms it holds."""
    by_slice: dict[tuple, dict[tuple, int]] = defaultdict(dict)
    for key, i in index.items():
        by_slice[(key[0], key[1], key[4], key[5])][key] = i
    for (pt, period, sex, age), cells in sorted(by_slice.items()):
        pairs = {
            key: frozenset(
                (side, unit)
                for side in _sides(geography, pt, period)
                for unit in geography.members(side, key[2], key[3])
            )
            for key in cells
        }
        atoms: dict[tuple[str, frozenset], set[tuple]] = defaultdict(set)
        for side in _sides(geography, pt, period):
            for unit in geography.units(side):
                signature = frozenset(k for k in cells if (side, unit) in pairs[k])
                if signature:
                    atoms[(side, signature)].add((side, unit))
        variable = {}
        for atom, units in sorted(atoms.items(), key=lambda a: sorted(a[1])):
            owner = next((k for k in sorted(atom[1]) if pairs[k] == frozenset(units)), None)
            variable[atom] = (
                cells[owner]
                if owner is not None
                else _hidden(model, ("hidden", pt, period, sex, age, *min(units)))
            )
        for key, i in cells.items():
            inside = {atom: v for atom, v in variable.items() if key in atom[1]}
            if i in inside.values():
                continue  # the cell is itself an atom
            model.add(i, list(inside.values()))
            for side in (PRE, POST):
                model.half_atoms[(key, side)] = [v for a, v in inside.items() if a[0] == side]


def _time_relations(model: Model, index: dict[tuple, int], geography: Geography) -> None:
    """Per geography and breakdown: a year = its quarters, a quarter = its months; the half of a
    straddling year = that half's quarters."""
    for key, i in index.items():
        pt, period, scheme, code, sex, age = key
        split = children(pt, period)
        if split is None:
            continue
        child_type, labels = split
        found = [index.get((child_type, label, scheme, code, sex, age)) for label in labels]
        kids = [k for k in found if k is not None]
        if len(kids) < len(found):
            continue  # the finer period is not published at this level
        model.add(i, kids)
        if _side(pt, period, geography.switch) is not None:
            continue
        for side in (PRE, POST):
            half = [
                k for k, label in zip(kids, labels, strict=True)
                if _side(child_type, label, geography.switch) == side
            ]  # fmt: skip
            model.add_difference(half, model.half_atoms[(key, side)])
