select
    item_id,
    confirmed_date,
    intake_channel,
    media_type,
    _source_file as source_file
from {{ source('csam', 'raw_csam__items') }}
