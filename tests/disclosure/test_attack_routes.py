"""The routes by which round 1's release gave back hidden cells, each replayed on the tiny
country: the audit must see the route (the naively hidden cell comes back exactly), and the
protected release must close it against the brute-force attacker."""

from __future__ import annotations

import pandas as pd
import pytest

from publish.disclosure import protect_indicator, protect_release
from publish.disclosure.audit import audit
from publish.disclosure.model import KEY, build_model
from schemas.registry import Detail, Registry
from tests.disclosure.conftest import TINY, inner_cells, published_cells, release
from tests.disclosure.test_model_exact import brute_force_intervals, tiny_indicator

QUARTERLY = Detail.model_validate(
    {
        "national": {"periods": ["year", "quarter"], "breakdowns": ["year"]},
        "region": {"periods": ["year", "quarter"]},
        "province": {"periods": ["year", "quarter"]},
    }
)


def counts_with(events: dict[tuple, int]) -> dict[tuple, int]:
    counts = dict.fromkeys(inner_cells(), 0)
    counts.update(events)
    return counts


def naive_audit(frame: pd.DataFrame, spec: Detail, hidden_cells: list[tuple]) -> dict:
    """The attacker's intervals when exactly `hidden_cells` are hidden."""
    model = build_model(frame, spec, TINY)
    index = {k: i for i, k in enumerate(model.keys)}
    hidden = sorted(index[c] for c in hidden_cells)
    values = {j: frame.numerator.iat[j] for j in range(len(frame)) if j not in set(hidden)}
    result = audit(model, {"numerator": values}, hidden)
    return {model.keys[i.column]: (i.low, i.high) for i in result.intervals}


def true_value(counts, cell) -> int:
    from tests.disclosure.conftest import contains

    return sum(n for event, n in counts.items() if contains(cell, event))


def assert_route_closed(frame: pd.DataFrame, spec: Detail) -> None:
    keys, _ = protect_indicator(tiny_indicator(spec), frame, TINY)
    primary = {
        tuple(r) for r in frame[frame.obs_status == "suppressed"][KEY].itertuples(index=False)
    }
    for cell, (low, high) in brute_force_intervals(frame, keys).items():
        assert high - low > 1e-6 or high <= 1e-6, cell  # a hidden zero may show as zero
        if cell in primary:
            assert high - low >= 5 - 1e-6, (cell, low, high)


def full_release(counts, spec):
    frame = release(counts, published_cells(spec), min_cell=0)  # values of every cell
    primary = release(counts, published_cells(spec))  # primary suppression applied
    return frame, primary


def test_region_after_the_switch_is_the_sum_of_its_2025_provinces():
    # 2025-Q4: region S = Y + Z; Y has 1 event
    counts = counts_with({("2025-Q4", "Y", "male"): 1, ("2025-Q4", "Z", "female"): 6,
                          ("2025-Q4", "X", "male"): 7})  # fmt: skip
    frame, primary = full_release(counts, QUARTERLY)
    y = ("quarter", "2025-Q4", "province_2025", "Y", "_T", "_T")
    assert naive_audit(frame, QUARTERLY, [y])[y] == (1.0, 1.0)
    assert_route_closed(primary, QUARTERLY)


def test_an_unmerged_province_is_one_cell_in_both_schemes():
    # C (2004) and Y (2025) are the same territory before the switch
    counts = counts_with({("2024-Q2", "C", "female"): 6, ("2024-Q1", "D", "male"): 9,
                          ("2024-Q3", "A", "male"): 2})  # fmt: skip
    frame, primary = full_release(counts, QUARTERLY)
    y = ("year", "2024", "province_2025", "Y", "_T", "_T")
    assert naive_audit(frame, QUARTERLY, [y])[y] == (6.0, 6.0)
    assert_route_closed(primary, QUARTERLY)


def test_an_old_province_is_its_region_minus_the_new_provinces_beside_it():
    # before the switch region S = B + C + D, and Y = C, Z = D: B = S - Y - Z even when every
    # 2004 province of S is hidden
    counts = counts_with({("2024-Q1", "B", "male"): 3, ("2024-Q2", "C", "female"): 7,
                          ("2024-Q2", "D", "female"): 8, ("2024-Q4", "A", "male"): 9})  # fmt: skip
    frame, primary = full_release(counts, QUARTERLY)
    hidden = [("year", "2024", "province_2004", code, "_T", "_T") for code in "BCD"]
    assert naive_audit(frame, QUARTERLY, hidden)[hidden[0]] == (3.0, 3.0)
    assert_route_closed(primary, QUARTERLY)


def test_non_negativity_forces_zeros():
    # the year equals its first quarter, so the other quarters are 0 although hidden
    counts = counts_with({("2024-Q1", "A", "male"): 10, ("2024-Q1", "C", "female"): 2})
    frame, _ = full_release(counts, QUARTERLY)
    quarters = [("quarter", f"2024-Q{q}", "national", "VN", "_T", "_T") for q in (2, 3, 4)]
    intervals = naive_audit(frame, QUARTERLY, quarters)
    assert all(intervals[q] == (0.0, 0.0) for q in quarters)
    # and a small cell whose neighbours are all zero is not protected by hiding them
    c = ("quarter", "2024-Q1", "province_2004", "C", "_T", "_T")
    zeros = [("quarter", "2024-Q1", "province_2004", "B", "_T", "_T"), c]
    assert naive_audit(frame, QUARTERLY, zeros)[c] == (2.0, 2.0)
    _, primary = full_release(counts, QUARTERLY)
    assert_route_closed(primary, QUARTERLY)


def count_and_rate(extra: int = 0) -> tuple[pd.DataFrame, Registry]:
    """A count (IND-98) and its rate (IND-98b, same cells), one small cell among them, and their
    registry; `extra` more events in province D."""
    counts = counts_with({("2024-Q1", "A", "male"): 2, ("2024-Q2", "B", "female"): 9,
                          ("2024-Q3", "C", "male"): 11,
                          ("2024-Q4", "D", "male"): 6 + extra})  # fmt: skip
    yearly = {"periods": ["year"]}
    spec = Detail.model_validate({"national": yearly, "region": yearly, "province": yearly})
    cells = [c for c in published_cells(spec) if c[1] == "2024"]
    count = release(counts, cells).assign(indicator_code="IND-98", denominator=float("nan"))
    rate = count.assign(indicator_code="IND-98b", denominator=1000.0)
    text = {"vi": "x", "en": "x"}
    common = {"name": text, "definition": text, "numerator": text, "unit_label": text,
              "decimals": 0, "direction": "none", "periodicity": ["year"],
              "source": "hotline_111", "plan_activity": "4a",
              "detail": spec.model_dump()}  # fmt: skip
    registry = Registry.model_validate(
        {
            "programmes": [],
            "indicators": [
                common
                | {
                    "code": "IND-98",
                    "slug": "cases",
                    "unit": "count",
                    "factor": 1,
                    "disclosure": {"min_cell": 5},
                },
                common
                | {
                    "code": "IND-98b",
                    "slug": "case_rate",
                    "unit": "per_1000_children",
                    "factor": 1000,
                    "denominator": text,
                    "disclosure": {
                        "min_cell": 5,
                        "same_cells_as": "cases",
                        "denominator_is_public": True,
                    },
                },
            ],
        }  # fmt: skip
    )
    return pd.concat([count, rate], ignore_index=True), registry


def test_a_rate_hides_with_its_count_including_the_complementary_cells():
    values, registry = count_and_rate()
    protected, figures = protect_release(values, registry, TINY)
    assert [f.indicator_code for f in figures] == ["IND-98"]
    assert figures[0].secondary >= 1
    hidden = protected[protected.obs_status == "suppressed"]
    by_code = {code: set(map(tuple, rows[KEY].itertuples(index=False)))
               for code, rows in hidden.groupby("indicator_code")}  # fmt: skip
    assert by_code["IND-98"] == by_code["IND-98b"]
    assert hidden[["value", "numerator", "denominator"]].isna().all().all()


def test_the_audit_fails_the_release_it_cannot_repair(monkeypatch):
    import publish.disclosure as disclosure

    counts = counts_with({("2024-Q1", "A", "male"): 2, ("2024-Q2", "C", "female"): 9})
    frame = release(counts, published_cells(QUARTERLY))
    monkeypatch.setattr(disclosure, "MAX_REPAIRS", 0)
    # no complementary suppression at all: the greedy step is switched off
    monkeypatch.setattr(disclosure, "secondary_suppression", lambda *a, **k: set())
    with pytest.raises(disclosure.DisclosureError, match="narrower than 5"):
        protect_indicator(tiny_indicator(QUARTERLY), frame, TINY)
