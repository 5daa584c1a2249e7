{#- Fails on any published (not suppressed) cell whose numerator, or a denominator that is not
    public reference data, is at least 1 and below the indicator's disclosure threshold (a true
    zero is published). -#}
{% test no_small_published_cells(model) %}
select published.*
from {{ model }} as published
inner join {{ ref('stg_registry__indicators') }} as indicators
    on published.indicator_code = indicators.indicator_code
where published.obs_status = 'normal'
    and indicators.min_cell > 0
    and (
        (published.numerator >= 1 and published.numerator < indicators.min_cell)
        or (
            not indicators.denominator_is_public
            and published.denominator >= 1
            and published.denominator < indicators.min_cell
        )
    )
{% endtest %}
