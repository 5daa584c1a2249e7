-- IND-10: child participants in online self-protection training per 1,000 children under 16.
-- A province that did not report has no row (no report is not a zero).
with children_events as (
    select *
    from {{ ref('int_training_events_geocoded') }}
    where audience = 'children'
),

children_trained as (
    {{ aggregate_indicator(
        'children_trained_rate', 'children_events',
        numerator='sum(participants_total)', zero_when_absent=false
    ) }}
)

select
    children_trained.indicator_code,
    children_trained.period,
    children_trained.period_type,
    children_trained.geo_scheme,
    children_trained.geo_code,
    {%- for dimension in calendar().disaggregations %}
        children_trained.{{ dimension }},
    {%- endfor %}
    children_trained.numerator,
    cast(population.children_estimated as {{ type_double() }}) as denominator
from children_trained
left join {{ ref('int_child_population_estimated') }} as population
    on children_trained.geo_scheme = population.geo_scheme
    and children_trained.geo_code = population.geo_code
    and children_trained.period_type = population.period_type
    and children_trained.period = population.period
