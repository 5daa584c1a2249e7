-- IND-19: the median number of hours from a takedown notice to the removal of the content,
-- over the notices of a period (by the notice's local date) that were removed, nationally and
-- per platform notified (the registry's platform breakdown: each platform's own median); the
-- numerator is the median, the denominator the notices it is taken over. Notices never removed
-- are not in it (IND-18 counts them as not removed in time).
with removed as (
    select
        notices.*,
        {{ period_labels('notices.notice_date') }}
    from {{ ref('int_csam_notices_followed') }} as notices
    where notices.hours_to_removal is not null
)

{{ aggregate_indicator(
    'csam_removal_median_hours', 'removed',
    numerator=median('hours_to_removal'), denominator='count(*)',
    zero_when_absent=false, schemes=['national']
) }}
union all
{{ periods_before('csam_removal_median_hours', '(select min(notice_date) from ' ~ ref('stg_csam__notices') ~ ')') }}
