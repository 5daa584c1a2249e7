{#- GENERATED from schemas/programmes/*.yml and schemas/reference/calendar.yml by
    schemas/dbt_registry.py; do not edit. python -m orchestration.prepare rewrites it. -#}
{% macro calendar() %}
    {{ return({
        "first_year": 2021,
        "last_year": 2025,
        "province_switch_date": "2025-07-01",
        "last_day_before_switch": "2025-06-30",
        "training_report_due_days": 15,
        "total_code": "_T",
        "unknown_code": "_U",
        "disaggregations": {
            "sex": [
                "male",
                "female"
            ],
            "age_band": [
                "0-5",
                "6-10",
                "11-14",
                "15",
                "16-17"
            ],
            "platform": [
                "facebook",
                "tiktok",
                "youtube",
                "zalo",
                "telegram",
                "x",
                "other"
            ]
        }
    }) }}
{% endmacro %}
