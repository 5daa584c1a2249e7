-- Every indicator model's rows in one table, with the value computed from the registry's unit
-- and factor (a zero denominator gives no value; a count or a median of hours is its numerator,
-- schemas/registry.py VALUE_IS_NUMERATOR). The list of indicator models comes from the
-- registry (macros/generated/registry.sql), so a new indicator needs no edit here; every model
-- has a column per breakdown of calendar().disaggregations ('_T' where it is not broken down by
-- it: aggregate_indicator writes them). Each cell
-- names the agency that reported its source as of its period (seed ref_reporting_agencies:
-- hotline 111 moved from MOLISA to the Ministry of Health on 1 March 2025): the agency codes
-- whose time overlaps the period, in order, joined by ';' (2025 and 2025-Q1 name both).
{%- set indicators = registry_indicators() %}

-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
with unioned as (
    {%- for slug, spec in indicators.items() %}
    select
        indicator_code, period, period_type, geo_scheme, geo_code,
        {%- for dimension in calendar().disaggregations %}
        {{ dimension }},
        {%- endfor %}
        numerator, denominator
    from {{ ref(spec.model) }}
    {% if not loop.last %}union all{% endif -%}
    {%- endfor %}
),

agencies as (
    select
        periods.period_type,
        periods.period,
        reporters.source,
        {{ ordered_listagg('reporters.agency_code', "';'", 'reporters.valid_from') }} as reporting_agency
    from {{ ref('dim_period') }} as periods
    inner join {{ ref('ref_reporting_agencies') }} as reporters
        on periods.end_date >= reporters.valid_from
        and periods.start_date <= reporters.valid_to
    group by periods.period_type, periods.period, reporters.source
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
    agencies.reporting_agency,
    case
        when indicators.unit in ('count', 'hours') then unioned.numerator
        when unioned.denominator = 0 then null
        else unioned.numerator * indicators.factor / unioned.denominator
    end as value
from unioned
inner join {{ ref('stg_registry__indicators') }} as indicators
    on unioned.indicator_code = indicators.indicator_code
inner join {{ ref('dim_period') }} as periods
    on unioned.period_type = periods.period_type
    and unioned.period = periods.period
left join agencies
    on indicators.source = agencies.source
    and unioned.period_type = agencies.period_type
    and unioned.period = agencies.period
