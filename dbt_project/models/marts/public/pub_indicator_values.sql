-- What may be published: every indicator value with small cells suppressed.
-- Primary: a cell whose numerator or denominator is below the indicator's min_cell (registry
-- disclosure rule). Complementary: while some group of int_disclosure_groups has a published
-- total and exactly one suppressed part, that group's smallest published part is suppressed
-- too, or its total when no published part is left (a fixed number of passes; the no_recoverable_suppressed_cells test fails the build if
-- they were not enough). Suppressed cells keep their row with obs_status = 'suppressed'.
{%- set passes = 10 %}

with cells as (
    select
        facts.*,
        {{ cell_id('facts') }} as cell_id,
        {{ cell_id('facts', code='indicators.suppress_with_code') }} as linked_cell_id,
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
{%- for i in range(1, passes + 1) %}

groups_{{ i }} as (
    select
        groups.group_id,
        sum(case when groups.role = 'part' and state.is_suppressed then 1 else 0 end) as suppressed_parts,
        sum(case when groups.role = 'part' and not state.is_suppressed then 1 else 0 end) as published_parts,
        max(case when groups.role = 'total' and not state.is_suppressed then 1 else 0 end) as total_published
    from {{ ref('int_disclosure_groups') }} as groups
    inner join pass_{{ i - 1 }} as state on groups.cell_id = state.cell_id
    group by groups.group_id
),

complements_{{ i }} as (
    select distinct cell_id
    from (
        select
            state.cell_id,
            row_number() over (
                partition by groups.group_id order by state.numerator, state.cell_id
            ) as smallest_first
        from {{ ref('int_disclosure_groups') }} as groups
        inner join pass_{{ i - 1 }} as state on groups.cell_id = state.cell_id
        inner join groups_{{ i }} as exposed on groups.group_id = exposed.group_id
        where groups.role = 'part'
            and not state.is_suppressed
            and exposed.suppressed_parts = 1
            and exposed.total_published = 1
    ) as ranked
    where smallest_first = 1

    union all

    -- no published part is left to hide beside it (the others are absent): hide the total
    select groups.cell_id
    from {{ ref('int_disclosure_groups') }} as groups
    inner join groups_{{ i }} as exposed on groups.group_id = exposed.group_id
    where groups.role = 'total'
        and exposed.suppressed_parts = 1
        and exposed.total_published = 1
        and exposed.published_parts = 0
),

pass_{{ i }} as (
    select
        state.cell_id,
        state.numerator,
        state.is_suppressed or complements.cell_id is not null as is_suppressed
    from pass_{{ i - 1 }} as state
    left join (select distinct cell_id from complements_{{ i }}) as complements
        on state.cell_id = complements.cell_id
),
{%- endfor %}

suppressed as (
    {#- an indicator with suppress_with_code (a rate of another's count) is also hidden wherever
        that indicator's cell is, so the two never reveal different cells -#}
    select
        cells.*,
        final.is_suppressed or coalesce(linked.is_suppressed, false) as is_suppressed
    from cells
    inner join pass_{{ passes }} as final on cells.cell_id = final.cell_id
    left join pass_{{ passes }} as linked
        on cells.linked_cell_id = linked.cell_id
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
