-- One row per support / intervention case (its case-children rows collapsed): the case's period
-- and province (its children share them), its opening and its first intervention (the earliest
-- over its children), and whether it is online-related. Indicators that count cases, not
-- children, start here.
select
    case_id,
    min(period_year) as period_year,
    min(period_quarter) as period_quarter,
    min(period_month) as period_month,
    min(province_code_2004) as province_code_2004,
    min(province_code_2025) as province_code_2025,
    min(region6_code) as region6_code,
    min(opened_at) as opened_at,
    min(first_intervention_at) as first_intervention_at,
    max(case when is_online_related then 1 else 0 end) = 1 as is_online_related
from {{ ref('int_hotline_case_children_geocoded') }}
group by case_id
