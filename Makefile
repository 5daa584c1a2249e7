# One command runs the product (make run), one runs the tests (make test).
SHELL := /bin/bash
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
SCALE ?= 1
PORT ?= 8050

export COP_DATA_DIR ?= $(ROOT)/data
export DAGSTER_HOME ?= $(COP_DATA_DIR)/dagster_home
export DAGSTER_DISABLE_TELEMETRY := 1
export DO_NOT_TRACK := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: run test test-fast setup setup-dev audit chromium sample pipeline serve dev bench lint lint-python lint-sql format clean

## make run: set up, write the sample, run the pipeline through Dagster, serve the site
run: setup
	@$(PY) -m orchestration.run_all --scale $(SCALE)
	@echo "Site: http://127.0.0.1:$(PORT)  (Ctrl-C to stop)"
	@# local development over plain HTTP: session cookies without Secure (make serve keeps it)
	@COP_COOKIE_SECURE=$${COP_COOKIE_SECURE:-0} $(VENV)/bin/gunicorn -c python:dashboard.gunicorn_conf \
	  --bind 127.0.0.1:$(PORT) --access-logfile - "dashboard.app:server"

## make test: set up with the dev lock (chromium included), lint, then the whole suite on two
## workers (pytest-xdist; the Spark build first, the modules that need no pipeline run beside it)
test: setup-dev chromium lint
	@$(VENV)/bin/pytest -n 2 --dist loadscope --no-loadscope-reorder

## make test-fast: the inner loop, without the pipeline run, the browser or Spark (no lint)
test-fast: setup-dev
	@$(VENV)/bin/pytest -m "not slow and not browser and not spark"

## setup: the runtime lock only (no test packages); setup-dev adds the dev lock on top
setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	@echo "==> Adding the dev packages from requirements-dev.lock"
	@$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements-dev.lock
	@touch $@

$(VENV)/.installed: requirements.lock pyproject.toml
	@echo "==> Setting up $(VENV) from requirements.lock"
	@test -x $(PY) || python3 -m venv $(VENV)
	@test -x $(VENV)/bin/uv || $(VENV)/bin/pip install --quiet uv
	@$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.lock
	@$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -e .
	@mkdir -p $(DAGSTER_HOME)
	@touch $@

chromium:
	@command -v chromium >/dev/null || { echo "==> Installing Debian chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## make sample: only write the sample sources into data/landing
sample: setup
	@$(PY) -m ingestion.sample --scale $(SCALE) --out $(COP_DATA_DIR)/landing

## make pipeline: only run the pipeline (ingest, dbt build, publish) through Dagster
pipeline: setup
	@$(PY) -m orchestration.run_all --scale $(SCALE) --no-sample

## make serve: only serve the current release
serve: setup
	@$(VENV)/bin/gunicorn -c python:dashboard.gunicorn_conf --bind 127.0.0.1:$(PORT) "dashboard.app:server"

## make bench: pipeline per step, its floor, an incremental correction and the site, in a fresh
## folder (data/bench); a Markdown table on the screen, the figures in data/bench.json
bench: setup chromium
	@$(PY) -m orchestration.bench --scale $(SCALE) --json $(COP_DATA_DIR)/bench.json

## make dev: the Dagster UI on http://127.0.0.1:3000
dev: setup
	@$(PY) -m orchestration.prepare
	@$(VENV)/bin/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

## make audit: known vulnerabilities in the runtime lock (pip-audit asks PyPI's advisory data;
## without the network it fails and says so, it never passes silently)
audit: setup-dev
	@$(VENV)/bin/pip-audit --strict --requirement requirements.lock --no-deps --disable-pip --progress-spinner off \
	  || { echo "make audit: not passed (vulnerabilities found, or the advisory service was unreachable: see above)"; exit 1; }

## make lint: ruff, mypy (schemas/ ingestion/ publish/ orchestration/ dashboard/) and sqlfluff (dbt models)
lint: lint-python lint-sql

lint-python: setup-dev
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy

# sqlfluff's dbt templater compiles every model: against a throwaway warehouse and target
# folder, so it never touches data/ or a dbt run's target/.
lint-sql: setup-dev
	@mkdir -p $(ROOT)/dbt_project/target/sqlfluff
	@COP_WAREHOUSE_PATH=$(ROOT)/dbt_project/target/sqlfluff/lint.duckdb \
	  DBT_TARGET_PATH=$(ROOT)/dbt_project/target/sqlfluff \
	  $(VENV)/bin/sqlfluff lint dbt_project/models --processes 2 --disable-progress-bar

format: setup-dev
	@$(VENV)/bin/ruff format .
	@$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(COP_DATA_DIR) dbt_project/target dbt_project/logs
