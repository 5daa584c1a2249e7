select
    file_path,
    source,
    status,
    period,
    province_code,
    version,
    reported_date,
    received_at
from {{ source('ingestion', 'raw_ingestion__ledger') }}
