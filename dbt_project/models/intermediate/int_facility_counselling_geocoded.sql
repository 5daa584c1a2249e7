-- Children counselled on an online-related issue at social-assistance facilities, one row per
-- report row and sex (male, female, and 'unknown' for the part of the total whose sex was not
-- recorded), geocoded to both province schemes as of the month counselled.
{%- set sexes = [
    ('male', 'coalesce(online_male, 0)'),
    ('female', 'coalesce(online_female, 0)'),
    ('unknown', 'online_total - coalesce(online_male, 0) - coalesce(online_female, 0)'),
] %}

-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
with by_sex as (
    {%- for sex, children in sexes %}
    select
        province_code,
        province_scheme,
        report_quarter,
        counselled_month,
        age_band,
        '{{ sex }}' as sex,
        {{ children }} as children
    from {{ ref('stg_facilities__counselling') }}
    {% if not loop.last %}union all{% endif -%}
    {%- endfor %}
)
-- noqa: enable=LT02

{{ geocode('by_sex', 'counselled_month') }}
