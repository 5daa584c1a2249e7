{#-
  The status rule, the same for every indicator with a target (the margin comes from the
  registry's status_rule):
  - no target: monitoring (never an invented goal);
  - no value (zero denominator): no_data;
  - a provisional cell (its period's reports not all in): provisional, not judged, because
    missing reports would read as a decline;
  - target year or later: achieved if the value reaches the official target, else off_track;
  - earlier years: achieved if already at the target; on_track if at or beyond the derived
    trajectory; at_risk if short of it by at most the margin; off_track otherwise.
  For a 'decrease' indicator the comparisons are mirrored.
-#}
{% macro indicator_status(value, target, trajectory, target_year, year, margin, target_id, direction, is_provisional) %}
    {%- set sign = "(case when " ~ direction ~ " = 'decrease' then -1 else 1 end)" -%}
    case
        when {{ target_id }} is null then 'monitoring'
        when {{ value }} is null then 'no_data'
        when {{ is_provisional }} then 'provisional'
        when {{ year }} >= {{ target_year }} then
            case when {{ sign }} * ({{ value }} - {{ target }}) >= 0 then 'achieved' else 'off_track' end
        when {{ sign }} * ({{ value }} - {{ target }}) >= 0 then 'achieved'
        when {{ sign }} * ({{ value }} - {{ trajectory }}) >= 0 then 'on_track'
        when {{ sign }} * ({{ value }} - {{ trajectory }}) >= -{{ margin }} then 'at_risk'
        else 'off_track'
    end
{% endmacro %}
