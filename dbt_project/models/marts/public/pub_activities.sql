-- The activities of each programme's plan (activities.csv): the names the site gives the
-- activities its indicators (plan_activity) and milestones (activity) belong to.
select
    programme_id,
    activity,
    sort_order,
    name_vi,
    name_en
from {{ ref('stg_registry__activities') }}
