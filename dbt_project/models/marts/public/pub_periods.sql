-- Every period of the calendar (periods.csv) with the programme year it counts for: a quarter or
-- a month its year, a school year the year it ends in (the 2025 target is judged on 2024-2025),
-- and the programme whose years hold it. The site reads year_number here, never re-derives it.
select
    periods.period_type,
    periods.period,
    periods.start_date,
    periods.end_date,
    periods.year_number,
    periods.parent_period,
    programmes.programme_id
from {{ ref('dim_period') }} as periods
left join {{ ref('stg_registry__programmes') }} as programmes
    on periods.year_number between programmes.start_year and programmes.end_year
