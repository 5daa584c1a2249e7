-- IND-11: participants from ('parents', 'teachers') in the provinces' reported activities.
-- A province that did not report has no row (no report is not a zero).
with events as (
    select *
    from {{ ref('int_training_events_geocoded') }}
    where audience in ('parents', 'teachers')
)

{{ aggregate_indicator('caregivers_reached', 'events', numerator='sum(participants_total)', zero_when_absent=false) }}
