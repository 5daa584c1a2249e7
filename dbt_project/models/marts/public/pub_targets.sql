-- Official targets as typed in the programme files, and the derived yearly trajectories that
-- the status rule compares against (kind = 'derived', never presented as official).
select
    targets.target_id,
    targets.programme_id,
    targets.indicator_code,
    targets.target_year,
    targets.target_value,
    targets.unit,
    targets.kind,
    targets.is_aspirational,
    targets.text_vi,
    targets.text_en
from {{ ref('stg_registry__targets') }} as targets

union all

select
    targets.target_id,
    targets.programme_id,
    targets.indicator_code,
    trajectories.year_number as target_year,
    trajectories.trajectory_value as target_value,
    targets.unit,
    'derived' as kind,
    targets.is_aspirational,
    'Lộ trình suy ra (không chính thức), tuyến tính từ giá trị năm đầu đến mục tiêu' as text_vi,
    'Derived trajectory (not official), linear from the first-year value to the target' as text_en
from {{ ref('int_target_trajectories') }} as trajectories
inner join {{ ref('stg_registry__targets') }} as targets
    on trajectories.target_id = targets.target_id
where trajectories.year_number < targets.target_year
