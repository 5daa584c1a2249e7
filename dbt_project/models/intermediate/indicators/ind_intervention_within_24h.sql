-- IND-05: of the support / intervention cases with an intervention, the share whose first
-- intervention came within 24 hours of intake (a case counts once).
with intervened as (
    select
        *,
        {#- a timestamp comparison, not datediff: datediff counts unit boundaries crossed -#}
        first_intervention_at <= {{ dbt.dateadd('hour', 24, 'opened_at') }} as is_within_24h
    from {{ ref('int_hotline_cases_geocoded') }}
    where first_intervention_at is not null
)

{{ aggregate_indicator(
    'intervention_within_24h', 'intervened',
    numerator='sum(case when is_within_24h then 1 else 0 end)',
    denominator='count(*)'
) }}
