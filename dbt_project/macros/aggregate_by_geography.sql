{#-
  Aggregate an event relation to one row per year and geography: national, the 63 provinces of
  2004 (full years until mid-2025) and all years harmonised to the 34 provinces of 2025.

  relation (a ref or a CTE name) must carry year_number, province_code_2004 (NULL after 30 June
  2025) and province_code_2025. With zero_when_absent, a geography with no events in a year gets
  numerator 0 (and denominator 0): for event sources no event means none happened. Without it
  the row is missing: for report sources no report is not a zero.
  The result is one select statement without a WITH clause, so it can follow a model's CTEs.
-#}
{% macro aggregate_by_geography(relation, indicator_code, numerator, denominator=none, zero_when_absent=true) %}
    {%- set geographies = [
        ("national", "'VN'", "1 = 1"),
        ("province_2004", "province_code_2004",
         "province_code_2004 is not null and year_number <= " ~ var('province_2004_last_full_year')),
        ("province_2025", "province_code_2025", "province_code_2025 is not null"),
    ] -%}
    {%- set denominator_sql = denominator if denominator is not none else 'null' -%}
    select
        '{{ indicator_code }}' as indicator_code,
        cast(filled.year_number as {{ dbt.type_string() }}) as period,
        'year' as period_type,
        filled.geo_scheme,
        filled.geo_code,
        cast(filled.numerator as {{ type_double() }}) as numerator,
        cast(filled.denominator as {{ type_double() }}) as denominator
    from (
        {%- if zero_when_absent %}
        select
            spine.year_number,
            spine.geo_scheme,
            spine.geo_code,
            coalesce(aggregated.numerator, 0) as numerator,
            {% if denominator is not none %}coalesce(aggregated.denominator, 0){% else %}aggregated.denominator{% endif %} as denominator
        from (
            select years.year_number, geographies.geo_scheme, geographies.geo_code
            from {{ ref('dim_geography') }} as geographies
            cross join ({{ year_spine() }}) as years
            where years.year_number between geographies.first_year and geographies.last_year
        ) as spine
        left join (
        {%- endif %}
        {%- for scheme, code, condition in geographies %}
            select
                year_number,
                '{{ scheme }}' as geo_scheme,
                {{ code }} as geo_code,
                {{ numerator }} as numerator,
                {{ denominator_sql }} as denominator
            from {{ relation }}
            where {{ condition }}
            group by year_number{% if scheme != 'national' %}, {{ code }}{% endif %}
            {% if not loop.last %}union all{% endif -%}
        {%- endfor %}
        {%- if zero_when_absent %}
        ) as aggregated
            on spine.year_number = aggregated.year_number
            and spine.geo_scheme = aggregated.geo_scheme
            and spine.geo_code = aggregated.geo_code
        {%- endif %}
    ) as filled
{% endmacro %}
