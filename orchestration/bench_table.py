"""The figures of `make bench` (orchestration/bench.py) as a Markdown table, each beside the
target issue #11 sets for it (this 2-core machine), or "—" where it sets none."""

from __future__ import annotations


def _row(what: str, figure: object, target: str = "—") -> str:
    return f"| {what} | {figure} | {target} |"


def _pipeline_rows(name: str, run: dict) -> list[str]:
    steps = run.get("steps", {})
    rows = [
        _row(f"{name}: start-up (Python, imports)", f"{run['start_up']} s"),
        _row(f"{name}: dbt parse and Dagster definitions loaded", f"{run['dbt_parse']} s"),
    ]
    for step, seconds in steps.items():
        target = "≤ 3 s" if step == "release" else "—"
        rows.append(_row(f"{name}: step `{step}`", f"{seconds} s", target))
    rows.append(
        _row(f"{name}: Dagster overhead (outside every step)", f"{run['dagster_overhead']} s")
    )
    rows.append(_row(f"{name}: peak memory, largest process (resident)",
                     f"{run['peak_rss_mib']} MiB"))  # fmt: skip
    rows.append(_row(f"{name}: peak memory, all its processes together (PSS, sampled)",
                     f"{run.get('peak_tree_mib', '?')} MiB", "≤ 4 GiB at scale 10"))  # fmt: skip
    return rows


def markdown(figures: dict) -> str:
    pipeline, floor, incremental = figures["pipeline"], figures["floor"], figures["incremental"]
    lines = [
        f"Machine: {figures['machine']}; sample at scale {figures['scale']}.",
        "",
        "| figure | measured | target (#11) |",
        "|---|---|---|",
        _row("generate the sample", f"{figures['generate_s']} s"),
        _row("**pipeline to a published release**", f"**{pipeline['seconds']} s**", "≤ 60 s"),
        *_pipeline_rows("pipeline", pipeline),
        _row("floor: one DuckDB script over the landing files", f"{floor['seconds']} s"),
        _row("floor figures equal to the release's", floor["figures_equal_to_release"]),
        _row(
            "pipeline ÷ floor (same scale)",
            f"{pipeline['seconds'] / floor['seconds']:.1f}×",
            "marginal (scale 10 − scale 1) ≤ 3× the floor's",
        ),  # fmt: skip
        _row(
            "**incremental: one corrected month to a new release**",
            f"**{incremental['seconds']} s ({incremental['fraction_of_full']:.0%} of full)**",
            "≤ 15% of the full build",
        ),  # fmt: skip
        *_pipeline_rows("incremental", incremental),
    ]
    site = figures.get("site")
    if site:
        load = site["pass_2"]
        lines += [
            _row(f"site: {site['clients']} clients, page callbacks (warm), p50 / p95 / p99",
                 f"{load['p50_ms']} / {load['p95_ms']} / {load['p99_ms']} ms", "p95 ≤ 150 ms"),
            _row("site: throughput (warm)", f"{load['throughput_rps']} req/s", "≥ 200 req/s"),
            _row("site: errors (both passes)", site["pass_1"]["errors"] + load["errors"], "0"),
            _row("site: first pass (caches empty), p95 / throughput",
                 f"{site['pass_1']['p95_ms']} ms / {site['pass_1']['throughput_rps']} req/s"),
        ]  # fmt: skip
        for path, visit in site.get("cold_visit", {}).items():
            kind = "indicator page" if "/indicators/" in path else f"page {path}"
            target_bytes, target_chart = (
                ("≤ 1.5 MB", "≤ 1.5 s") if kind == "indicator page" else ("—", "—")
            )
            lines += [
                _row(f"cold visit, {kind}: transferred (compressed, {visit['requests']} requests)",
                     f"{visit['bytes'] / 1e6:.2f} MB", target_bytes),
                _row(f"cold visit, {kind}: first chart drawn",
                     f"{visit['first_chart_ms'] / 1000:.2f} s", target_chart),
            ]  # fmt: skip
    lines += _heavy_rows(figures.get("site_heavy")) + _test_rows(figures.get("tests"))
    return "\n".join(lines)


def _heavy_rows(heavy: dict | None) -> list[str]:
    if not heavy:
        return []
    home = heavy["home"]
    rows = [
        _row(f"site: home page during {heavy['expensive_clients']} concurrent expensive requests,"
             f" p50 / p95 ({home['requests']} requests, {home['errors']} errors)",
             f"{home['p50_ms']} / {home['p95_ms']} ms", "p95 ≤ 300 ms"),
    ]  # fmt: skip
    for kind, answer in heavy["expensive"].items():
        statuses = ", ".join(f"{n}× {status}" for status, n in sorted(answer["statuses"].items()))
        rows.append(_row(f"site: expensive `{kind}` ({statuses}), p50 / slowest",
                         f"{answer['p50_ms']} / {answer['max_ms']} ms"))  # fmt: skip
    return rows


def _test_rows(tests: dict | None) -> list[str]:
    if not tests:
        return []
    rows = [_row("**`make test`, sum of its layers**", f"**{tests['total_s']} s**", "≤ 8 min")]
    for layer, run in tests.items():
        if layer != "total_s":
            failed = "" if run["exit_code"] == 0 else f", exit {run['exit_code']}"
            rows.append(_row(f"tests: {layer} ({run['summary']}{failed})", f"{run['seconds']} s"))
    return rows
