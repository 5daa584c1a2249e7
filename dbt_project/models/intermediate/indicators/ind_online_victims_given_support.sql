-- IND-08: child victims (under 16) of online abuse given support or intervention, a count.
with supported as (
    select
        *,
        child_sex as sex,
        child_age_band as age_band
    from {{ ref('int_hotline_case_children_geocoded') }}
    where is_online_related and support_provided and child_age_band in ('0-5', '6-10', '11-14', '15')
)

{{ aggregate_indicator(
    'online_victims_given_support', 'supported', numerator='count(*)',
    categories={'age_band': ['0-5', '6-10', '11-14', '15']}
) }}
