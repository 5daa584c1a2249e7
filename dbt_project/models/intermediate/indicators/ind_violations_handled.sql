-- IND-03 (target T3): of the organisations and individuals reported or detected violating the
-- law against children online in a year (the cohort, by the date reported or detected) whose
-- 180-day follow-up has ended by the data-as-of date, leaving out those where no violation was
-- established within it, the share handled under the law (sanctioned, prosecuted or
-- transferred) within the 180 days (int_violation_subjects_followed).
with cohort as (
    select *
    from ({{ geocode(ref('int_violation_subjects_followed'), 'reported_date') }}) as geocoded
    where not is_no_violation
)

{{ aggregate_indicator(
    'violations_handled', 'cohort',
    numerator='sum(case when is_handled_in_window then 1 else 0 end)',
    denominator='count(*)'
) }}
