select
    case_id,
    child_ref,
    opened_at,
    opened_date,
    province_code,
    province_scheme,
    regional_centre,
    abuse_type,
    is_online_related,
    online_subtype,
    child_sex,
    child_age_band,
    help_requested,
    support_provided,
    first_intervention_at,
    closed_at,
    _source_file as source_file
from {{ source('hotline', 'raw_hotline__cases') }}
