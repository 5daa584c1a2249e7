-- IND-02 (target T2): children (under 16) in online-related cases who asked for help, and
-- those of them who received support or intervention.
with requested as (
    select
        *,
        child_sex as sex,
        child_age_band as age_band
    from {{ ref('int_hotline_case_children_geocoded') }}
    where is_online_related and help_requested and child_age_band in ('0-5', '6-10', '11-14', '15')
)

{{ aggregate_indicator(
    'online_victims_supported', 'requested',
    numerator='sum(case when support_provided then 1 else 0 end)',
    denominator='count(*)',
    categories={'age_band': ['0-5', '6-10', '11-14', '15']}
) }}
