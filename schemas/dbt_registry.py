"""Render the registry into a dbt macro, so dbt reads the registry without a hand-kept list.

`dbt_project/macros/generated/registry.sql` holds, for every indicator, its code, dbt model,
periodicities and disaggregations. orchestration/prepare.py writes it before every dbt parse; it
is committed too, so a bare `dbt build` works, and a test fails if it is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas.registry import Registry

HEADER = (
    "{#- GENERATED from schemas/indicators/*.yml by schemas/dbt_registry.py; do not edit.\n"
    "    python -m orchestration.prepare rewrites it. -#}\n"
)


def render_registry_macro(registry: Registry) -> str:
    indicators = {
        i.slug: {
            "code": i.code,
            "model": i.dbt_model,
            "periodicity": list(i.periodicity),
            "disaggregations": list(i.disaggregations),
        }
        for i in sorted(registry.indicators, key=lambda i: i.code)
    }
    body = json.dumps(indicators, indent=4, ensure_ascii=False)
    return (
        HEADER
        + "{% macro registry_indicators() %}\n"
        + "    {{ return("
        + body.replace("\n", "\n    ")
        + ") }}\n"
        + "{% endmacro %}\n"
    )


def write_registry_macro(registry: Registry, dbt_project_dir: Path) -> Path:
    target = dbt_project_dir / "macros" / "generated" / "registry.sql"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = render_registry_macro(registry)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target
