"""The workbook's Notes sheet is written from the registry and the reference lists: a new
threshold, a new programme or another province list changes it with no change to publish/."""

from __future__ import annotations

import inspect
import re

from openpyxl import load_workbook

import publish.formats
from publish.formats import write_xlsx
from schemas.reference import province_lists
from schemas.registry_files import load_registry

MANIFEST = {
    "release_id": "r1",
    "created_at": "2026-01-01T00:00:00Z",
    "data_as_of": "2025-12-31",
    "is_sample": True,
}


def _notes(tmp_path, registry) -> dict[str, str]:
    import pandas as pd

    path = tmp_path / "book.xlsx"
    write_xlsx(path, pd.DataFrame({"a": [1]}), pd.DataFrame({"b": [2]}), MANIFEST, registry)
    rows = load_workbook(path, read_only=True)["Notes"].iter_rows(min_row=2, values_only=True)
    return {key: text for key, text in rows}


def test_notes_name_every_programme_and_threshold_of_the_registry(tmp_path):
    registry = load_registry()
    notes = _notes(tmp_path, registry)
    for programme in registry.programmes:
        assert programme.name.vi in notes["Dữ liệu / Data"]
        assert programme.name.en in notes["Dữ liệu / Data"]
    assert "(5)" in notes["Ẩn số nhỏ / Disclosure control"]
    assert "SAMPLE DATA" in notes["Dữ liệu mẫu / Sample"]
    provinces = notes["Tỉnh / Provinces"]
    assert f"{len(province_lists().p2004)} tỉnh đến 30/06/2025" in provinces
    assert f"the {len(province_lists().p2025)} provinces" in provinces

    changed = registry.model_copy(deep=True)
    changed.indicators[0].disclosure.min_cell = 11
    changed.programmes[0].name.en = "A renamed programme"
    notes = _notes(tmp_path, changed)
    assert "(5, 11)" in notes["Ẩn số nhỏ / Disclosure control"]
    assert "A renamed programme" in notes["Dữ liệu / Data"]


def test_publish_formats_writes_no_programme_year_or_threshold():
    source = inspect.getsource(publish.formats)
    assert not re.search(r"\b(830|838|20[12]\d)\b|\(5\)|\b(63|34) (tỉnh|provinces)", source)
