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
    cast(end_year as {{ dbt.type_int() }}) as end_year
from {{ source('registry', 'raw_registry__programmes') }}
