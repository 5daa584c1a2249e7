-- The dates each source covers. The latest last_date is the data-as-of date: publish/release.py
-- writes it to the manifest (through pub_data_coverage) and IND-13 closes its 30-day window
-- there, so the release and the indicator agree.
select 'hotline_111' as source, min(received_date) as first_date, max(received_date) as last_date
from {{ ref('stg_hotline__contacts') }}
union all
select 'training_reports' as source, min(event_date) as first_date, max(event_date) as last_date
from {{ ref('stg_training__events') }}
union all
select 'portal_analytics' as source, min(session_date) as first_date, max(session_date) as last_date
from {{ ref('stg_portal__traffic') }}
union all
select 'schools_register' as source, min(school_year_start) as first_date, max(school_year_end) as last_date
from {{ ref('stg_schools__register') }}
union all
select 'police_reports' as source, min(reported_date) as first_date, max(reported_date) as last_date
from {{ ref('stg_violations__subjects') }}
union all
select
    'facility_reports' as source,
    min(counselled_month) as first_date,
    cast({{ dbt.last_day('max(counselled_month)', 'month') }} as date) as last_date
from {{ ref('stg_facilities__counselling') }}
union all
select 'csam_database' as source, min(confirmed_date) as first_date, max(confirmed_date) as last_date
from {{ ref('stg_csam__items') }}
union all
select 'inspections' as source, min(visit_date) as first_date, max(visit_date) as last_date
from {{ ref('stg_inspections__visits') }}
