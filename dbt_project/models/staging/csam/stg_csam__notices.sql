select
    notice_id,
    item_id,
    platform,
    matched_at,
    notice_sent_at,
    notice_date,
    removed_at,
    _source_file as source_file
from {{ source('csam', 'raw_csam__notices') }}
