{#- The data-as-of date: the latest date any source covers. publish/release.py writes the same
    figure (max last_date of pub_data_coverage, which selects int_source_dates_summarised) to
    the release manifest as data_as_of, so the models that cut at it and the release agree. -#}
{% macro data_as_of_date() -%}
    (select max(last_date) from {{ ref('int_source_dates_summarised') }})
{%- endmacro %}
