-- What may be published: every indicator value with small cells suppressed.
-- Primary: a cell whose numerator or denominator is below the indicator's min_cell (registry
-- disclosure rule). Complementary: while some group of int_disclosure_groups has a published
-- total and exactly one suppressed part, that group's smallest published part is suppressed
-- too, or its total when no published part is left (a fixed number of passes; the
-- no_single_suppressed_cell_in_group test fails the build if they were not enough). A count and
-- its rate are hidden together. Suppressed cells keep their row with obs_status = 'suppressed'.
{%- set passes = 10 %}

with cells as (
    select
        facts.*,
        {{ cell_id('facts') }} as cell_id,
        {#- a count and its rate (registry same_cells_as) share this key -#}
        {{ cell_id('facts', code='coalesce(indicators.suppress_with_code, facts.indicator_code)') }}
            as shared_cell_id,
        indicators.slug,
        indicators.min_cell > 0
        and (
            facts.numerator < indicators.min_cell
            or (facts.denominator is not null and facts.denominator < indicators.min_cell)
        ) as is_primary_suppressed
    from {{ ref('fct_indicator_values') }} as facts
    inner join {{ ref('stg_registry__indicators') }} as indicators
        on facts.indicator_code = indicators.indicator_code
),

pass_0 as (
    select cell_id, numerator, is_primary_suppressed as is_suppressed
    from cells
),
{#- Each pass reads the previous one once (group counts and the smallest published part are
    window functions over one join), so the plan grows linearly with the passes: engines that
    inline CTEs (Spark) would otherwise expand pass 10 into thousands of copies of pass 0. -#}
{%- for i in range(1, passes + 1) %}

groups_{{ i }} as (
    select
        state.cell_id,
        state.numerator,
        state.is_suppressed,
        groups.group_id,
        groups.role,
        sum(case when groups.role = 'part' and state.is_suppressed then 1 else 0 end)
            over (partition by groups.group_id) as suppressed_parts,
        sum(case when groups.role = 'part' and not state.is_suppressed then 1 else 0 end)
            over (partition by groups.group_id) as published_parts,
        max(case when groups.role = 'total' and not state.is_suppressed then 1 else 0 end)
            over (partition by groups.group_id) as total_published,
        row_number() over (
            partition by groups.group_id
            order by
                case when groups.role = 'part' and not state.is_suppressed then 0 else 1 end,
                state.numerator nulls last,
                state.cell_id
        ) as smallest_first
    from pass_{{ i - 1 }} as state
    left join {{ ref('int_disclosure_groups') }} as groups on state.cell_id = groups.cell_id
),

pass_{{ i }} as (
    {#- a group with a published total and exactly one suppressed part hides its smallest
        published part, or its total when no published part is left (the others are absent) -#}
    select
        cell_id,
        numerator,
        is_suppressed or max(
            case
                when group_id is not null
                    and suppressed_parts = 1
                    and total_published = 1
                    and (
                        (role = 'part' and not is_suppressed and smallest_first = 1)
                        or (role = 'total' and published_parts = 0)
                    )
                    then 1
                else 0
            end
        ) = 1 as is_suppressed
    from groups_{{ i }}
    group by cell_id, numerator, is_suppressed
),
{%- endfor %}

suppressed as (
    {#- a count and its rate (suppress_with_code) are published or hidden together, so the two
        never reveal different cells; one read of the last pass (Spark copies a CTE per read) -#}
    select
        cells.*,
        max(case when final.is_suppressed then 1 else 0 end)
            over (partition by cells.shared_cell_id) = 1 as is_suppressed
    from cells
    inner join pass_{{ passes }} as final on cells.cell_id = final.cell_id
)

select
    suppressed.indicator_code,
    suppressed.slug,
    suppressed.period,
    suppressed.period_type,
    suppressed.geo_scheme,
    suppressed.geo_code,
    geographies.name_vi as geo_name,
    suppressed.sex,
    suppressed.age_band,
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
