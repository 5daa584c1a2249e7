-- IND-04: online-related support / intervention cases (a case counts once, whatever its children).
with online_cases as (
    select *
    from {{ ref('int_hotline_cases_geocoded') }}
    where is_online_related
)

{{ aggregate_indicator('online_abuse_cases', 'online_cases', numerator='count(*)') }}
