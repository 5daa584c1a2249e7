select
    source,
    period,
    province_code,
    province_scheme,
    period_start,
    period_end,
    due_date
from {{ source('ingestion', 'raw_ingestion__expected_reports') }}
