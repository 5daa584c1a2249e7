{#- Fails on any published (not suppressed) cell whose numerator or denominator is below the
    indicator's disclosure threshold. -#}
{% test no_small_published_cells(model) %}
select published.*
from {{ model }} as published
inner join {{ ref('stg_registry__indicators') }} as indicators
    on published.indicator_code = indicators.indicator_code
where published.obs_status = 'normal'
    and indicators.min_cell > 0
    and (
        published.numerator < indicators.min_cell
        or published.denominator < indicators.min_cell
    )
{% endtest %}
