-- IND-15: the plan's dated deliverables due by the end of each year whose completion is
-- officially reported, and those of them completed by their due date (national only). A
-- deliverable without a completion report is left out, not counted as late: no report says
-- nothing about the work (pub_milestones shows it as not_reported). Completions come from the
-- programme office's official reports (int_milestones_completed).
with reported as (
    select
        years.period as period_year,
        milestones.completed_date <= milestones.due_date as is_on_time
    from {{ ref('int_milestones_completed') }} as milestones
    inner join {{ ref('dim_period') }} as years
        on years.period_type = 'year'
        and milestones.due_date <= years.end_date
    where milestones.completed_date is not null
)

{{ aggregate_indicator(
    'plan_deliverables_on_time', 'reported',
    numerator='sum(case when is_on_time then 1 else 0 end)',
    denominator='count(*)',
    schemes=['national']
) }}
