select
    session_date,
    province_code,
    province_scheme,
    sessions,
    users,
    page_views,
    _source_file as source_file
from {{ source('portal', 'raw_portal__traffic') }}
