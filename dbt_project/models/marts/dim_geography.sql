-- Every published geography, keyed by (geo_scheme, geo_code), with the years it is published for.
select
    'national' as geo_scheme,
    'VN' as geo_code,
    'Việt Nam' as name_vi,
    'Viet Nam' as name_en,
    cast(null as {{ dbt.type_string() }}) as region6_code,
    {{ var('programme_start_year') }} as first_year,
    {{ var('programme_end_year') }} as last_year

union all

select
    'province_2004' as geo_scheme,
    province_code as geo_code,
    name_vi,
    name_ascii as name_en,
    region6_code,
    {{ var('programme_start_year') }} as first_year,
    {{ var('province_2004_last_full_year') }} as last_year
from {{ ref('stg_reference__provinces_2004') }}

union all

select
    'province_2025' as geo_scheme,
    province_code as geo_code,
    name_vi,
    name_ascii as name_en,
    region6_code,
    {{ var('programme_start_year') }} as first_year,
    {{ var('programme_end_year') }} as last_year
from {{ ref('stg_reference__provinces_2025') }}
