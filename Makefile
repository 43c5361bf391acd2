# Two commands on a fresh machine: `make run` and `make test`. Both create and reuse .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint imports bench clean

# `make test` runs the strict checks (ruff, mypy) before the tests when STRICT is non-empty;
# until every module is clean they run on their own with `make lint` (or `make test STRICT=1`).
STRICT ?=

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/eventdesk gui

imports: $(STAMP)
	$(VENV)/bin/lint-imports --config .importlinter

lint: imports
	@# Both run before either fails, so one pass shows every finding.
	$(VENV)/bin/ruff check src tests benchmarks; ruff=$$?; $(VENV)/bin/mypy; exit $$((ruff | $$?))

test: $(STAMP) $(if $(STRICT),lint,imports)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -q

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
