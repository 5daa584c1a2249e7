{#- The values of `measure` in a group joined by `delimiter_text` (a SQL string literal), in the
    order of `order_by` (an expression), on every engine: dbt.listagg where the engine honours
    its order (DuckDB), and on Spark, whose collect_list has no order, the values sorted by
    `order_by` through an array of structs. -#}
{% macro ordered_listagg(measure, delimiter_text, order_by) -%}
    {{ return(adapter.dispatch('ordered_listagg')(measure, delimiter_text, order_by)) }}
{%- endmacro %}

{% macro default__ordered_listagg(measure, delimiter_text, order_by) -%}
    {{ dbt.listagg(measure, delimiter_text, 'order by ' ~ order_by) }}
{%- endmacro %}

{% macro spark__ordered_listagg(measure, delimiter_text, order_by) -%}
    array_join(transform(array_sort(collect_list(struct({{ order_by }} as sort_key, {{ measure }} as item))), x -> x.item), {{ delimiter_text }})
{%- endmacro %}
