-- The reference file marks a proposed region that the new province straddles as
-- "<code> (ambiguous)": keep the code, and say so in a flag.
select
    province_code,
    name_vi,
    name_ascii,
    {{ dbt.split_part('region6_code', "' '", 1) }} as region6_code,
    region6_code like '%(ambiguous)%' as is_region6_ambiguous,
    region6_is_proposed
from {{ ref('ref_provinces_2025') }}
