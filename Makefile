# Every target builds its own virtualenv, so a fresh machine needs only python3 (3.11+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirewatch demo

test: $(STAMP)
	$(BIN)/ruff check tui tests
	$(BIN)/mypy --strict tui
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	@command -v newsboat >/dev/null || (apt-get update -qq && apt-get install -y -qq newsboat) \
		|| echo "newsboat could not be installed: the pipeline benchmark runs without its baseline"
	$(BIN)/python -m tests.bench.run_all

screenshots: $(STAMP)
	$(BIN)/python -m tests.tui.screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
