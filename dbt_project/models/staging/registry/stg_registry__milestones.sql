select
    programme_id,
    milestone_id,
    activity,
    name_vi,
    name_en,
    lead_unit,
    cast(due_date as date) as due_date,
    cast(completed_date as date) as completed_date
from {{ source('registry', 'raw_registry__milestones') }}
