-- The cells that may be published, with primary suppression: every indicator value at the
-- detail its registry entry publishes (detail: periods and breakdowns per geography level), a
-- cell hidden when its numerator or a secret denominator is at least 1 and below the
-- indicator's min_cell. A true zero is published (it says no event happened; it reveals no
-- one). A count and its rate (registry same_cells_as) are hidden together.
-- Complementary (secondary) suppression is not decided here: publish/disclosure chooses it on
-- the model of every additive relation between these cells, proves with a linear-programming
-- audit that no hidden cell can be recovered, and only then writes the release.
-- obs_status says why a published cell has no value (no_data, not_applicable) or that its
-- value is provisional; normal only when a final value is published.
with cells as (
    select
        facts.*,
        {#- a count and its rate (registry same_cells_as) share this key -#}
        {{ cell_id('facts', code='coalesce(indicators.suppress_with_code, facts.indicator_code)') }}
            as shared_cell_id,
        indicators.slug,
        indicators.min_cell > 0
        and (
            (facts.numerator >= 1 and facts.numerator < indicators.min_cell)
            or (
                not indicators.denominator_is_public
                and facts.denominator >= 1
                and facts.denominator < indicators.min_cell
            )
        ) as is_small
    from {{ ref('fct_indicator_values') }} as facts
    inner join {{ ref('stg_registry__indicators') }} as indicators
        on facts.indicator_code = indicators.indicator_code
    where {{ published_detail('facts') }}
),

suppressed as (
    select
        cells.*,
        max(case when cells.is_small then 1 else 0 end)
            over (partition by cells.shared_cell_id) = 1 as is_suppressed  -- noqa: LT02
    from cells
)

select
    suppressed.indicator_code,
    suppressed.slug,
    suppressed.period,
    suppressed.period_type,
    suppressed.geo_scheme,
    suppressed.geo_code,
    geographies.name_vi as geo_name,
    {%- for dimension in calendar().disaggregations %}
        suppressed.{{ dimension }},
    {%- endfor %}
    case when suppressed.is_suppressed then null else suppressed.value end as value,
    case when suppressed.is_suppressed then null else suppressed.numerator end as numerator,
    case when suppressed.is_suppressed then null else suppressed.denominator end as denominator,
    suppressed.unit,
    suppressed.target_value,
    suppressed.target_kind,
    suppressed.completeness,
    suppressed.reporting_agency,
    case when suppressed.is_suppressed then 'suppressed' else suppressed.status end as status,
    {#- why a cell has no value, or how far its value can be trusted (SDMX OBS_STATUS-like):
        no_data: nothing was reported (IND-15's denominator counts only officially reported
        deliverables); not_applicable: a rate whose base is empty (0/0) or absent (an unknown
        place has no population); provisional: a report of the period can still arrive -#}
    case
        when suppressed.is_suppressed then 'suppressed'
        when suppressed.value is null and suppressed.source = 'plan_reports' then 'no_data'
        when suppressed.value is null then 'not_applicable'
        when suppressed.is_provisional then 'provisional'
        else 'normal'
    end as obs_status
from suppressed
inner join {{ ref('dim_geography') }} as geographies
    on suppressed.geo_scheme = geographies.geo_scheme
    and suppressed.geo_code = geographies.geo_code
