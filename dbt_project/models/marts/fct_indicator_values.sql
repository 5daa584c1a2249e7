-- Every indicator value, long format: one row per indicator, period, geography and
-- disaggregation, with the numerator and denominator beside the value, the target for the
-- period's year (official in the target year, derived trajectory before) and the status.
with with_targets as (
    select
        computed.*,
        targets.target_value as target_value_official,
        targets.target_year,
        trajectories.trajectory_value
    from {{ ref('int_indicator_values_unioned') }} as computed
    left join {{ ref('stg_registry__targets') }} as targets
        on computed.target_id = targets.target_id
    left join {{ ref('int_target_trajectories') }} as trajectories
        on computed.target_id = trajectories.target_id
        and computed.year_number = trajectories.year_number
)

select
    indicator_code,
    period,
    period_type,
    geo_scheme,
    geo_code,
    sex,
    age_band,
    value,
    numerator,
    denominator,
    unit,
    target_id,
    case
        when year_number >= target_year then target_value_official
        else trajectory_value
    end as target_value,
    case
        when year_number >= target_year then 'official'
        when trajectory_value is not null then 'derived'
    end as target_kind,
    {{ indicator_status('value', 'target_value_official', 'trajectory_value', 'target_year',
                        'year_number', 'at_risk_margin', 'target_id', 'direction') }}
        as status
from with_targets
