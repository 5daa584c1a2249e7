-- IND-17: items confirmed as child sexual abuse material and added to the national database,
-- by the date confirmed; national only (the database has no place). A period before the first
-- item has no value rather than a zero: the database did not exist yet (periods_before).
with items as (
    select
        items.*,
        {{ period_labels('items.confirmed_date') }}
    from {{ ref('stg_csam__items') }} as items
)

{{ aggregate_indicator(
    'csam_items_confirmed', 'items', numerator='count(*)',
    zero_when_absent=false, schemes=['national']
) }}
union all
{{ periods_before('csam_items_confirmed', '(select min(confirmed_date) from ' ~ ref('stg_csam__items') ~ ')') }}
