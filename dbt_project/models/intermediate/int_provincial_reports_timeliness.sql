-- Every expected provincial report (source x province x quarter), whether a report is loaded
-- and whether it came by its due date (quarter end + 15 days). The report's own date
-- ("Ngày báo cáo") counts; without one, the day the file reached the landing folder.
with received as (
    select
        source as ledger_source,
        period,
        province_code,
        min(coalesce(reported_date, cast(received_at as date))) as first_reported_date
    from {{ ref('stg_ingestion__ledger') }}
    where
        source in ('{{ provincial_report_sources().values() | join("', '") }}')
        and status in ('loaded', 'superseded')
    group by source, period, province_code
)

select
    expected.source,
    expected.report_quarter,
    expected.period_start,
    expected.due_date,
    expected.province_code,
    expected.province_scheme,
    received.first_reported_date,
    received.period is not null as is_received,
    coalesce(received.first_reported_date <= expected.due_date, false) as is_on_time
from {{ ref('int_provincial_reports_expected') }} as expected
left join received
    on expected.ledger_source = received.ledger_source
    and expected.report_quarter = received.period
    and expected.province_code = received.province_code
