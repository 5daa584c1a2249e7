-- DERIVED, NOT OFFICIAL: a straight line from the national value in the programme's first year
-- to the official end-of-programme target. Decision 830 publishes no yearly milestones; this
-- trajectory only lets the status say whether progress is fast enough, and is labelled derived
-- wherever it is shown.
with baselines as (
    select
        targets.target_id,
        targets.programme_start_year,
        targets.target_year,
        targets.target_value,
        values_.value as baseline_value
    from {{ ref('stg_registry__targets') }} as targets
    inner join {{ ref('int_indicator_values_unioned') }} as values_
        on targets.indicator_code = values_.indicator_code
        and values_.geo_scheme = 'national'
        and values_.period = cast(targets.programme_start_year as {{ dbt.type_string() }})
)

select
    baselines.target_id,
    cast(years.year_number as {{ dbt.type_string() }}) as period,
    baselines.baseline_value
    + (baselines.target_value - baselines.baseline_value)
    * (years.year_number - baselines.programme_start_year)
    / (baselines.target_year - baselines.programme_start_year) as trajectory_value
from baselines
cross join ({{ year_spine() }}) as years
where years.year_number between baselines.programme_start_year and baselines.target_year
