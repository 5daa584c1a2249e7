select
    province_code,
    name_vi,
    name_ascii,
    region6_code,
    region6_is_proposed
from {{ ref('ref_provinces_2025') }}
