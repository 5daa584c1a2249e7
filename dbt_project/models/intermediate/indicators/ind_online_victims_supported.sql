-- IND-02 (target T2): children in online-related cases who asked for help, and those supported.
with requested as (
    select *
    from {{ ref('int_hotline_case_children_geocoded') }}
    where is_online_related and help_requested
)

{{ aggregate_by_geography(
    'requested', 'IND-02',
    numerator='sum(case when support_provided then 1 else 0 end)',
    denominator='count(*)'
) }}
