-- DERIVED, NOT OFFICIAL: a straight line from the national value in the programme's first year
-- to the official end-of-programme target (adopted programmes only: a draft's illustrative
-- targets get no trajectory). Decision 830 publishes no yearly milestones; this
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
        and values_.period_type in ('year', 'school_year')
        {%- for dimension in calendar().disaggregations %}
            and values_.{{ dimension }} = '_T'
        {%- endfor %}
        and targets.programme_start_year = values_.year_number
    where targets.kind = 'official'
)

select
    baselines.target_id,
    periods.year_number,
    baselines.baseline_value
    + (baselines.target_value - baselines.baseline_value)
    * (periods.year_number - baselines.programme_start_year)
    / (baselines.target_year - baselines.programme_start_year) as trajectory_value
from baselines
inner join {{ ref('dim_period') }} as periods
    on periods.period_type = 'year'
    and periods.year_number between baselines.programme_start_year and baselines.target_year
