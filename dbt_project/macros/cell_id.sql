{#- The key of a published cell as one string (indicator, period, geography, disaggregations);
    code replaces the indicator code, for the same cell of another indicator. -#}
{% macro cell_id(alias, code=none) -%}
    {%- set parts = [] -%}
    {%- for column in ['indicator_code', 'period_type', 'period', 'geo_scheme', 'geo_code'] + calendar().disaggregations.keys() | list -%}
        {%- do parts.append(code if (column == 'indicator_code' and code is not none) else alias ~ '.' ~ column) -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
