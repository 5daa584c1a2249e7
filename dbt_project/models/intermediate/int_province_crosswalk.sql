-- Every province code in either scheme, with its 2004 code (if any), its 2025 code and region.
select
    'province_2004' as province_scheme,
    province_code,
    province_code as province_code_2004,
    successor_code_2025 as province_code_2025,
    region6_code
from {{ ref('stg_reference__provinces_2004') }}

union all

select
    'province_2025' as province_scheme,
    province_code,
    cast(null as {{ dbt.type_string() }}) as province_code_2004,
    province_code as province_code_2025,
    region6_code
from {{ ref('stg_reference__provinces_2025') }}
