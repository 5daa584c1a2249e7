{#- The key of a published cell as one string (indicator, period, geography, disaggregation). -#}
{% macro cell_id(alias) -%}
    {%- set parts = [] -%}
    {%- for column in ['indicator_code', 'period_type', 'period', 'geo_scheme', 'geo_code', 'sex', 'age_band'] -%}
        {%- do parts.append(alias ~ '.' ~ column) -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
