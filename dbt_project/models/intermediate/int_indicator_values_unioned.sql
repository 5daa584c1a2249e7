-- Every indicator model's rows in one table, with the value computed from the registry's unit
-- and factor (a zero denominator gives no value). The list of indicator models comes from the
-- registry (macros/generated/registry.sql), so a new indicator needs no edit here.
{%- set indicators = registry_indicators() %}

-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
with unioned as (
    {%- for slug, spec in indicators.items() %}
    select indicator_code, period, period_type, geo_scheme, geo_code, sex, age_band, numerator, denominator
    from {{ ref(spec.model) }}
    {% if not loop.last %}union all{% endif -%}
    {%- endfor %}
)
-- noqa: enable=LT02

select
    unioned.*,
    periods.year_number,
    indicators.unit,
    indicators.source,
    indicators.direction,
    indicators.target_id,
    indicators.at_risk_margin,
    case
        when indicators.unit = 'count' then unioned.numerator
        when unioned.denominator = 0 then null
        else unioned.numerator * indicators.factor / unioned.denominator
    end as value
from unioned
inner join {{ ref('stg_registry__indicators') }} as indicators
    on unioned.indicator_code = indicators.indicator_code
inner join {{ ref('dim_period') }} as periods
    on unioned.period_type = periods.period_type
    and unioned.period = periods.period
