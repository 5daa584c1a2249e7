-- IND-13: children's opinions submitted on the portal whose 30 days have run out by the end of
-- the data, and those of them answered within 30 days. An opinion younger than 30 days at the
-- end of the data can still be answered in time, so it is not counted either way yet.
with opinions as (
    {{ geocode(ref('stg_portal__opinions'), 'submitted_date') }}
),

data_end as (
    select max(submitted_at) as last_submitted_at
    from {{ ref('stg_portal__opinions') }}
),

closed as (
    select
        opinions.*,
        opinions.child_age_band as age_band,
        opinions.is_answered
        and opinions.answered_at <= {{ dbt.dateadd('day', 30, 'opinions.submitted_at') }} as is_answered_in_time
    from opinions
    cross join data_end
    where {{ dbt.dateadd('day', 30, 'opinions.submitted_at') }} <= data_end.last_submitted_at
)

{{ aggregate_indicator(
    'opinions_answered_within_30_days', 'closed',
    numerator='sum(case when is_answered_in_time then 1 else 0 end)',
    denominator='count(*)'
) }}
