-- IND-16: children under 16 counselled on an online-related issue at social-assistance
-- facilities, a count from the provinces' quarterly reports. A province that did not report has
-- no row (no report is not a zero). 16-17 year-olds and unrecorded ages are not counted: their
-- rows add 0, in the unknown age band '_U', which is therefore always 0 but present, so that
-- the breakdowns add up wherever a report was received.
{%- set under_16 = ['0-5', '6-10', '11-14', '15'] %}

{{ aggregate_indicator(
    'facility_children_counselled', ref('int_facility_counselling_geocoded'),
    numerator="sum(case when age_band in ('" ~ under_16 | join("', '") ~ "') then children else 0 end)",
    zero_when_absent=false, categories={'age_band': under_16}
) }}
