-- IND-04: online-related support / intervention cases (a case counts once, whatever its children).
with online_cases as (
    select
        case_id,
        min(period_year) as period_year,
        min(period_quarter) as period_quarter,
        min(period_month) as period_month,
        min(province_code_2004) as province_code_2004,
        min(province_code_2025) as province_code_2025,
        min(region6_code) as region6_code
    from {{ ref('int_hotline_case_children_geocoded') }}
    where is_online_related
    group by case_id
)

{{ aggregate_indicator('online_abuse_cases', 'online_cases', numerator='count(*)') }}
