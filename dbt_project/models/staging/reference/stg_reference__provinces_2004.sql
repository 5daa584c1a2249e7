select
    province_code,
    name_vi,
    name_ascii,
    region6_code,
    successor_code_2025
from {{ ref('ref_provinces_2004') }}
