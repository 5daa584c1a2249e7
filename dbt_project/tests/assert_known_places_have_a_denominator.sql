-- A rate of a known place always has a denominator (it may be 0): a NULL one means a reference
-- table (such as the child population) does not cover that geography. Unknown ('_U') cells have
-- no population to divide by and are exempt, and so are the periods before a source existed,
-- which have neither numerator nor denominator (macros/periods_before.sql).
select indicator_code, period, geo_scheme, geo_code
from {{ ref('fct_indicator_values') }}
where unit <> 'count'
    and geo_code <> '_U'
    and numerator is not null
    and denominator is null
