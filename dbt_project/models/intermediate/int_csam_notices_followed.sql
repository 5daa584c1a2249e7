-- Takedown notices of confirmed database items whose 24 hours from the notice have run out by
-- the data-as-of date, with whether the content was removed within them and the hours it took.
-- A notice sent on local day d is followed once d + 1 day <= data-as-of (its 24 hours end by
-- the end of that day at the latest); a younger one can still be removed in time, so it is
-- counted neither way yet (right-censoring, as IND-03 treats its 180 days). A notice whose item
-- is not in the database export is left out: only confirmed items count.
with notices as (
    select
        notices.*,
        {#- the difference of two non-null times (Spark's datediff asserts it), kept only
            when the content was removed -#}
        -- 60e0: a double on every adapter (Spark divides by 60.0 as a decimal of scale 6)
        case
            when notices.removed_at is not null
                then {{ dbt.datediff('notices.notice_sent_at', 'coalesce(notices.removed_at, notices.notice_sent_at)', 'minute') }} / 60e0
        end as hours_to_removal
    from {{ ref('stg_csam__notices') }} as notices
    inner join {{ ref('stg_csam__items') }} as items
        on notices.item_id = items.item_id
)

select
    notices.*,
    coalesce(notices.hours_to_removal <= 24, false) as is_removed_within_24h
from notices
where cast({{ dbt.dateadd('day', 1, 'notices.notice_date') }} as date) <= {{ data_as_of_date() }}
