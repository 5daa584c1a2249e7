select
    provinces.province_code,
    provinces.name_vi,
    provinces.name_ascii,
    provinces.region6_code,
    provinces.successor_code_2025,
    population.population_2019
from {{ ref('ref_provinces_2004') }} as provinces
left join {{ ref('ref_population_2019') }} as population
    on provinces.province_code = population.province_code
