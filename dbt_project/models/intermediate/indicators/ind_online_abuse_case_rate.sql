-- IND-04b: IND-04's online-related cases per 100,000 children of the place. The numerator is
-- IND-04's own (the same cells, suppressed with them: the registry's same_cells_as); the
-- unknown-province cell has no population, so no rate.
select
    '{{ registry_indicators()['online_abuse_case_rate'].code }}' as indicator_code,
    cases.period,
    cases.period_type,
    cases.geo_scheme,
    cases.geo_code,
    {%- for dimension in calendar().disaggregations %}
        cases.{{ dimension }},
    {%- endfor %}
    cases.numerator,
    cast(population.children_estimated as {{ type_double() }}) as denominator
from {{ ref('ind_online_abuse_cases') }} as cases
left join {{ ref('int_child_population_estimated') }} as population
    on cases.geo_scheme = population.geo_scheme
    and cases.geo_code = population.geo_code
    and cases.period_type = population.period_type
    and cases.period = population.period
where cases.period_type in ('{{ registry_indicators()['online_abuse_case_rate'].periodicity | join("', '") }}')
