{#- on-run-start: make the raw tables (the sources) readable by the target.
    DuckDB: nothing to do, they are in the warehouse file.
    Spark: one table per source over the Parquet files that orchestration/raw_parquet.py wrote
    to var('raw_parquet_dir') (or env COP_RAW_PARQUET_DIR), as <dir>/<table>.parquet. The list
    of tables is dbt's own (the sources of the graph), not a list kept by hand. -#}
{% macro register_raw_parquet() -%}
    {{ return(adapter.dispatch('register_raw_parquet')()) }}
{%- endmacro %}

{% macro default__register_raw_parquet() -%}
    {#- an empty hook: dbt runs nothing -#}
{%- endmacro %}

{% macro spark__register_raw_parquet() -%}
    {%- if execute -%}
        {%- set directory = var('raw_parquet_dir', env_var('COP_RAW_PARQUET_DIR', '')) -%}
        {%- if not directory -%}
            {{ exceptions.raise_compiler_error("Spark target: set var raw_parquet_dir (or env COP_RAW_PARQUET_DIR) to the folder orchestration/raw_parquet.py wrote") }}
        {%- endif -%}
        {%- set schemas = [] -%}
        {%- for source in graph.sources.values() | sort(attribute='unique_id') -%}
            {%- if source.schema not in schemas -%}
                {%- do schemas.append(source.schema) -%}
                {%- do run_query('create database if not exists ' ~ source.schema) -%}
            {%- endif -%}
            {%- set location = (directory.rstrip('/') ~ '/' ~ source.identifier ~ '.parquet') | replace("'", "\\'") -%}
            {#- external tables: dropping one forgets the old location, never deletes a file -#}
            {%- do run_query("drop table if exists " ~ source.schema ~ "." ~ source.identifier) -%}
            {%- do run_query("create table " ~ source.schema ~ "." ~ source.identifier ~ " using parquet location '" ~ location ~ "'") -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
