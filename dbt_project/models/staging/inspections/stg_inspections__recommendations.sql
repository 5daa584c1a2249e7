select
    recommendation_id,
    visit_id,
    concluded_date,
    resolved_date,
    _source_file as source_file
from {{ source('inspections', 'raw_inspections__recommendations') }}
