{#-
  A condition on a cell (alias.indicator_code, period_type, geo_scheme and its disaggregations)
  that is true when the registry's `detail` publishes it: each indicator names, per geography
  level (national, region, province = both schemes), the period types published and those for
  which its breakdowns (sex, age band, platform) are published too.
-#}
{% macro published_detail(alias) -%}
    {%- set levels = {'national': ['national'], 'region': ['region'], 'province': ['province_2004', 'province_2025']} -%}
    (
    {%- for slug, spec in registry_indicators().items() %}
        {% if not loop.first %}or {% endif %}({{ alias }}.indicator_code = '{{ spec.code }}' and (
        {%- for level, schemes in levels.items() %}
            {%- set detail = spec.detail[level] %}
            {% if not loop.first %}or {% endif %}({{ alias }}.geo_scheme in ('{{ schemes | join("', '") }}') and (
                ({% for dimension in calendar().disaggregations %}{{ alias }}.{{ dimension }} = '_T' and {% endfor %}{{ alias }}.period_type in ('{{ detail.periods | join("', '") }}'))
                {%- if detail.breakdowns %}
                or {{ alias }}.period_type in ('{{ detail.breakdowns | join("', '") }}')
                {%- endif %}
            ))
        {%- endfor %}
        ))
    {%- endfor %}
    )
{%- endmacro %}
