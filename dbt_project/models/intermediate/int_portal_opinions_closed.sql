-- Children's opinions whose 30 days to an answer have run out by the data-as-of date (the
-- latest date any source covers, the release manifest's data_as_of), and whether each was
-- answered within them. An opinion submitted on day d is closed when d + 30 <= data-as-of: the
-- data run to the end of that day. A younger one can still be answered in time, so it is
-- counted neither way yet. Rows come geocoded (int_portal_opinions_geocoded).
select
    opinions.*,
    opinions.is_answered
    and opinions.answered_at <= {{ dbt.dateadd('day', 30, 'opinions.submitted_at') }} as is_answered_in_time
from {{ ref('int_portal_opinions_geocoded') }} as opinions
where cast({{ dbt.dateadd('day', 30, 'opinions.submitted_date') }} as date) <= {{ data_as_of_date() }}
