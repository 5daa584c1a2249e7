select
    programme_id,
    activity,
    cast(sort_order as {{ dbt.type_int() }}) as sort_order,
    name_vi,
    name_en
from {{ source('registry', 'raw_registry__activities') }}
