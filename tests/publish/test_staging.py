"""A publish killed halfway leaves a hidden staging folder of read-only files; the next publish
removes it before writing its own (issue 10, item 10)."""

from __future__ import annotations

from publish.release import _remove_stale_staging


def test_a_killed_publishs_staging_folder_is_removed(tmp_path):
    releases = tmp_path / "releases"
    stale = releases / ".staging-20250101T000000Z-deadbeef"
    stale.mkdir(parents=True)
    (stale / "indicator_values.csv").write_text("half a release")
    (stale / "indicator_values.csv").chmod(0o444)
    kept = releases / "20250101T000000Z-cafebabe"
    kept.mkdir()
    (kept / "manifest.json").write_text("{}")
    _remove_stale_staging(releases)
    assert not stale.exists()
    assert (kept / "manifest.json").read_text() == "{}"
