"""Which atomic territories each published geography holds, as of a period.

The release publishes the nation, six regions, the 63 provinces of 2004 (periods up to 30 June
2025) and the 34 provinces of 2025 (every period), each with an unknown-place cell `_U`. An event
lands in exactly one *unit*, the finest territory the pipeline can place it in (dbt's `geocode`):

- before the switch (1 July 2025): a province of 2004; an event coded with a merged 2025 province
  (which of its predecessors is not known) is the unit ``t:<2025 code>``; an unknown place ``_U``;
- from the switch: a province of 2025, or ``_U``.

A published cell is the sum of its units. Region membership is as of the event's date: the
official 2004 regions before the switch, the 2025 assignment (a proposal) after; a merged 2025
province's pre-switch events belong to a region only if all its predecessors did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, cached_property

from schemas.reference import SWITCH_DATE, read_reference_csv

UNKNOWN = "_U"
PRE, POST = "pre", "post"


@dataclass(frozen=True)
class Geography:
    """The public province lists, as the attacker holds them."""

    region_2004: dict[str, str]  # 2004 province -> its official region
    successor: dict[str, str]  # 2004 province -> 2025 province
    region_2025: dict[str, str]  # 2025 province -> its assigned region
    switch: dt.date = SWITCH_DATE

    @property
    def predecessors(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {code: [] for code in self.region_2025}
        for old, new in sorted(self.successor.items()):
            out[new].append(old)
        return out

    @property
    def merged(self) -> list[str]:
        """2025 provinces formed from more than one 2004 province."""
        return [new for new, olds in self.predecessors.items() if len(olds) > 1]

    def pre_region_of_merged(self, code_2025: str) -> str:
        """The region of a merged province's pre-switch events: its predecessors' if shared."""
        regions = {self.region_2004[old] for old in self.predecessors[code_2025]}
        return regions.pop() if len(regions) == 1 else UNKNOWN

    def units(self, side: str) -> list[str]:
        if side == PRE:
            return (
                [f"p:{c}" for c in sorted(self.region_2004)]
                + [f"t:{c}" for c in self.merged]
                + [UNKNOWN]
            )
        return [f"p:{c}" for c in sorted(self.region_2025)] + [UNKNOWN]

    @cached_property
    def _member_sets(self) -> dict[tuple[str, str, str], frozenset[str]]:
        return {}  # members() of each geography, computed once (the lists never change)

    def members(self, side: str, scheme: str, code: str) -> frozenset[str]:
        """The units of one published geography on one side of the switch (empty: not valid)."""
        key = (side, scheme, code)
        if key not in self._member_sets:
            self._member_sets[key] = self._members(side, scheme, code)
        return self._member_sets[key]

    def _members(self, side: str, scheme: str, code: str) -> frozenset[str]:
        units = self.units(side)
        if scheme == "national":
            return frozenset(units)
        if side == PRE:
            return frozenset(u for u in units if self._pre_cell(u, scheme) == code)
        return frozenset(u for u in units if self._post_cell(u, scheme) == code)

    def _pre_cell(self, unit: str, scheme: str) -> str | None:
        if unit == UNKNOWN:
            return UNKNOWN
        kind, code = unit.split(":")
        if kind == "p":  # a 2004 province
            return {
                "province_2004": code,
                "province_2025": self.successor[code],
                "region": self.region_2004[code],
            }[scheme]
        return {  # t: a merged 2025 province, predecessor unknown
            "province_2004": UNKNOWN,
            "province_2025": code,
            "region": self.pre_region_of_merged(code),
        }[scheme]

    def _post_cell(self, unit: str, scheme: str) -> str | None:
        if scheme == "province_2004":
            return None  # the 2004 provinces no longer exist
        if unit == UNKNOWN:
            return UNKNOWN
        code = unit.split(":")[1]
        return {"province_2025": code, "region": self.region_2025[code]}[scheme]


@cache
def reference_geography() -> Geography:
    """The shipped province lists (schemas/reference)."""
    p2004 = read_reference_csv("provinces_2004.csv")
    p2025 = read_reference_csv("provinces_2025.csv")
    return Geography(
        region_2004=dict(zip(p2004.province_code, p2004.region6_code, strict=True)),
        successor=dict(zip(p2004.province_code, p2004.successor_code_2025, strict=True)),
        region_2025={
            code: region.split(" ")[0]
            for code, region in zip(p2025.province_code, p2025.region6_code, strict=True)
        },
    )
