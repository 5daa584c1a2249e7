-- Every published geography, keyed by (geo_scheme, geo_code), with the dates it is valid for:
-- the 63 provinces of 2004 from 1 August 2008 (when Hà Tây joined Hà Nội, leaving 63) until
-- the day before the switch (calendar(): 30 June 2025); the 34 provinces of 2025 for the same span and after (harmonised: every earlier
-- province rolls up exactly into one of them). A period is published for a geography only if it
-- lies wholly inside these dates (school year 2020-2021 starts before the programme does).
{%- set sixty_three_from = "cast('2008-08-01' as date)" %}
{%- set programme_end = "cast('" ~ calendar().last_year ~ "-12-31' as date)" %}
{%- set last_day_2004 = "cast('" ~ calendar().last_day_before_switch ~ "' as date)" %}
{%- set unknown = "'" ~ calendar().unknown_code ~ "'" %}
select
    'national' as geo_scheme,
    'VN' as geo_code,
    'Việt Nam' as name_vi,
    'Viet Nam' as name_en,
    cast(null as {{ dbt.type_string() }}) as region6_code,
    {{ sixty_three_from }} as valid_from,
    {{ programme_end }} as valid_to

union all

select
    'region' as geo_scheme,
    region6_code as geo_code,
    name_vi,
    name_en,
    region6_code,
    {{ sixty_three_from }} as valid_from,
    {{ programme_end }} as valid_to
from {{ ref('stg_reference__regions6') }}

union all

select
    'province_2004' as geo_scheme,
    province_code as geo_code,
    name_vi,
    name_ascii as name_en,
    region6_code,
    {{ sixty_three_from }} as valid_from,
    {{ last_day_2004 }} as valid_to
from {{ ref('stg_reference__provinces_2004') }}

union all

select
    'province_2025' as geo_scheme,
    province_code as geo_code,
    name_vi,
    name_ascii as name_en,
    region6_code,
    {{ sixty_three_from }} as valid_from,
    {{ programme_end }} as valid_to
from {{ ref('stg_reference__provinces_2025') }}

union all

-- The unknown cell of each scheme: events whose province (or region) was not recorded.
select
    schemes.geo_scheme,
    {{ unknown }} as geo_code,
    'Không xác định' as name_vi,
    'Unknown' as name_en,
    cast(null as {{ dbt.type_string() }}) as region6_code,
    {{ sixty_three_from }} as valid_from,
    schemes.valid_to
from (
    select 'region' as geo_scheme, {{ programme_end }} as valid_to
    union all select 'province_2004', {{ last_day_2004 }}  -- noqa: LT11
    union all select 'province_2025', {{ programme_end }}  -- noqa: LT11
) as schemes
