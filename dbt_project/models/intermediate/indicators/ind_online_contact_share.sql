-- IND-06: contacts through the app, Zalo and the web, out of all contacts.
{{ aggregate_by_geography(
    ref('int_hotline_contacts_geocoded'), 'IND-06',
    numerator="sum(case when channel in ('app', 'zalo', 'web') then 1 else 0 end)",
    denominator='count(*)'
) }}
