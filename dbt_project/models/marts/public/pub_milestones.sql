-- The plan's dated deliverables and where they stand on the release's data-as-of date (the
-- manifest's data_as_of, so a release rebuilt later says the same): done (on time), done_late,
-- due (not yet due) or not_reported (due date passed and no official completion report
-- entered; this says nothing about whether the work was done), with the official report
-- (number and date) a completion comes from.
select
    programme_id,
    milestone_id,
    activity,
    name_vi,
    name_en,
    lead_unit,
    due_date,
    completed_date,
    document_number,
    document_date,
    case
        when completed_date is not null and completed_date <= due_date then 'done'
        when completed_date is not null then 'done_late'
        when due_date >= {{ data_as_of_date() }} then 'due'
        else 'not_reported'
    end as status
from {{ ref('int_milestones_completed') }}
