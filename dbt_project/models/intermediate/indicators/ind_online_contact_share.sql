-- IND-06: contacts through the app, Zalo and the web, out of all contacts.
{{ aggregate_indicator(
    'online_contact_share', ref('int_hotline_contacts_geocoded'),
    numerator="sum(case when channel in ('app', 'zalo', 'web') then 1 else 0 end)",
    denominator='count(*)'
) }}
