-- Children under 16 by geography: the 2019 census population times the national child share.
-- An approximation (the child share differs between provinces), constant over the years; every
-- indicator that divides by it says so in its caveats.
with provinces as (
    select
        province_code,
        successor_code_2025,
        region6_code,
        population_2019 * {{ var('child_share_2019') }} as children_estimated
    from {{ ref('stg_reference__provinces_2004') }}
)

select 'national' as geo_scheme, 'VN' as geo_code, sum(children_estimated) as children_estimated
from provinces

union all

select 'region' as geo_scheme, region6_code as geo_code, sum(children_estimated) as children_estimated
from provinces
group by region6_code

union all

select 'province_2004' as geo_scheme, province_code as geo_code, children_estimated
from provinces

union all

select 'province_2025' as geo_scheme, successor_code_2025 as geo_code, sum(children_estimated) as children_estimated
from provinces
group by successor_code_2025
