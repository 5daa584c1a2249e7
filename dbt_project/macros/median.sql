{#- The median of `expression` over a group, interpolated between the two middle values when
    their number is even: the SQL standard's ordered-set aggregate, DuckDB's median() and
    Spark's percentile() (exact, not percentile_approx). -#}
{% macro median(expression) -%}
    {{ return(adapter.dispatch('median')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{% macro spark__median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}
