{#- Fails on any published value that its unit makes impossible: a share above 100%, a rate per
    1,000 children above 1,000 or per 100,000 above 100,000, a numerator above its denominator
    where the indicator is a share, or a negative value. (An absurd input that passed ingestion,
    such as a training row of a billion participants, stops the build here.) -#}
{% test plausible_values(model) %}
select *
from {{ model }}
where value < 0
    or (unit = 'percent' and (value > 100 or numerator > denominator))
    or (unit = 'per_1000_children' and value > 1000)
    or (unit = 'per_100000_children' and value > 100000)
{% endtest %}
