{#- The period labels of a date: period_year '2023', period_quarter '2023-Q2',
    period_month '2023-07' (portable: extract, lpad and concat exist on DuckDB and Spark). -#}
{% macro period_labels(date_expression) -%}
    {%- set year = "cast(" ~ year_of(date_expression) ~ " as " ~ dbt.type_string() ~ ")" -%}
    {%- set quarter = "cast(extract(quarter from " ~ date_expression ~ ") as " ~ dbt.type_string() ~ ")" -%}
    {%- set month = "lpad(cast(extract(month from " ~ date_expression ~ ") as " ~ dbt.type_string() ~ "), 2, '0')" -%}
    {{ year }} as period_year,
    {{ dbt.concat([year, "'-Q'", quarter]) }} as period_quarter,
    {{ dbt.concat([year, "'-'", month]) }} as period_month
{%- endmacro %}
