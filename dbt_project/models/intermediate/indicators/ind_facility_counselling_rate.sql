-- IND-16b: IND-16's children counselled per 100,000 children of the place. The numerator is
-- IND-16's own total cell (suppressed with it: the registry's same_cells_as); the
-- unknown-province cell has no population, so no rate.
select
    '{{ registry_indicators()['facility_counselling_rate'].code }}' as indicator_code,
    counselled.period,
    counselled.period_type,
    counselled.geo_scheme,
    counselled.geo_code,
    {%- for dimension in calendar().disaggregations %}
        counselled.{{ dimension }},
    {%- endfor %}
    counselled.numerator,
    cast(population.children_estimated as {{ type_double() }}) as denominator
from {{ ref('ind_facility_children_counselled') }} as counselled
left join {{ ref('int_child_population_estimated') }} as population
    on counselled.geo_scheme = population.geo_scheme
    and counselled.geo_code = population.geo_code
    and counselled.period_type = population.period_type
    and counselled.period = population.period
where counselled.period_type in ('{{ registry_indicators()['facility_counselling_rate'].periodicity | join("', '") }}')
    {%- for dimension in calendar().disaggregations %}
        and counselled.{{ dimension }} = '_T'
    {%- endfor %}
