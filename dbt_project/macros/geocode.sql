{#-
  Add year_number and the province in both schemes to an event relation that carries
  province_code and province_scheme. A row coded in the 2004 scheme keeps its old code and gets
  its 2025 successor (exact: provinces only merged); a row coded in the 2025 scheme has no 2004
  code. Unknown provinces keep NULL codes and count in national totals only.
-#}
{% macro geocode(relation, date_column) %}
    select
        events.*,
        {{ year_of('events.' ~ date_column) }} as year_number,
        crosswalk.province_code_2004,
        crosswalk.province_code_2025
    from {{ relation }} as events
    left join {{ ref('int_province_crosswalk') }} as crosswalk
        on events.province_scheme = crosswalk.province_scheme
        and events.province_code = crosswalk.province_code
{% endmacro %}
