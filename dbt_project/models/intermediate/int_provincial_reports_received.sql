-- How complete each period of each provincial report source is, per period and geography: the
-- reports expected (source x province x quarter, int_provincial_reports_expected), those
-- received (late ones included) and those still pending: missing while they can still arrive,
-- i.e. the data-as-of date is before their due date plus the late-report allowance (var
-- late_report_allowance_days). The same calendar, geography and periods as IND-14, which
-- measures the training reports' timeliness. A cell with a pending report is provisional for the
-- indicators built from that source (fct_indicator_values); a report missing for good leaves
-- the completeness below 100 but the cell final (waiting will not change it).
with reports as (
    select
        geocoded.*,
        not geocoded.is_received
        and {{ dbt.dateadd('day', var('late_report_allowance_days'), 'geocoded.due_date') }}
            > {{ data_as_of_date() }} as is_pending  -- noqa: LT02
    from ({{ geocode('(select * from ' ~ ref('int_provincial_reports_timeliness') ~ ')', 'period_start') }}) as geocoded
),

-- one block of CTEs per source, indented as one block:
-- noqa: disable=LT02
{%- for source in provincial_report_sources() %}

reports_{{ source }} as (
    select *
    from reports
    where source = '{{ source }}'
),

received_{{ source }} as (
    {{ aggregate_indicator(
        'reports_on_time', 'reports_' ~ source,
        numerator='sum(case when is_received then 1 else 0 end)',
        denominator='count(*)',
        zero_when_absent=false
    ) }}
),

pending_{{ source }} as (
    {{ aggregate_indicator(
        'reports_on_time', 'reports_' ~ source,
        numerator='sum(case when is_pending then 1 else 0 end)',
        zero_when_absent=false
    ) }}
){% if not loop.last %},{% endif %}
{%- endfor %}
-- noqa: enable=LT02

-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
{%- for source in provincial_report_sources() %}
select
    '{{ source }}' as source,
    received.period_type,
    received.period,
    received.geo_scheme,
    received.geo_code,
    received.numerator as reports_received,
    received.denominator as reports_expected,
    pending.numerator as reports_pending
from received_{{ source }} as received
inner join pending_{{ source }} as pending
    on received.period_type = pending.period_type
    and received.period = pending.period
    and received.geo_scheme = pending.geo_scheme
    and received.geo_code = pending.geo_code
{% if not loop.last %}union all{% endif %}
{%- endfor %}
-- noqa: enable=LT02
