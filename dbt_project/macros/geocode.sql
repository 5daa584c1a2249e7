{#-
  Add the period labels and the geography in every scheme to an event relation that carries
  province_code and province_scheme. A row coded in the 2004 scheme keeps its old code and gets
  its 2025 successor (exact: provinces only merged); a row coded in the 2025 scheme has no 2004
  code. The region is the 2004 province's (official) and, for rows coded in 2025, the new
  province's proposed region. Unknown provinces keep NULL codes and count in national totals only.
-#}
{% macro geocode(relation, date_column) %}
    select
        events.*,
        {{ period_labels('events.' ~ date_column) }},
        crosswalk.province_code_2004,
        crosswalk.province_code_2025,
        crosswalk.region6_code
    from {{ relation }} as events
    left join {{ ref('int_province_crosswalk') }} as crosswalk
        on events.province_scheme = crosswalk.province_scheme
        and events.province_code = crosswalk.province_code
{% endmacro %}
