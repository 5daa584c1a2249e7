-- IND-01 (target T1): schools and child care / protection facilities in the school-year register,
-- and those of them that ran online-safety education that school year. A register not yet
-- received is missing, not zero, so periods and provinces without one have no row.
with register as (
    {{ geocode(ref('stg_schools__register'), 'school_year_start') }}
),

facilities as (
    select *, school_year as period_school_year
    from register
)

{{ aggregate_indicator(
    'schools_running_online_safety', 'facilities',
    numerator='sum(case when ran_online_safety then 1 else 0 end)',
    denominator='count(*)',
    zero_when_absent=false
) }}
