{#- One row per programme year; portable (no generate_series). -#}
{% macro year_spine() -%}
    {%- for year in range(var('programme_start_year'), var('programme_end_year') + 1) %}
    select {{ year }} as year_number
    {% if not loop.last %}union all{% endif -%}
    {%- endfor %}
{%- endmacro %}
