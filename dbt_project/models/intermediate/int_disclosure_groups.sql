-- Which published cells add up to which: every (group, cell) with the cell's role, total or
-- part. A suppressed part could be recovered by subtraction when its group's total is published
-- and it is the group's only suppressed part; pub_indicator_values suppresses complementary
-- cells until no such group is left, and a dbt test checks it. Groups:
--   geo      the national cell = the cells of one scheme (regions, 63 or 34 provinces)
--   region   a region = its provinces of 2004
--   merger   a province of 2025 = its predecessor provinces of 2004 (periods they share)
--   sex/age  a _T cell = its sex (or age band) categories
--   time     a year = its quarters; a quarter = its months
-- Groups are drawn conservatively: a group whose parts exclude unknowns is still a group.
-- Only indicators with a disclosure threshold take part.

with cells as (
    select
        facts.*,
        {{ cell_id('facts') }} as cell_id,
        periods.parent_period,
        geographies.region6_code,
        crosswalk.province_code_2025 as successor_code
    from {{ ref('fct_indicator_values') }} as facts
    inner join {{ ref('stg_registry__indicators') }} as indicators
        on facts.indicator_code = indicators.indicator_code
    inner join {{ ref('dim_period') }} as periods
        on facts.period_type = periods.period_type and facts.period = periods.period
    inner join {{ ref('dim_geography') }} as geographies
        on facts.geo_scheme = geographies.geo_scheme and facts.geo_code = geographies.geo_code
    left join {{ ref('int_province_crosswalk') }} as crosswalk
        on facts.geo_scheme = crosswalk.province_scheme and facts.geo_code = crosswalk.province_code
    where indicators.min_cell > 0
),

schemes as (
    select 'region' as geo_scheme
    union all select 'province_2004'
    union all select 'province_2025'
)

-- geo: national total, one group per scheme
select cell_id, {{ dbt.concat(["'geo|'", "indicator_code", "'|'", "period", "'|'", "sex", "'|'", "age_band", "'|'", "geo_scheme"]) }} as group_id, 'part' as role
from cells where geo_scheme <> 'national'
union all
select cells.cell_id, {{ dbt.concat(["'geo|'", "cells.indicator_code", "'|'", "cells.period", "'|'", "cells.sex", "'|'", "cells.age_band", "'|'", "schemes.geo_scheme"]) }}, 'total'
from cells cross join schemes where cells.geo_scheme = 'national'

-- region: a region and its 2004 provinces
union all
select cell_id, {{ dbt.concat(["'region|'", "indicator_code", "'|'", "period", "'|'", "sex", "'|'", "age_band", "'|'", "region6_code"]) }}, 'part'
from cells where geo_scheme = 'province_2004' and region6_code is not null
union all
select cell_id, {{ dbt.concat(["'region|'", "indicator_code", "'|'", "period", "'|'", "sex", "'|'", "age_band", "'|'", "geo_code"]) }}, 'total'
from cells where geo_scheme = 'region' and geo_code <> '_U'

-- merger: a 2025 province and its 2004 predecessors
union all
select cell_id, {{ dbt.concat(["'merger|'", "indicator_code", "'|'", "period", "'|'", "sex", "'|'", "age_band", "'|'", "successor_code"]) }}, 'part'
from cells where geo_scheme = 'province_2004' and successor_code is not null
union all
select cell_id, {{ dbt.concat(["'merger|'", "indicator_code", "'|'", "period", "'|'", "sex", "'|'", "age_band", "'|'", "geo_code"]) }}, 'total'
from cells where geo_scheme = 'province_2025' and geo_code <> '_U'

-- sex and age: a _T cell and its categories
{%- for dimension, other in [('sex', 'age_band'), ('age_band', 'sex')] %}
union all
select cell_id, {{ dbt.concat(["'" ~ dimension ~ "|'", "indicator_code", "'|'", "period", "'|'", "geo_scheme", "'|'", "geo_code"]) }}, 'part'
from cells where {{ dimension }} <> '_T' and {{ other }} = '_T'
union all
select cell_id, {{ dbt.concat(["'" ~ dimension ~ "|'", "indicator_code", "'|'", "period", "'|'", "geo_scheme", "'|'", "geo_code"]) }}, 'total'
from cells where sex = '_T' and age_band = '_T'
{%- endfor %}

-- time: a year and its quarters, a quarter and its months
union all
select cell_id, {{ dbt.concat(["'time|'", "indicator_code", "'|'", "parent_period", "'|'", "geo_scheme", "'|'", "geo_code", "'|'", "sex", "'|'", "age_band"]) }}, 'part'
from cells where parent_period is not null
union all
select cell_id, {{ dbt.concat(["'time|'", "indicator_code", "'|'", "period", "'|'", "geo_scheme", "'|'", "geo_code", "'|'", "sex", "'|'", "age_band"]) }}, 'total'
from cells where period_type in ('year', 'quarter')
