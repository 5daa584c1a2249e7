-- The periods of the indicators that follow each case for a fixed window (IND-03: 180 days,
-- IND-18: 24 hours, IND-21: 90 days) whose cases are not all followed up yet: a period whose
-- last day plus the window is after the data-as-of date still has right-censored cases (counted
-- neither way until their window ends), so its value can change. fct_indicator_values marks
-- those cells provisional, like a period whose training reports can still arrive.
{%- set windows = [
    ('violations_handled', var('violations_follow_up_days')),
    ('csam_removed_within_24h', 1),
    ('recommendations_resolved', var('inspections_follow_up_days')),
] %}

-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
{%- for slug, days in windows %}
select
    '{{ registry_indicators()[slug].code }}' as indicator_code,
    periods.period_type,
    periods.period
from {{ ref('dim_period') }} as periods
where
    periods.start_date <= {{ data_as_of_date() }}
    and cast({{ dbt.dateadd('day', days, 'periods.end_date') }} as date) > {{ data_as_of_date() }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
-- noqa: enable=LT02
