{{ geocode(ref('stg_training__events'), 'event_date') }}
