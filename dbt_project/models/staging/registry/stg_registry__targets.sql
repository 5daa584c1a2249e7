select
    programme_id,
    cast(programme_start_year as {{ dbt.type_int() }}) as programme_start_year,
    cast(programme_end_year as {{ dbt.type_int() }}) as programme_end_year,
    target_id,
    indicator_code,
    cast(target_year as {{ dbt.type_int() }}) as target_year,
    cast(target_value as {{ type_double() }}) as target_value,
    unit,
    kind,
    is_aspirational,
    text_vi,
    text_en
from {{ source('registry', 'raw_registry__targets') }}
