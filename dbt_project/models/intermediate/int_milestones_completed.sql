-- Every milestone of the programmes with its official completion, if one is reported: the
-- report with the latest document date (a later report corrects an earlier one; same date:
-- the higher document number's file, then the later row, so the choice is deterministic).
-- A milestone without a report keeps no completion date: none is ever assumed.
with ranked as (
    select
        completions.*,
        row_number() over (
            partition by completions.milestone_id
            order by
                completions.document_date desc,
                completions.source_file desc,
                completions.document_number desc
        ) as report_rank
    from {{ ref('stg_plan__completions') }} as completions
)

select
    milestones.programme_id,
    milestones.milestone_id,
    milestones.activity,
    milestones.name_vi,
    milestones.name_en,
    milestones.lead_unit,
    milestones.due_date,
    reports.completed_date,
    reports.document_number,
    reports.document_date
from {{ ref('stg_registry__milestones') }} as milestones
left join ranked as reports
    on milestones.milestone_id = reports.milestone_id
    and reports.report_rank = 1
