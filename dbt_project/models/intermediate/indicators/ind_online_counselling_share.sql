-- IND-07: the share of counselling (information, in-depth counselling and intervention
-- requests, as the hotline counts it) that concerns something that happened online.
with counselling as (
    select *
    from {{ ref('int_hotline_contacts_geocoded') }}
    where outcome in ('information', 'in_depth_counselling', 'intervention_request')
)

{{ aggregate_indicator(
    'online_counselling_share', 'counselling',
    numerator='sum(case when is_online_related then 1 else 0 end)',
    denominator='count(*)'
) }}
