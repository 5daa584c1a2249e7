-- One row per official report that a Plan 838 deliverable is complete (programme office).
select
    milestone_id,
    completed_date,
    document_number,
    document_date,
    _source_file as source_file
from {{ source('plan', 'raw_plan__completions') }}
