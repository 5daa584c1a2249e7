-- Every provincial report expected: one per report source (provincial_report_sources(): the
-- training reports and the facilities' counselling reports), province and quarter of the
-- calendar, from the province list valid in the quarter (the 63 of 2004 before the 1 July 2025
-- switch, the 34 of 2025 from it), due a fixed number of days after the quarter ends (15:
-- calendar(), from schemas/reference/calendar.yml). The denominator of IND-14 (training) and of
-- the completeness of the indicators built from these reports; the quarters are the adopted
-- programmes' (dim_period).
{%- set calendar_ = calendar() %}
with quarters as (
    select
        period,
        start_date,
        end_date,
        case
            when start_date >= cast('{{ calendar_.province_switch_date }}' as date) then 'province_2025'
            else 'province_2004'
        end as province_scheme
    from {{ ref('dim_period') }}
    where period_type = 'quarter'
),

provinces as (
    select
        'province_2004' as province_scheme,
        province_code
    from {{ ref('stg_reference__provinces_2004') }}
    union all
    select
        'province_2025' as province_scheme,
        province_code
    from {{ ref('stg_reference__provinces_2025') }}
),

-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
sources as (
    {%- for source, ledger_source in provincial_report_sources().items() %}
    select '{{ source }}' as source, '{{ ledger_source }}' as ledger_source
    {% if not loop.last %}union all{% endif -%}
    {%- endfor %}
)
-- noqa: enable=LT02

select
    sources.source,
    sources.ledger_source,
    quarters.period as report_quarter,
    quarters.start_date as period_start,
    quarters.end_date as period_end,
    cast({{ dbt.dateadd('day', calendar_.training_report_due_days, 'quarters.end_date') }} as date) as due_date,
    provinces.province_code,
    provinces.province_scheme
from quarters
inner join provinces
    on quarters.province_scheme = provinces.province_scheme
cross join sources
