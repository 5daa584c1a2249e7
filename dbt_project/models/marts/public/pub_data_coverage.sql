-- The period each source covers, for the release manifest's "data as of" (no row-level data).
select source, first_date, last_date
from {{ ref('int_source_dates_summarised') }}
