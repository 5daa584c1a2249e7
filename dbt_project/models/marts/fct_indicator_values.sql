-- Every indicator value, long format: one row per indicator, period, geography and
-- disaggregation, with the numerator and denominator beside the value, the target for the
-- period's year (official in the target year, derived trajectory before) and the status. The
-- target is the official one of the indicator in the adopted programme whose years hold the
-- period's year, so a series that continues across programmes is judged against each in turn
-- (a draft programme's illustrative targets are never judged).
-- Indicators built from the provinces' quarterly reports (training, facility counselling:
-- provincial_report_sources()) carry the period's completeness (share of the expected reports
-- of their source received for that period and geography); a cell with a report still
-- pending (missing but not yet past its due date plus the late-report allowance at the
-- data-as-of date) is provisional and its status is not judged, and so is a period of an
-- indicator that follows cases for a window while some of its cases are still right-censored
-- (int_right_censored_periods: IND-03's latest cohort).
with with_targets as (
    select
        computed.*,
        targets.target_id as programme_target_id,
        targets.target_value as target_value_official,
        targets.target_year,
        trajectories.trajectory_value,
        100.0 * received.reports_received / received.reports_expected as completeness,
        coalesce(received.reports_pending > 0, false)
        or censored.indicator_code is not null as is_provisional
    from {{ ref('int_indicator_values_unioned') }} as computed
    left join {{ ref('stg_registry__targets') }} as targets
        on computed.indicator_code = targets.indicator_code
        and targets.kind = 'official'
        and computed.year_number between targets.programme_start_year and targets.programme_end_year
    left join {{ ref('int_target_trajectories') }} as trajectories
        on targets.target_id = trajectories.target_id
        and computed.year_number = trajectories.year_number
    left join {{ ref('int_provincial_reports_received') }} as received
        on computed.source = received.source
        and computed.period_type = received.period_type
        and computed.period = received.period
        and computed.geo_scheme = received.geo_scheme
        and computed.geo_code = received.geo_code
    left join {{ ref('int_right_censored_periods') }} as censored
        on computed.indicator_code = censored.indicator_code
        and computed.period_type = censored.period_type
        and computed.period = censored.period
)

select
    indicator_code,
    period,
    period_type,
    geo_scheme,
    geo_code,
    {%- for dimension in calendar().disaggregations %}
        {{ dimension }},
    {%- endfor %}
    value,
    numerator,
    denominator,
    unit,
    source,
    programme_target_id as target_id,
    case
        when year_number >= target_year then target_value_official
        else trajectory_value
    end as target_value,
    case
        when year_number >= target_year then 'official'
        when trajectory_value is not null then 'derived'
    end as target_kind,
    reporting_agency,
    completeness,
    is_provisional,
    {{ indicator_status('value', 'target_value_official', 'trajectory_value', 'target_year',
                        'year_number', 'at_risk_margin', 'programme_target_id', 'direction',
                        'is_provisional') }}
        as status
from with_targets
