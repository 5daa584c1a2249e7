-- IND-12: sessions on the children's e-portal and app.
{{ aggregate_by_geography(ref('int_portal_traffic_geocoded'), 'IND-12', numerator='sum(sessions)') }}
