# `make run` sets everything up and serves the app; `make test` runs the whole suite.
# `make lint` also runs graphql-schema-linter on schema.graphql (rules: package.json's "graphql-schema-linter" key).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
JS_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
CRM_SIM_PORT ?= 8001
export HOST PORT

.PHONY: setup run test test-long lint pytest schema migrations clean

$(PY_STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

$(JS_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(PY_STAMP) $(JS_STAMP)

# The CRM simulator (demo dataset) runs beside the app and stops with it.
run: setup
	$(BIN)/spendsync migrate
	@$(BIN)/spendsync crm-sim --demo --host 127.0.0.1 --port $(CRM_SIM_PORT) & sim=$$!; \
	trap 'kill $$sim 2>/dev/null' EXIT INT TERM; \
	$(BIN)/spendsync serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	node_modules/.bin/graphql-schema-linter

pytest: setup
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint pytest

# The long variants (tests marked `long`: property and schemathesis runs, fault tests), on
# SQLite and PostgreSQL; CI runs them after `make test` (docs/TESTING.md).
test-long: setup
	SPENDSYNC_LONG_TESTS=1 $(BIN)/pytest -m long $(PYTEST_ARGS)

schema: setup
	$(BIN)/spendsync export-schema

# New aerich migrations for both dialects after a model change: make migrations NAME=add_x
migrations: setup
	$(BIN)/spendsync makemigrations --name $(NAME)

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
