{#-
  National rows with no numerator for the periods of an indicator (the registry's periodicity,
  within the programme) that end before `first_date` (a SQL date expression): the periods before
  a source existed (the CSAM database was built in 2022). They are published without a value
  (obs_status not_applicable: the figure cannot exist), so that every indicator has every
  programme year and a reader sees why a year is empty. One select without a WITH clause.
-#}
{% macro periods_before(slug, first_date) %}
    {%- set spec = registry_indicators()[slug] -%}
    select
        '{{ spec.code }}' as indicator_code,
        periods.period,
        periods.period_type,
        'national' as geo_scheme,
        'VN' as geo_code,
        {%- for dimension in calendar().disaggregations %}
        '_T' as {{ dimension }},
        {%- endfor %}
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from {{ ref('dim_period') }} as periods
    where
        periods.period_type in ('{{ spec.periodicity | join("', '") }}')
        and periods.end_date < {{ first_date }}
{% endmacro %}
