"""Render the registry into dbt files, so dbt reads the registry without a hand-kept list.

`dbt_project/macros/generated/registry.sql` holds, for every indicator, its code, dbt model,
periodicities and disaggregations; `dbt_project/macros/generated/calendar.sql` the calendar (the
adopted programmes' years, the province switch date, the total and unknown codes and the category
lists of ``schemas/reference/calendar.yml``), so no year or category is written in SQL.
`dbt_project/models/generated/_registry_unit_tests.yml`
holds the dbt unit tests every indicator gets from its registry entry: a zero denominator gives
no value, and its own disclosure threshold suppresses the cell below it, not the one at it, with a
complementary cell. orchestration/prepare.py writes both before every dbt parse; they are
committed too, so a bare `dbt build` works, and a test fails if they are stale.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from schemas.reference import (
    DISAGGREGATIONS,
    SWITCH_DATE,
    TOTAL,
    TRAINING_REPORT_DUE_DAYS,
    UNKNOWN,
)
from schemas.registry import Indicator, Registry

AT_TOTAL = {dimension: TOTAL for dimension in DISAGGREGATIONS}
"""A cell's breakdown columns at their total (every breakdown of the reference data)."""

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
            "detail": i.published_detail().model_dump(),
        }
        for i in sorted(registry.indicators, key=lambda i: i.code)
    }
    return _macro(HEADER, "registry_indicators", indicators)


def _macro(header: str, name: str, value: object) -> str:
    """A dbt macro ``name()`` that returns ``value`` (JSON is valid Jinja for these values)."""
    body = json.dumps(value, indent=4, ensure_ascii=False)
    return (
        header
        + f"{{% macro {name}() %}}\n"
        + "    {{ return("
        + body.replace("\n", "\n    ")
        + ") }}\n"
        + "{% endmacro %}\n"
    )


CALENDAR_HEADER = (
    "{#- GENERATED from schemas/programmes/*.yml and schemas/reference/calendar.yml by\n"
    "    schemas/dbt_registry.py; do not edit. python -m orchestration.prepare rewrites it. -#}\n"
)


def render_calendar_macro(registry: Registry) -> str:
    """``calendar()``: the years dbt builds periods for and the shared codes and categories."""
    calendar = {
        "first_year": registry.calendar.first_year,
        "last_year": registry.calendar.last_year,
        "province_switch_date": SWITCH_DATE.isoformat(),
        "last_day_before_switch": (SWITCH_DATE - dt.timedelta(days=1)).isoformat(),
        "training_report_due_days": TRAINING_REPORT_DUE_DAYS,
        "total_code": TOTAL,
        "unknown_code": UNKNOWN,
        "disaggregations": DISAGGREGATIONS,
    }
    return _macro(CALENDAR_HEADER, "calendar", calendar)


UNIT_TESTS_HEADER = (
    "# GENERATED from schemas/indicators/*.yml by schemas/dbt_registry.py; do not edit.\n"
    "# python -m orchestration.prepare rewrites it.\n"
)
_PROVINCES = ("01", "02", "04")


def _headline(indicator: Indicator) -> tuple[str, list[str]]:
    """The period type a status is judged on and two of its periods."""
    if "school_year" in indicator.periodicity:
        return "school_year", ["2022-2023", "2023-2024"]
    return "year", ["2023", "2024"]


def _zero_denominator_test(registry: Registry) -> dict:
    given, expected = [], []
    periods, indicators = {}, []
    for indicator in sorted(registry.indicators, key=lambda i: i.code):
        period_type, (period, _) = _headline(indicator)
        periods[(period_type, period)] = int(period[-4:])
        is_rate = indicator.is_rate
        rows = [
            {"geo_scheme": "national", "geo_code": "VN", "numerator": 0,
             "denominator": 0 if is_rate else None},
            {"geo_scheme": "province_2025", "geo_code": "01", "numerator": 3,
             "denominator": 4 if is_rate else None},
        ]  # fmt: skip
        common = {"indicator_code": indicator.code, "period": period, "period_type": period_type,
                  **AT_TOTAL}  # fmt: skip
        given.append({"input": f"ref('{indicator.dbt_model}')", "rows": [common | r for r in rows]})
        indicators.append(
            {"indicator_code": indicator.code, "unit": indicator.unit, "factor": indicator.factor}
        )
        for row in rows:
            value = row["numerator"]
            if is_rate:
                value = None if row["denominator"] == 0 else 3 * indicator.factor / 4
            expected.append(
                {"indicator_code": indicator.code, "geo_code": row["geo_code"], "value": value}
            )
    given.append({"input": "ref('stg_registry__indicators')", "rows": indicators})
    given.append(
        {
            "input": "ref('dim_period')",
            "rows": [
                {"period_type": kind, "period": period, "year_number": year}
                for (kind, period), year in periods.items()
            ],
        }
    )
    given.append({"input": "ref('ref_reporting_agencies')", "rows": []})
    return {
        "name": "every_indicator_zero_denominator_gives_no_value",
        "description": (
            "For every registry indicator, a rate with a zero denominator has no value (never 0"
            " or infinity) and a count is its numerator; a rate is numerator x factor /"
            " denominator."
        ),
        "model": "int_indicator_values_unioned",
        "given": given,
        "expect": {"rows": expected},
    }


def _disclosure_test(indicator: Indicator) -> dict:
    """A national total and three provinces. With a threshold m > 0, m - 1 is suppressed, m and
    a true zero are published (complementary cells are chosen later, by publish/disclosure);
    with m = 0 nothing is."""
    m = indicator.disclosure.min_cell
    period_type, (period, _) = _headline(indicator)
    parts = (m - 1, m, 0) if m > 0 else (1, 2, 0)
    facts, expected = [], []
    cells = [("national", "VN", sum(parts))] + [
        ("province_2004", code, n) for code, n in zip(_PROVINCES, parts, strict=True)
    ]
    for scheme, code, n in cells:
        denominator = n + m + 5 if indicator.is_rate else None
        facts.append(
            {"indicator_code": indicator.code, "period": period, "period_type": period_type,
             "geo_scheme": scheme, "geo_code": code, **AT_TOTAL,
             "value": n, "numerator": n, "denominator": denominator, "status": "monitoring"}
        )  # fmt: skip
        hidden = m > 0 and code == _PROVINCES[0]
        expected.append(
            {"geo_code": code, "numerator": None if hidden else n,
             "obs_status": "suppressed" if hidden else "normal"}
        )  # fmt: skip
    what = (
        f"a cell of {m - 1} is suppressed (threshold {m}); {m} and a true zero are published"
        if m > 0
        else "nothing is suppressed (threshold 0: counts of institutions, not of children)"
    )
    return {
        "name": f"disclosure_{indicator.slug}",
        "description": f"{indicator.code}: {what}.",
        "model": "pub_indicator_values",
        "given": [
            {"input": "ref('fct_indicator_values')", "rows": facts},
            {
                "input": "ref('stg_registry__indicators')",
                "rows": [
                    {
                        "indicator_code": indicator.code,
                        "slug": indicator.slug,
                        "min_cell": m,
                        "denominator_is_public": indicator.disclosure.denominator_is_public,
                    }
                ],
            },  # fmt: skip
            {
                "input": "ref('dim_geography')",
                "rows": [
                    {"geo_scheme": scheme, "geo_code": code, "name_vi": code}
                    for scheme, code in [("national", "VN")]
                    + [("province_2004", c) for c in _PROVINCES]
                ],
            },
        ],
        "expect": {"rows": expected},
    }


def render_unit_tests(registry: Registry) -> str:
    tests = [_zero_denominator_test(registry)] + [
        _disclosure_test(i) for i in sorted(registry.indicators, key=lambda i: i.code)
    ]
    body = yaml.safe_dump(
        {"unit_tests": tests}, allow_unicode=True, sort_keys=False, default_flow_style=None,
        width=100,
    )  # fmt: skip
    return UNIT_TESTS_HEADER + body


def _write(target: Path, text: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def write_generated(registry: Registry, dbt_project_dir: Path) -> list[Path]:
    """Write the generated macro and unit tests (only when they changed)."""
    return [
        _write(dbt_project_dir / "macros" / "generated" / "registry.sql",
               render_registry_macro(registry)),
        _write(dbt_project_dir / "macros" / "generated" / "calendar.sql",
               render_calendar_macro(registry)),
        _write(dbt_project_dir / "models" / "generated" / "_registry_unit_tests.yml",
               render_unit_tests(registry)),
    ]  # fmt: skip
