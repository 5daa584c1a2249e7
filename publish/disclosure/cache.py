"""The disclosure solution of each indicator, kept between releases and reused when its inputs
are unchanged.

Disclosure control is a pure function of an indicator's cells (pub_indicator_values, primary
suppression applied), its registry entry, the public province lists and this package's code:
`protect_indicator` is deterministic. A release that changes one month of one source changes the
cells of a few indicators only; the others get back, from here, exactly the cells to hide and the
audit's figures the same inputs gave before, without solving the linear programmes again.

An entry is `<folder>/<sha256 of every input>.json`; a different input is a different name, so an
entry is never stale. Entries hold cell keys (period, geography, breakdown) and the audit's
figures: nothing a release does not publish. `prune` keeps only the latest release's entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from publish.disclosure.geography import Geography

_CODE = sorted(Path(__file__).parent.glob("*.py")) + [
    Path(__file__).parents[2] / "schemas" / "registry.py"
]


def input_key(indicator, cells: pd.DataFrame, geography: Geography, after: str = "") -> str:
    """sha256 of everything `protect_indicator` reads: the code, the indicator's registry entry
    and published detail, the public province lists, every column of its cells, and `after`,
    the input key of the indicator its `at_most` names (whose solution it is protected against)."""
    digest = hashlib.sha256()
    for source in _CODE:
        digest.update(source.read_bytes())
    digest.update(indicator.model_dump_json().encode())
    digest.update(indicator.published_detail().model_dump_json().encode())
    lists = (geography.region_2004, geography.successor, geography.region_2025)
    digest.update(repr([sorted(d.items()) for d in lists] + [str(geography.switch)]).encode())
    digest.update(cells.reset_index(drop=True).to_csv(index=False).encode())
    digest.update(after.encode())
    return digest.hexdigest()


def load(folder: Path | None, key: str) -> tuple[set[tuple], dict] | None:
    """(cell keys to hide, audit figures) stored under `key`, or None."""
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {tuple(k) for k in entry["hide"]}, entry["figures"]


def store(folder: Path | None, key: str, hide: set[tuple], figures: dict) -> None:
    """Write an entry atomically (a killed publish leaves no half entry)."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    entry = {"hide": sorted(list(k) for k in hide), "figures": figures}
    partial = folder / f".{key}.{os.getpid()}.tmp"
    partial.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, folder / f"{key}.json")


def prune(folder: Path | None, keep: set[str]) -> None:
    """Remove every entry (and a killed publish's partial file) but `keep`."""
    if folder is None or not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.startswith(".") or path.stem not in keep:
            path.unlink(missing_ok=True)
