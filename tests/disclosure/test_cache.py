"""A release whose inputs did not change gets the earlier solution back, and exactly it; a changed
cell is solved again; only the latest release's solutions are kept."""

from __future__ import annotations

import pandas as pd
import pytest

import publish.disclosure as disclosure
from publish.disclosure import protect_release
from tests.disclosure.conftest import TINY
from tests.disclosure.test_attack_routes import count_and_rate


def _figures(figures) -> list[dict]:
    return [{k: v for k, v in vars(f).items() if k not in ("seconds", "cached")} for f in figures]


def _never_solve(*args, **kwargs):
    raise AssertionError("solved again although the inputs are unchanged")


def test_unchanged_inputs_reuse_the_solution_exactly(tmp_path, monkeypatch):
    values, registry = count_and_rate()
    uncached, uncached_figures = protect_release(values, registry, TINY)
    first, first_figures = protect_release(values, registry, TINY, cache_dir=tmp_path)
    assert [f.cached for f in first_figures] == [False]
    assert len(list(tmp_path.glob("*.json"))) == 1

    monkeypatch.setattr(disclosure, "protect_indicator", _never_solve)
    second, second_figures = protect_release(values, registry, TINY, cache_dir=tmp_path)
    assert [f.cached for f in second_figures] == [True]
    for frame in (first, second):
        pd.testing.assert_frame_equal(frame, uncached)
    assert _figures(second_figures) == _figures(first_figures) == _figures(uncached_figures)
    assert (second.obs_status == "suppressed").sum() > (values.obs_status == "suppressed").sum()


def test_a_changed_cell_is_solved_again_and_the_old_solution_dropped(tmp_path, monkeypatch):
    values, registry = count_and_rate()
    protect_release(values, registry, TINY, cache_dir=tmp_path)
    before = {p.name for p in tmp_path.glob("*.json")}

    changed, _ = count_and_rate(extra=3)  # D's count 6 -> 9: other cells, other complements
    monkeypatch.setattr(disclosure, "protect_indicator", _never_solve)
    with pytest.raises(AssertionError, match="solved again"):
        protect_release(changed, registry, TINY, cache_dir=tmp_path)
    monkeypatch.undo()
    protected, figures = protect_release(changed, registry, TINY, cache_dir=tmp_path)
    assert [f.cached for f in figures] == [False]
    after = {p.name for p in tmp_path.glob("*.json")}
    assert len(after) == 1 and after != before  # pruned: only this release's solution stays
    expected, _ = protect_release(changed, registry, TINY)
    pd.testing.assert_frame_equal(protected, expected)


def test_a_damaged_entry_is_solved_again(tmp_path):
    values, registry = count_and_rate()
    protect_release(values, registry, TINY, cache_dir=tmp_path)
    (entry,) = tmp_path.glob("*.json")
    entry.write_text('{"hide": [', encoding="utf-8")  # a truncated file
    protected, figures = protect_release(values, registry, TINY, cache_dir=tmp_path)
    assert [f.cached for f in figures] == [False]
    pd.testing.assert_frame_equal(protected, protect_release(values, registry, TINY)[0])
