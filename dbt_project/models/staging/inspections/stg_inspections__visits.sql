select
    visit_id,
    visit_date,
    province_code,
    province_scheme,
    inspecting_body,
    finding,
    recommendations,
    _source_file as source_file
from {{ source('inspections', 'raw_inspections__visits') }}
