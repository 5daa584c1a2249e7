select
    contact_id,
    received_at,
    received_date,
    channel,
    caller_type,
    province_code,
    province_scheme,
    outcome,
    is_online_related,
    _source_file as source_file
from {{ source('hotline', 'raw_hotline__contacts') }}
