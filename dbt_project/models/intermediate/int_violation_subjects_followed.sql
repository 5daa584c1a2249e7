-- Subjects reported or detected whose follow-up window (var violations_follow_up_days, 180
-- days from the date reported or detected) has run out by the data-as-of date, with what the
-- window ended in: handled under the law (an administrative sanction, a criminal prosecution
-- or a transfer to another competent agency dated within it), no violation established within
-- it, or neither (still unhandled when the window closed). A subject reported on day d is
-- followed up when d + window <= data-as-of; a younger one can still be handled in time, so it
-- is counted neither way yet (right-censoring, as IND-13 treats its 30 days).
{%- set window = var('violations_follow_up_days') %}

with subjects as (
    select
        subjects.*,
        cast({{ dbt.dateadd('day', window, 'subjects.reported_date') }} as date) as window_end
    from {{ ref('stg_violations__subjects') }} as subjects
)

select
    subjects.*,
    coalesce(
        subjects.sanctioned_date <= subjects.window_end
        or subjects.prosecuted_date <= subjects.window_end
        or subjects.transferred_date <= subjects.window_end,
        false
    ) as is_handled_in_window,
    coalesce(subjects.no_violation_date <= subjects.window_end, false) as is_no_violation
from subjects
where subjects.window_end <= {{ data_as_of_date() }}
