-- IND-13: children's opinions submitted on the portal whose 30 days have run out by the
-- data-as-of date, and those of them answered within 30 days (int_portal_opinions_closed,
-- geocoded in int_portal_opinions_geocoded).
with closed as (
    select
        opinions.*,
        opinions.child_age_band as age_band
    from {{ ref('int_portal_opinions_closed') }} as opinions
)

{{ aggregate_indicator(
    'opinions_answered_within_30_days', 'closed',
    numerator='sum(case when is_answered_in_time then 1 else 0 end)',
    denominator='count(*)'
) }}
