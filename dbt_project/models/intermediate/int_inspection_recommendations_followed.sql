-- Recommendations of inspection conclusions whose follow-up period (var
-- inspections_follow_up_days, 90 days from the conclusion) has run out by the data-as-of date,
-- with whether each was resolved within it, and the province of its visit geocoded as of the
-- conclusion. A recommendation concluded on day d is followed once d + window <= data-as-of; a
-- younger one can still be resolved in time, so it is counted neither way yet (right-censoring,
-- as IND-03 treats its 180 days). A recommendation whose visit is not in the visits export is
-- left out (its province is unknown and it may belong to another programme's inspections).
{%- set window = var('inspections_follow_up_days') %}

with recommendations as (
    select
        recommendations.recommendation_id,
        recommendations.visit_id,
        recommendations.concluded_date,
        recommendations.resolved_date,
        visits.province_code,
        visits.province_scheme,
        cast({{ dbt.dateadd('day', window, 'recommendations.concluded_date') }} as date) as window_end
    from {{ ref('stg_inspections__recommendations') }} as recommendations
    inner join {{ ref('stg_inspections__visits') }} as visits
        on recommendations.visit_id = visits.visit_id
),

followed as (
    select
        recommendations.*,
        coalesce(recommendations.resolved_date <= recommendations.window_end, false)
            as is_resolved_in_window
    from recommendations
    where recommendations.window_end <= {{ data_as_of_date() }}
)

{{ geocode('followed', 'concluded_date') }}
