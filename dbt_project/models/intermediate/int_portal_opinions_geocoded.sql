{{ geocode(ref('stg_portal__opinions'), 'submitted_date') }}
