-- The categories of each one-way breakdown in their published order (categories.csv): the total
-- first, then the categories of schemas/reference/calendar.yml, then the unknown one. The site
-- orders a breakdown by sort_order, never by a list of its own.
{%- set calendar_ = calendar() %}
{%- set rows = [] %}
{%- for dimension, categories in calendar_.disaggregations.items() %}
    {%- set codes = [calendar_.total_code] + categories + [calendar_.unknown_code] %}
    {%- for code in codes %}
        {%- do rows.append((dimension, code, loop.index0)) %}
    {%- endfor %}
{%- endfor %}
select
    dimension,
    category,
    cast(sort_order as {{ dbt.type_int() }}) as sort_order
-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
from (
    {%- for dimension, code, order in rows %}
    select '{{ dimension }}' as dimension, '{{ code }}' as category, {{ order }} as sort_order
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
) as categories
-- noqa: enable=LT02
