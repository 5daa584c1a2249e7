-- IND-05: of the support / intervention cases with an intervention, the share whose first
-- intervention came within 24 hours of intake (a case counts once).
with cases as (
    select
        case_id,
        min(period_year) as period_year,
        min(period_quarter) as period_quarter,
        min(period_month) as period_month,
        min(province_code_2004) as province_code_2004,
        min(province_code_2025) as province_code_2025,
        min(region6_code) as region6_code,
        min(opened_at) as opened_at,
        min(first_intervention_at) as first_intervention_at
    from {{ ref('int_hotline_case_children_geocoded') }}
    group by case_id
),

intervened as (
    select
        *,
        {#- a timestamp comparison, not datediff: datediff counts unit boundaries crossed -#}
        first_intervention_at <= {{ dbt.dateadd('hour', 24, 'opened_at') }} as is_within_24h
    from cases
    where first_intervention_at is not null
)

{{ aggregate_indicator(
    'intervention_within_24h', 'intervened',
    numerator='sum(case when is_within_24h then 1 else 0 end)',
    denominator='count(*)'
) }}
