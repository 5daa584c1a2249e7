-- One row per organisation or individual reported (tố giác) or detected violating the law
-- against children online (police A05 and inspectorates), with the date of each handling step.
select
    subject_id,
    subject_type,
    reported_date,
    intake_channel,
    province_code,
    province_scheme,
    violation_type,
    verified_date,
    sanctioned_date,
    prosecuted_date,
    transferred_date,
    no_violation_date,
    _source_file as source_file
from {{ source('violations', 'raw_violations__subjects') }}
