# The two commands a newcomer needs:   make demo   and   make test
# Both build everything on first use: the virtual environment in .venv (from PyPI) and the
# hub's static files (GOV.UK Frontend, from npm).

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo demo-cli test lint bench eval clean

# The hub on the built-in demo school: open the printed address and sign in as "head".
demo: $(STAMP)
	$(BIN)/safepost serve

# The same demo school, checked in the terminal.
demo-cli: $(STAMP)
	$(BIN)/safepost demo

# Lint, type-check, then every test on SQLite; the hub's tests run again on PostgreSQL when
# SAFEPOST_TEST_POSTGRES_URL names one (.ci/run starts one).
test: $(STAMP) lint
	$(BIN)/pytest
	if [ -n "$$SAFEPOST_TEST_POSTGRES_URL" ]; then \
	  DATABASE_URL="$$SAFEPOST_TEST_POSTGRES_URL" $(BIN)/pytest tests/hub -m "not browser"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_language.py
	$(BIN)/python bench/bench_images.py
	$(BIN)/python bench/eval_images.py
	$(BIN)/python bench/bench_hub.py

eval: $(STAMP)
	$(BIN)/safepost eval tests/data/devset/cases.jsonl

$(STAMP): pyproject.toml frontend/package.json frontend/package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,hub,heic]'
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $(STAMP)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache \
	  frontend/node_modules src/safepost/hub/static/vendor
