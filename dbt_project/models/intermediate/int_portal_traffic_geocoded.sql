{{ geocode(ref('stg_portal__traffic'), 'session_date') }}
