-- IND-04: online-related support / intervention cases (a case counts once, whatever its children).
with online_cases as (
    select
        case_id,
        min(year_number) as year_number,
        min(province_code_2004) as province_code_2004,
        min(province_code_2025) as province_code_2025
    from {{ ref('int_hotline_case_children_geocoded') }}
    where is_online_related
    group by case_id
)

{{ aggregate_by_geography('online_cases', 'IND-04', numerator='count(*)') }}
