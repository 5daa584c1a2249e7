select
    province_code,
    province_scheme,
    report_quarter,
    event_date,
    audience,
    mode,
    participants_male,
    participants_female,
    participants_total,
    pre_test_score,
    post_test_score,
    _source_file as source_file
from {{ source('training', 'raw_training__events') }}
