"""`make run`'s pipeline: write the sample if needed, prepare dbt, run every asset in Dagster.

    python -m orchestration.run_all [--scale 1] [--no-sample]

A second run reuses what is there: the sample is kept when its seed, scale and generator
version match, files already in the ledger are skipped, and only what new files touch is rebuilt
(orchestration/incremental.py); with no new file, the current release stays.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from orchestration import settings

SAMPLE_SEED = 830


def _say(message: str) -> None:
    print(f"==> {message}", flush=True)


def ensure_sample(scale: float, seed: int = SAMPLE_SEED) -> None:
    from ingestion.sample import GENERATOR_VERSION, SAMPLE_MARKER, generate

    landing = settings.landing_dir()
    marker = landing / SAMPLE_MARKER
    if marker.exists():
        written = json.loads(marker.read_text(encoding="utf-8"))
        wanted = {"scale": scale, "seed": seed, "generator_version": GENERATOR_VERSION}
        if all(written.get(key) == value for key, value in wanted.items()):
            _say(f"Sample sources already in {landing} (scale {scale}), reused")
            return
        if written.get("generator_version") != GENERATOR_VERSION:
            _say(f"The sample in {landing} was written by an older generator: rewriting it")
    _say(f"Writing the sample sources (scale {scale}, seed {seed}) into {landing}")
    summary = generate(landing, scale=scale, seed=seed, progress=lambda m: _say(f"  {m}"))
    _say(f"Sample written in {summary.seconds:.0f} s")


def _fail_runs_left_started(instance) -> None:
    """A run still STARTED when a new pipeline starts was killed with its process (runs are
    in process and serial here): mark it failed so the Dagster UI does not show it running."""
    import dagster as dg

    for run in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
        instance.report_run_failed(run)
        _say(f"Marked run {run.run_id} failed: it was left running by a killed process")


def run_pipeline() -> str:
    """Run the 'everything' job in process on the persistent Dagster instance."""
    import dagster as dg

    from orchestration.prepare import prepare

    settings.data_dir().mkdir(parents=True, exist_ok=True)
    if os.environ.get("DAGSTER_HOME"):  # `make clean` removes it with data/
        Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    settings.restrict_private_dirs()
    _say("Parsing the dbt project")
    if not prepare():
        _say("dbt project unchanged since its last parse: manifest reused")
    from orchestration.definitions import defs
    from orchestration.defs.ingestion import RAW_SELECTION, load_all_partitions
    from orchestration.incremental import (
        changed_keys,
        downstream_selection,
        forget_build,
        project_fingerprint,
        record_build,
        recorded_fingerprint,
    )
    from publish import release

    _fail_runs_left_started(dg.DagsterInstance.get())

    _say("Running the pipeline in Dagster: ingest -> dbt build -> publish")
    instance = dg.DagsterInstance.get()
    fingerprint = project_fingerprint()
    full = recorded_fingerprint() != fingerprint
    has_release = release.current_release(settings.publish_dir()) is not None
    # Until this run succeeds, the next one rebuilds everything: a kill after ingestion must
    # not leave newly loaded files (skipped next time) out of the build.
    forget_build()
    # Partitioned raw tables: the assets and partitions with new or changed files, one run per
    # ingestion job (none when nothing is new).
    run_ids = load_all_partitions(defs, instance)
    everything = defs.resolve_job_def("everything")
    if full:
        _say("Building everything (no earlier build, or the project changed since it)")
        selection = None
    else:
        changed = changed_keys(instance, run_ids)
        if not changed and has_release:
            _say("No new data and no change to the project since the last build: release kept")
            record_build(fingerprint)
            return run_ids[-1] if run_ids else ""
        selection = downstream_selection(defs, changed, RAW_SELECTION) if changed else []
        if changed:
            names = ", ".join(sorted(key.to_user_string() for key in changed))
            _say(f"New data in {names}: rebuilding the {len(selection)} assets that depend on it")
        if not has_release:  # the warehouse is built; the release is missing
            _say("No current release: publishing one from the built warehouse")
            selection = sorted(
                {*selection, dg.AssetKey("release")}, key=lambda key: key.to_user_string()
            )
    result = everything.execute_in_process(instance=instance, asset_selection=selection)
    if not result.success:
        raise SystemExit("The pipeline failed; see the Dagster log above (or `make dev`).")
    record_build(fingerprint)
    return result.run_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--no-sample", action="store_true", help="use the landing folder as is")
    args = parser.parse_args(argv)
    started = time.monotonic()
    if not args.no_sample:
        ensure_sample(args.scale)
    run_id = run_pipeline()
    current = (settings.publish_dir() / "current").resolve()
    ran = f"Dagster run {run_id}" if run_id else "no Dagster run: no new landing file"
    _say(f"Pipeline finished in {time.monotonic() - started:.0f} s ({ran})")
    _say(f"Release: {current}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
