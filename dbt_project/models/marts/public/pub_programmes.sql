-- The programmes the warehouse knows (programmes.csv): an adopted programme's targets are
-- official and judged, and its years are the calendar; a draft's targets are illustrative, never
-- judged, and its status note says so in both languages. The site's title, header, footer and
-- methodology name the programme with its short name, decision and plan.
select
    programme_id,
    name_vi,
    name_en,
    legal_basis_vi,
    legal_basis_en,
    status,
    status_text_vi,
    status_text_en,
    start_year,
    end_year,
    short_name_vi,
    short_name_en,
    decision_vi,
    decision_en,
    plan_vi,
    plan_en
from {{ ref('stg_registry__programmes') }}
