{{ geocode(ref('stg_hotline__contacts'), 'received_date') }}
