select
    programme_id,
    milestone_id,
    activity,
    name_vi,
    name_en,
    lead_unit,
    cast(due_date as date) as due_date,
    {#- all NULL until a milestone is done: the raw column can then be untyped (DuckDB NULL,
        Parquet int32); through text it casts on every engine -#}
    cast(cast(completed_date as {{ dbt.type_string() }}) as date) as completed_date
from {{ source('registry', 'raw_registry__milestones') }}
