-- IND-18: of the takedown notices sent for confirmed database items in a period (by the
-- notice's local date) whose 24 hours have ended by the data-as-of date, the share whose
-- content the platform removed within 24 hours of the notice (int_csam_notices_followed).
with notices as (
    select
        notices.*,
        {{ period_labels('notices.notice_date') }}
    from {{ ref('int_csam_notices_followed') }} as notices
)

{{ aggregate_indicator(
    'csam_removed_within_24h', 'notices',
    numerator='sum(case when is_removed_within_24h then 1 else 0 end)',
    denominator='count(*)', zero_when_absent=false, schemes=['national']
) }}
union all
{{ periods_before('csam_removed_within_24h', '(select min(notice_date) from ' ~ ref('stg_csam__notices') ~ ')') }}
