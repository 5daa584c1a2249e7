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
    indicators.slug,
    indicators.name_vi,
    indicators.name_en,
    indicators.definition_vi,
    indicators.definition_en,
    indicators.numerator_vi,
    indicators.numerator_en,
    indicators.denominator_vi,
    indicators.denominator_en,
    indicators.unit,
    indicators.unit_label_vi,
    indicators.unit_label_en,
    indicators.decimals,
    indicators.direction,
    indicators.periodicity,
    indicators.disaggregations,
    indicators.source,
    indicators.plan_activity,
    indicators.target_id,
    indicators.caveats_vi,
    indicators.caveats_en,
    indicators.status_rule_vi,
    indicators.status_rule_en,
    indicators.legal_basis_vi,
    indicators.legal_basis_en,
    agencies.reporting_agency_vi,
    agencies.reporting_agency_en
from {{ ref('stg_registry__indicators') }} as indicators
left join agencies
    on indicators.source = agencies.source
