select
    region6_code,
    name_vi,
    name_en
from {{ ref('ref_regions6') }}
