{{ geocode(ref('stg_hotline__cases'), 'opened_date') }}
