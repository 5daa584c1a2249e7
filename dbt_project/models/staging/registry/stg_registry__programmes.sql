select
    programme_id,
    name_vi,
    name_en,
    legal_basis_vi,
    legal_basis_en,
    status,
    cast(status_text_vi as {{ dbt.type_string() }}) as status_text_vi,
    cast(status_text_en as {{ dbt.type_string() }}) as status_text_en,
    cast(start_year as {{ dbt.type_int() }}) as start_year,
    cast(end_year as {{ dbt.type_int() }}) as end_year,
    {#- empty for a programme that does not give them: through text on every engine -#}
    cast(short_name_vi as {{ dbt.type_string() }}) as short_name_vi,
    cast(short_name_en as {{ dbt.type_string() }}) as short_name_en,
    cast(decision_vi as {{ dbt.type_string() }}) as decision_vi,
    cast(decision_en as {{ dbt.type_string() }}) as decision_en,
    cast(plan_vi as {{ dbt.type_string() }}) as plan_vi,
    cast(plan_en as {{ dbt.type_string() }}) as plan_en
from {{ source('registry', 'raw_registry__programmes') }}
