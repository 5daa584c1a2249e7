"""Asset checks of the raw tables: the ledger balances, row counts per period, data freshness."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from ingestion import quality
from ingestion.load import RAW_TABLES, ensure_tables
from ingestion.sources import SOURCES
from orchestration import settings
from orchestration.defs.ingestion.partitioned import DBT_SOURCE, raw_asset_key

FRESH_DAYS = {"monthly": 40, "quarterly": 92 + 15 + 15, "school_year": 365 + 92}
"""How old (days from its end to the data's "today") the newest loaded period may be: a month's
export is expected within 10 days, a quarter's reports within 15 days of the quarter's end, a
school year's register in the summer after it."""


def build_checks(source: str) -> list[dg.AssetChecksDefinition]:
    """The three checks of ``source``'s raw asset."""
    table = RAW_TABLES[source]
    key = raw_asset_key(source)
    cadence = SOURCES[source].cadence

    @dg.asset_check(
        asset=key,
        name="ledger_balances",
        description="Every file: rows read = loaded + rejected; the raw table and the rejects "
        "hold exactly the current files' rows; superseded files left none.",
    )
    def _ledger_balances(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            ensure_tables(con)
            unbalanced = quality.unbalanced_files(con, table)
            mismatched = quality.ledger_mismatches(con, table)
        return dg.AssetCheckResult(
            passed=not unbalanced and not mismatched,
            metadata={"unbalanced_files": unbalanced, "ledger_vs_table": mismatched},
        )

    @dg.asset_check(
        asset=key,
        name="row_counts",
        description=f"No {cadence} period without rows, none far below the source's median "
        f"(< {quality.LOW_SHARE:.0%}); a WARN, not a failure.",
    )
    def _row_counts(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            ensure_tables(con)
            counts = quality.row_counts(con, source)
        return dg.AssetCheckResult(
            passed=not counts.empty and not counts.low,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "periods": len(counts.per_period),
                "median_rows": counts.median,
                "empty_periods": counts.empty,
                "low_periods": counts.low,
            },
        )

    @dg.asset_check(
        asset=key,
        name="fresh_in_data_time",
        description=f"The newest loaded period ends at most {FRESH_DAYS[cadence]} days before "
        "the data's own today (the sample's last month; the calendar date for real data).",
    )
    def _fresh(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            ensure_tables(con)
            newest = quality.newest_period(con, source)
        as_of = quality.as_of_date(settings.landing_dir())
        age = quality.staleness_days(newest, as_of)
        return dg.AssetCheckResult(
            passed=age is not None and age <= FRESH_DAYS[cadence],
            severity=dg.AssetCheckSeverity.WARN,
            metadata={"newest_period": newest or "", "as_of": as_of.isoformat(), "age_days": age},
        )

    return [_ledger_balances, _row_counts, _fresh]


RAW_CHECKS = [check for source in DBT_SOURCE for check in build_checks(source)]
