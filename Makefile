# The two commands: `make run` starts tally, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint bench screenshots clean

run: $(VENV)/.installed
	$(BIN)/tally serve

# pytest-xdist workers sharing one PostgreSQL: two per core, as a test spends about half its time waiting on
# PostgreSQL, on processes it started or on timers (docs/testing.md).
TEST_WORKERS ?= $(shell echo $$(( 2 * $$(nproc 2>/dev/null || echo 2) )))

test: lint
	scripts/ensure-chromium
	scripts/ensure-fonts
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The rules a machine checks before any test runs: lint, format and types.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy

# The tests that need no database (the domain's rules, in memory): seconds, for every save.
test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/domain -q -p no:cacheprovider

# Saves a screenshot of every dashboard page under docs/screenshots/.
screenshots: $(VENV)/.installed-dev
	scripts/ensure-chromium
	TALLY_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/interfaces/dashboard -q

bench: $(VENV)/.installed
	$(BIN)/tally bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
