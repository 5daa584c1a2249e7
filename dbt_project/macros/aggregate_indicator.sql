{#-
  Aggregate an event relation into an indicator's long-format rows: one row per period (the
  registry's periodicities), geography (national, region, the 63 provinces of 2004 while they
  existed, the 34 provinces of 2025 for every period) and disaggregation (the registry's one-way
  breakdowns beside the _T total, each with an unknown category '_U' so that they add up).

  relation (a ref or a CTE name) must carry period_year / period_quarter / period_month,
  province_code_2004, province_code_2025, region6_code (see geocode; NULL = unknown, published
  as the scheme's '_U' cell) and, for each of the
  indicator's disaggregations, a column of that name (sex, age_band, platform). The result has
  a column for every breakdown of calendar().disaggregations, '_T' in those the indicator is
  not broken down by.
  zero_when_absent: a combination with no events gets numerator 0 (and denominator 0); right for
  event sources (no event means none happened), wrong for report sources (no report is not a
  zero), where the row is left out.
  categories overrides the published categories of a disaggregation (default: calendar(), from
  schemas/reference/calendar.yml).
  schemes limits the geographies (default all four; ['national'] for a source without places).
  The result is one select statement without a WITH clause, so it can follow a model's CTEs.
-#}
{% macro aggregate_indicator(slug, relation, numerator, denominator=none, zero_when_absent=true, categories={}, schemes=none) %}
    {%- set spec = registry_indicators()[slug] -%}
    {%- set all_categories = calendar().disaggregations -%}
    {#- Rows whose province is unknown go to the scheme's '_U' cell, so every scheme adds up
        to the national total. (A row coded in 2025 has no 2004 code either, but no 2004
        period contains it: dim_geography's validity drops those cells.) -#}
    {%- set all_geographies = [
        ("national", "'VN'"),
        ("region", "coalesce(region6_code, '_U')"),
        ("province_2004", "coalesce(province_code_2004, '_U')"),
        ("province_2025", "coalesce(province_code_2025, '_U')"),
    ] -%}
    {%- set geographies = [] -%}
    {%- set scheme_names = [] -%}
    {%- for scheme, code in all_geographies if schemes is none or scheme in schemes -%}
        {%- do geographies.append((scheme, code)) -%}
        {%- do scheme_names.append(scheme) -%}
    {%- endfor -%}
    {%- set scheme_list = "('" ~ scheme_names | join("', '") ~ "')" -%}
    {%- set breakdowns = [none] + spec.disaggregations -%}
    {%- set dimensions = all_categories.keys() | list -%}
    {#- each published combination: the total, then each category of each breakdown (the other
        breakdowns at their total) -#}
    {%- set combos = [{}] -%}
    {%- for dimension in spec.disaggregations -%}
        {%- for category in categories.get(dimension, all_categories[dimension]) + ['_U'] -%}
            {%- do combos.append({dimension: category}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set period_types = "('" ~ spec.periodicity | join("', '") ~ "')" -%}

    select
        '{{ spec.code }}' as indicator_code,
        cells.period,
        cells.period_type,
        cells.geo_scheme,
        cells.geo_code,
        {%- for dimension in dimensions %}
        cells.{{ dimension }},
        {%- endfor %}
        cast(cells.numerator as {{ type_double() }}) as numerator,
        cast(cells.denominator as {{ type_double() }}) as denominator
    from (
        {%- if zero_when_absent %}
        select
            spine.period_type,
            spine.period,
            spine.geo_scheme,
            spine.geo_code,
            {%- for dimension in dimensions %}
            spine.{{ dimension }},
            {%- endfor %}
            coalesce(aggregated.numerator, 0) as numerator,
            {% if denominator is not none %}coalesce(aggregated.denominator, 0){% else %}cast(null as {{ type_double() }}){% endif %} as denominator
        from (
            select periods.period_type, periods.period, geographies.geo_scheme, geographies.geo_code{% for dimension in dimensions %}, combos.{{ dimension }}{% endfor %}
            from {{ ref('dim_period') }} as periods
            inner join {{ ref('dim_geography') }} as geographies
                on periods.start_date >= geographies.valid_from
                and periods.end_date <= geographies.valid_to
            cross join (
                {%- for combo in combos %}
                select {% for dimension in dimensions %}'{{ combo.get(dimension, '_T') }}' as {{ dimension }}{% if not loop.last %}, {% endif %}{% endfor %}
                {% if not loop.last %}union all{% endif -%}
                {%- endfor %}
            ) as combos
            where periods.period_type in {{ period_types }}
                and geographies.geo_scheme in {{ scheme_list }}
        ) as spine
        left join (
        {%- endif %}
        {%- for period_type in spec.periodicity %}
        {%- for scheme, code in geographies %}
        {%- for breakdown in breakdowns %}
            select
                '{{ period_type }}' as period_type,
                period_{{ period_type }} as period,
                '{{ scheme }}' as geo_scheme,
                {{ code }} as geo_code,
                {%- for dimension in dimensions %}
                {{ breakdown_category(dimension, categories.get(dimension, all_categories[dimension])) if breakdown == dimension else "'_T'" }} as {{ dimension }},
                {%- endfor %}
                {{ numerator }} as numerator,
                {{ denominator if denominator is not none else 'null' }} as denominator
            from {{ relation }}
            group by period_{{ period_type }}{% if scheme != 'national' %}, {{ code }}{% endif %}{% if breakdown is not none %}, {{ breakdown_category(breakdown, categories.get(breakdown, all_categories[breakdown])) }}{% endif %}
            {% if not loop.last %}union all{% endif -%}
        {%- endfor %}
            {% if not loop.last %}union all{% endif -%}
        {%- endfor %}
            {% if not loop.last %}union all{% endif -%}
        {%- endfor %}
        {%- if zero_when_absent %}
        ) as aggregated
            on spine.period_type = aggregated.period_type
            and spine.period = aggregated.period
            and spine.geo_scheme = aggregated.geo_scheme
            and spine.geo_code = aggregated.geo_code
            {%- for dimension in dimensions %}
            and spine.{{ dimension }} = aggregated.{{ dimension }}
            {%- endfor %}
        {%- endif %}
    ) as cells
    {%- if not zero_when_absent %}
    {#- without the spine, keep only periods the geography existed for #}
    inner join {{ ref('dim_period') }} as periods
        on cells.period_type = periods.period_type and cells.period = periods.period
    inner join {{ ref('dim_geography') }} as geographies
        on cells.geo_scheme = geographies.geo_scheme and cells.geo_code = geographies.geo_code
        and periods.start_date >= geographies.valid_from
        and periods.end_date <= geographies.valid_to
    {%- endif %}
{% endmacro %}

{#- A breakdown's published category, or '_U' for an unknown or unlisted value, so that the
    categories always add up to the _T total. -#}
{% macro breakdown_category(dimension, categories) -%}
    case when {{ dimension }} in ('{{ categories | join("', '") }}') then {{ dimension }} else '_U' end
{%- endmacro %}
