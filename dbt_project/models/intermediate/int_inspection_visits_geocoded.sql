{{ geocode(ref('stg_inspections__visits'), 'visit_date') }}
