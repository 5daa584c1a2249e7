-- IND-14: expected provincial training reports that arrived by their due date.
with reports as (
    {{ geocode('(select * from ' ~ ref('int_provincial_reports_timeliness') ~ " where source = 'training_reports')", 'period_start') }}
)

{{ aggregate_indicator(
    'reports_on_time', 'reports',
    numerator='sum(case when is_on_time then 1 else 0 end)',
    denominator='count(*)'
) }}
