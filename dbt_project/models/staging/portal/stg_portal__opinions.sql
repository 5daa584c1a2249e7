-- Children's opinions submitted on the portal ("Bày tỏ nguyện vọng"): when, where from, and
-- when they were answered. The message and the sender never reach the warehouse.
select
    opinion_id,
    submitted_at,
    submitted_date,
    province_code,
    province_scheme,
    child_age_band,
    topic,
    is_answered,
    answered_at,
    _source_file as source_file
from {{ source('portal', 'raw_portal__opinions') }}
