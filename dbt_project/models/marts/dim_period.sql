-- Every published period of the programmes: years, quarters and months, with their dates, and
-- the school years (1 September to 31 May) that end in a programme year: '2020-2021' ends in
-- 2021, so its year_number is 2021 and the 2025 target is judged on school year 2024-2025.
{#- the years of the adopted programmes (schemas/programmes, rendered into calendar()) #}
{%- set start = calendar().first_year %}
{%- set end = calendar().last_year %}
{%- set rows = [] %}
{%- for year in range(start, end + 1) %}
    {%- do rows.append(("year", year ~ "", year ~ "-01-01", year ~ "-12-31", year, "")) %}
    {%- for quarter in range(1, 5) %}
        {%- set last_day = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}[quarter] %}
        {%- do rows.append(("quarter", year ~ "-Q" ~ quarter, year ~ "-" ~ "%02d" | format(3 * quarter - 2) ~ "-01", year ~ "-" ~ last_day, year, year ~ "")) %}
    {%- endfor %}
    {%- do rows.append(("school_year", (year - 1) ~ "-" ~ year, (year - 1) ~ "-09-01", year ~ "-05-31", year, "")) %}
    {%- for month in range(1, 13) %}
        {%- set next_first = (year ~ "-" ~ "%02d" | format(month + 1) ~ "-01") if month < 12 else ((year + 1) ~ "-01-01") %}
        {%- do rows.append(("month", year ~ "-" ~ "%02d" | format(month), year ~ "-" ~ "%02d" | format(month) ~ "-01", next_first, year, year ~ "-Q" ~ ((month + 2) // 3))) %}
    {%- endfor %}
{%- endfor %}
select
    period_type,
    period,
    cast(start_date as date) as start_date,
    {# months carry the next month's first day; the end is the day before #}
    case
        when period_type = 'month' then cast({{ dbt.dateadd('day', -1, 'cast(end_date as date)') }} as date)
        else cast(end_date as date)
    end as end_date,
    year_number,
    {# the period this one adds up into: a quarter's year, a month's quarter #}
    case when parent_period = '' then null else parent_period end as parent_period
-- the loop's union branches are indented as one block:
-- noqa: disable=LT02
from (
    {%- for period_type, period, start_date, end_date, year, parent in rows %}
    select '{{ period_type }}' as period_type, '{{ period }}' as period, '{{ start_date }}' as start_date, '{{ end_date }}' as end_date, {{ year }} as year_number, '{{ parent }}' as parent_period
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
) as periods
-- noqa: enable=LT02
