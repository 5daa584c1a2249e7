"""What a reader may choose on an indicator page: only the disaggregation combinations the
release publishes (sex × age band are not crossed in every indicator). Pure queries."""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.queries import NATIONAL
from dashboard.release import TOTAL, Release, dimension_columns


def dimension_combinations(release: Release, slug: str) -> list[dict[str, str]]:
    """The disaggregation combinations the release publishes for `slug` nationally (sex ×
    age band are not crossed in every indicator: only real combinations are offered)."""
    values = release.values
    rows = values[(values["slug"] == slug) & (values["geo_scheme"] == NATIONAL)]
    columns = dimension_columns(values)
    if not columns or rows.empty:
        return [{}]
    unique = rows[columns].astype(str).drop_duplicates()
    return unique.to_dict("records")


def dimension_choices(
    combinations: list[dict[str, str]],
    dimensions: Mapping[str, list[str]],
    chosen: Mapping[str, str],
    keep: str | None = None,
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(a published selection, the values each dimension may take beside the others).

    `chosen` is kept when published; else the dimension `keep` (the one just changed) keeps
    its value and the others return to their total."""
    chosen = {d: chosen.get(d, TOTAL) for d in dimensions}

    def published(selection: Mapping[str, str]) -> bool:
        return any(all(c.get(d, TOTAL) == v for d, v in selection.items()) for c in combinations)

    if not published(chosen):
        chosen = {d: (v if d == keep else TOTAL) for d, v in chosen.items()}
    options = {
        d: [v for v in values if published({**chosen, d: v})] for d, values in dimensions.items()
    }
    return chosen, options
