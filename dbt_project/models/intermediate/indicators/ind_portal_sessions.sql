-- IND-12: sessions on the children's e-portal and app.
{{ aggregate_indicator('portal_sessions', ref('int_portal_traffic_geocoded'), numerator='sum(sessions)') }}
