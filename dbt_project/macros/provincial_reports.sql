{#- The sources the provinces deliver as one report per province and quarter: the registry's
    source name -> the ingestion ledger's. Each has a calendar of expected reports
    (int_provincial_reports_expected), and the indicators built from it carry the completeness of
    their period and geography (fct_indicator_values): a province whose report is missing is not
    reported, never a zero. -#}
{% macro provincial_report_sources() %}
    {{ return({'training_reports': 'training_events', 'facility_reports': 'facilities_counselling'}) }}
{% endmacro %}
