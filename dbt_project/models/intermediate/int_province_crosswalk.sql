-- Every province code in either scheme, with its 2004 code (if one is known), its 2025 code and
-- its region on each side of the 1 July 2025 switch (geocode picks one by the event's date):
-- before it, the 2004 province's official region (for a merged 2025 province whose predecessor
-- is unknown: the predecessors' region if they shared one, else unknown); from it, the 2025
-- assignment. A 2025 province that did not merge is its one 2004 predecessor.
with predecessors as (
    select
        successor_code_2025 as province_code_2025,
        count(*) as predecessor_count,
        min(province_code) as only_predecessor,
        count(distinct region6_code) as region_count,
        min(region6_code) as shared_region
    from {{ ref('stg_reference__provinces_2004') }}
    group by successor_code_2025
)

select
    'province_2004' as province_scheme,
    old.province_code,
    old.province_code as province_code_2004,
    old.successor_code_2025 as province_code_2025,
    old.region6_code as region6_code_pre_switch,
    new.region6_code as region6_code_post_switch
from {{ ref('stg_reference__provinces_2004') }} as old
inner join {{ ref('stg_reference__provinces_2025') }} as new
    on old.successor_code_2025 = new.province_code

union all

select
    'province_2025' as province_scheme,
    new.province_code,
    case when predecessors.predecessor_count = 1 then predecessors.only_predecessor end
        as province_code_2004,
    new.province_code as province_code_2025,
    case when predecessors.region_count = 1 then predecessors.shared_region end
        as region6_code_pre_switch,
    new.region6_code as region6_code_post_switch
from {{ ref('stg_reference__provinces_2025') }} as new
inner join predecessors on new.province_code = predecessors.province_code_2025
