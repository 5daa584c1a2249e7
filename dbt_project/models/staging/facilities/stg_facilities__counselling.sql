select
    province_code,
    province_scheme,
    report_quarter,
    counselled_month,
    age_band,
    counselled_total,
    online_male,
    online_female,
    online_total,
    _source_file as source_file
from {{ source('facilities', 'raw_facilities__counselling') }}
