-- IND-09: participants from ('officials', 'collaborators') in the provinces' reported activities.
-- A province that did not report has no row (no report is not a zero).
with events as (
    select *
    from {{ ref('int_training_events_geocoded') }}
    where audience in ('officials', 'collaborators')
)

{{ aggregate_indicator('officials_trained', 'events', numerator='sum(participants_total)', zero_when_absent=false) }}
