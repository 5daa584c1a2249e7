{#- Fails for every disclosure group (int_disclosure_groups) whose total is published and
    which holds exactly one suppressed part: that part could be recovered by subtraction. -#}
{% test no_single_suppressed_cell_in_group(model) %}
with state as (
    select {{ cell_id('published') }} as cell_id, published.obs_status = 'suppressed' as is_suppressed
    from {{ model }} as published
)

select
    groups.group_id,
    sum(case when groups.role = 'part' and state.is_suppressed then 1 else 0 end) as suppressed_parts
from {{ ref('int_disclosure_groups') }} as groups
inner join state on groups.cell_id = state.cell_id
group by groups.group_id
having sum(case when groups.role = 'part' and state.is_suppressed then 1 else 0 end) = 1
    and max(case when groups.role = 'total' and not state.is_suppressed then 1 else 0 end) = 1
{% endtest %}
