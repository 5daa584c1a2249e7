-- The registry's public fields, both languages.
select
    indicator_code,
    slug,
    name_vi,
    name_en,
    definition_vi,
    definition_en,
    numerator_vi,
    numerator_en,
    denominator_vi,
    denominator_en,
    unit,
    unit_label_vi,
    unit_label_en,
    decimals,
    direction,
    source,
    plan_activity,
    target_id,
    caveats_vi,
    caveats_en
from {{ ref('stg_registry__indicators') }}
