-- The registry's public fields, both languages, and the agencies that reported the source over
-- time (seed ref_reporting_agencies), e.g. "MOLISA (until 28 February 2025); Ministry of Health
-- (from 1 March 2025)": the indicator page's source line.
with agencies as (
    select
        source,
        {{ ordered_listagg(dbt.concat(['agency_vi', "case when period_vi is null then '' else " ~ dbt.concat(["' ('", 'period_vi', "')'"]) ~ " end"]), "'; '", 'valid_from') }} as reporting_agency_vi,
        {{ ordered_listagg(dbt.concat(['agency_en', "case when period_en is null then '' else " ~ dbt.concat(["' ('", 'period_en', "')'"]) ~ " end"]), "'; '", 'valid_from') }} as reporting_agency_en
    from {{ ref('ref_reporting_agencies') }}
    group by source
)

select
    indicators.indicator_code,
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
    periodicity,
    disaggregations,
    indicators.source,
    plan_activity,
    target_id,
    caveats_vi,
    caveats_en,
    status_rule_vi,
    status_rule_en,
    legal_basis_vi,
    legal_basis_en,
    agencies.reporting_agency_vi,
    agencies.reporting_agency_en
from {{ ref('stg_registry__indicators') }} as indicators
left join agencies
    on indicators.source = agencies.source
