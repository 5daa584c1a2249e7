-- What may be published: every indicator value with small cells suppressed.
-- Primary: a cell whose numerator or denominator is below the indicator's min_cell (registry
-- disclosure rule). Complementary: where a year's provinces of one scheme have exactly one
-- primary-suppressed cell, the next smallest cell is suppressed too, so the suppressed value
-- cannot be recovered by subtracting the published provinces from the national total.
-- Suppressed cells keep their row with obs_status = 'suppressed' and no value.
with values_ as (
    select
        facts.*,
        indicators.slug,
        indicators.min_cell,
        indicators.min_cell > 0
        and (
            facts.numerator < indicators.min_cell
            or (facts.denominator is not null and facts.denominator < indicators.min_cell)
        ) as is_primary_suppressed
    from {{ ref('fct_indicator_values') }} as facts
    inner join {{ ref('stg_registry__indicators') }} as indicators
        on facts.indicator_code = indicators.indicator_code
),

ranked as (
    select
        values_.*,
        sum(case when is_primary_suppressed then 1 else 0 end) over (
            partition by indicator_code, period, geo_scheme
        ) as primary_suppressed_in_group,
        row_number() over (
            partition by indicator_code, period, geo_scheme, is_primary_suppressed
            order by numerator, geo_code
        ) as rank_among_unsuppressed
    from values_
),

suppressed as (
    select
        ranked.*,
        is_primary_suppressed
        or (
            geo_scheme != 'national'
            and not is_primary_suppressed
            and primary_suppressed_in_group = 1
            and rank_among_unsuppressed = 1
        ) as is_suppressed
    from ranked
)

select
    suppressed.indicator_code,
    suppressed.slug,
    suppressed.period,
    suppressed.period_type,
    suppressed.geo_scheme,
    suppressed.geo_code,
    geographies.name_vi as geo_name,
    case when suppressed.is_suppressed then null else suppressed.value end as value,
    case when suppressed.is_suppressed then null else suppressed.numerator end as numerator,
    case when suppressed.is_suppressed then null else suppressed.denominator end as denominator,
    suppressed.unit,
    suppressed.target_value,
    suppressed.target_kind,
    case when suppressed.is_suppressed then 'suppressed' else suppressed.status end as status,
    case when suppressed.is_suppressed then 'suppressed' else 'normal' end as obs_status
from suppressed
inner join {{ ref('dim_geography') }} as geographies
    on suppressed.geo_scheme = geographies.geo_scheme
    and suppressed.geo_code = geographies.geo_code
