-- Children under 16 by geography and period: the 2019 census population times the national
-- child share. An approximation (the child share differs between provinces), constant over the
-- years; every indicator that divides by it says so in its caveats.
-- A region is the territory it covered in the period (as its numerator counts it, see geocode):
-- its 2004 provinces before 1 July 2025, its assigned 2025 provinces from then, and for a period
-- that straddles the switch the two weighted by the days each covered.
with provinces as (
    select
        old.province_code,
        old.successor_code_2025,
        old.region6_code as region_pre_switch,
        new.region6_code as region_post_switch,
        population.population_2019 * {{ var('child_share_2019') }} as children_estimated
    from {{ ref('stg_reference__provinces_2004') }} as old
    inner join {{ ref('stg_reference__provinces_2025') }} as new
        on old.successor_code_2025 = new.province_code
    left join {{ ref('stg_reference__population_2019') }} as population
        on old.province_code = population.province_code
),

territories as (
    select 'national' as geo_scheme, 'VN' as geo_code, sum(children_estimated) as pre_switch, sum(children_estimated) as post_switch
    from provinces
    union all
    select 'province_2004', province_code, children_estimated, cast(null as {{ type_double() }})
    from provinces
    union all
    select 'province_2025', successor_code_2025, sum(children_estimated), sum(children_estimated)
    from provinces
    group by successor_code_2025
    union all
    select 'region', region_code, sum(pre_switch), sum(post_switch)
    from (
        select region_pre_switch as region_code, children_estimated as pre_switch, 0 as post_switch from provinces
        union all
        select region_post_switch, 0, children_estimated from provinces
    ) as by_side
    group by region_code
),

periods as (
    select
        period_type,
        period,
        {#- days of the period before the switch, and from it -#}
        greatest(least({{ dbt.datediff('start_date', "cast('" ~ calendar().province_switch_date ~ "' as date)", 'day') }}, {{ dbt.datediff('start_date', 'end_date', 'day') }} + 1), 0) as days_pre_switch,
        greatest(least({{ dbt.datediff("cast('" ~ calendar().province_switch_date ~ "' as date)", 'end_date', 'day') }} + 1, {{ dbt.datediff('start_date', 'end_date', 'day') }} + 1), 0) as days_post_switch
    from {{ ref('dim_period') }}
)

select
    territories.geo_scheme,
    territories.geo_code,
    periods.period_type,
    periods.period,
    case
        when periods.days_post_switch = 0 then territories.pre_switch
        when periods.days_pre_switch = 0 then territories.post_switch
        else (territories.pre_switch * periods.days_pre_switch + territories.post_switch * periods.days_post_switch)
            / (periods.days_pre_switch + periods.days_post_switch)
    end as children_estimated
from territories
cross join periods
