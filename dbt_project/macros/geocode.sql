{#-
  Add the period labels and the geography in every scheme to an event relation that carries
  province_code and province_scheme. A row coded in the 2004 scheme keeps its old code and gets
  its 2025 successor (exact: provinces only merged); a row coded in the 2025 scheme gets a 2004
  code only when its province did not merge. The region is as of the event's date: the 2004
  regions before 1 July 2025, the 2025 assignment from then (int_province_crosswalk). Unknown
  provinces keep NULL codes and are published in each scheme's '_U' cell. publish/disclosure
  models the same rules (publish/disclosure/geography.py); a test holds the two together.
-#}
{% macro geocode(relation, date_column) %}
    select
        events.*,
        {{ period_labels('events.' ~ date_column) }},
        crosswalk.province_code_2004,
        crosswalk.province_code_2025,
        case
            when events.{{ date_column }} >= cast('{{ calendar().province_switch_date }}' as date)
                then crosswalk.region6_code_post_switch
            else crosswalk.region6_code_pre_switch
        end as region6_code
    from {{ relation }} as events
    left join {{ ref('int_province_crosswalk') }} as crosswalk
        on events.province_scheme = crosswalk.province_scheme
        and events.province_code = crosswalk.province_code
{% endmacro %}
