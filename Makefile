# Two commands for a new machine: `make report` and `make test` (see README).
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
AGS    ?= 08221000

.PHONY: report test lint system-deps clean

$(STAMP): pyproject.toml
	bash scripts/setup-system.sh runtime
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/bnk report --ags $(AGS)

lint: $(STAMP)
	$(BIN)/ruff check bnk_lib tests scripts benchmarks
	$(BIN)/mypy bnk_lib

test: $(STAMP)
	bash scripts/setup-system.sh test
	$(MAKE) lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) outputs
