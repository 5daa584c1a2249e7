-- IND-21: of the recommendations of inspection conclusions dated in the year whose 90-day
-- follow-up has ended by the data-as-of date, the share resolved within the 90 days
-- (int_inspection_recommendations_followed), by the province of the visit.
{{ aggregate_indicator(
    'recommendations_resolved', ref('int_inspection_recommendations_followed'),
    numerator='sum(case when is_resolved_in_window then 1 else 0 end)',
    denominator='count(*)'
) }}
