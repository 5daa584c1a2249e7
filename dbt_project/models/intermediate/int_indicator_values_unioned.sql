-- Every indicator model's rows in one table, with the value computed from the registry's unit
-- and factor (a zero denominator gives no value).
-- Each indicator model in intermediate/indicators is listed here once (tests/test_consistency.py checks
-- the list against the registry).
{%- set indicator_models = [
    'ind_online_victims_supported',
    'ind_online_abuse_cases',
    'ind_online_contact_share',
    'ind_children_trained_rate',
    'ind_portal_sessions',
] %}

with unioned as (
    {%- for model in indicator_models %}
    select indicator_code, period, period_type, geo_scheme, geo_code, numerator, denominator
    from {{ ref(model) }}
    {% if not loop.last %}union all{% endif -%}
    {%- endfor %}
)

select
    unioned.*,
    indicators.unit,
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
