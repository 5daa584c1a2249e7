-- Who reported each source and when (reference data, no row-level data): the code list of
-- indicator_values.reporting_agency.
select
    source,
    agency_code,
    valid_from,
    valid_to,
    agency_vi,
    agency_en
from {{ ref('ref_reporting_agencies') }}
