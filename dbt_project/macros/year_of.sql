{#- The calendar year of a date, as an integer. ANSI extract works on DuckDB and Spark;
    adapters that differ can add <adapter>__year_of. -#}
{% macro year_of(expression) -%}
    {{ return(adapter.dispatch('year_of')(expression)) }}
{%- endmacro %}

{% macro default__year_of(expression) -%}
    cast(extract(year from {{ expression }}) as {{ dbt.type_int() }})
{%- endmacro %}
