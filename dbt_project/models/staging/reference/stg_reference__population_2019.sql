select
    province_code,
    population_2019
from {{ ref('ref_population_2019') }}
