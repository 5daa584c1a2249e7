-- IND-20: provinces with at least one inspection or monitoring visit in the year, counted among
-- the 34 provinces of 2025 (a 2004 province's visit counts for its successor), so that the
-- years compare; a province's own cell is 1 when it was inspected, 0 when not. A visit to an
-- unknown province counts for no province.
{{ aggregate_indicator(
    'provinces_inspected', ref('int_inspection_visits_geocoded'),
    numerator='count(distinct province_code_2025)'
) }}
