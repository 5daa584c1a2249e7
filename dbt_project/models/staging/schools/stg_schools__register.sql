-- One row per school or facility and school year, with the days its school year starts
-- (1 September: the date whose province scheme its province_code is in) and ends (31 May).
select
    school_year,
    cast({{ dbt.concat([dbt.split_part('school_year', "'-'", 1), "'-09-01'"]) }} as date) as school_year_start,
    cast({{ dbt.concat([dbt.split_part('school_year', "'-'", 2), "'-05-31'"]) }} as date) as school_year_end,
    facility_id,
    facility_type,
    province_code,
    province_scheme,
    pupils_enrolled,
    ran_online_safety,
    sessions,
    pupils_reached,
    _source_file as source_file
from {{ source('schools', 'raw_schools__register') }}
