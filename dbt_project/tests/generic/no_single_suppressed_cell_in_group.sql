{#- Fails where a year's provinces of one scheme hold exactly one suppressed cell beside a
    published national total: that cell could be recovered by subtraction. -#}
{% test no_single_suppressed_cell_in_group(model) %}
select indicator_code, period, geo_scheme, count(*) as suppressed_cells
from {{ model }}
where geo_scheme != 'national' and obs_status = 'suppressed'
group by indicator_code, period, geo_scheme
having count(*) = 1
{% endtest %}
