# Two commands on a fresh machine: `make run` and `make test`. Both create and reuse .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint imports bench clean system-run system-test

# The system libraries Qt's xcb platform needs, and for `make test` the tools of the real-window
# test (all listed in scripts/system-packages.list): installed with apt-get when make runs as
# root; otherwise it stops and prints the one command to run.
system-run:
	@PYTHON=$(PYTHON) scripts/system-packages --install run

system-test:
	@PYTHON=$(PYTHON) scripts/system-packages --install run test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: system-run $(STAMP)
	$(VENV)/bin/eventdesk gui

imports: $(STAMP)
	$(VENV)/bin/lint-imports --config .importlinter

# The checks `make test` runs before the tests: the tier contract, ruff and mypy (strict, config
# in pyproject.toml); any finding fails the build.
lint: imports
	@# Both run before either fails, so one pass shows every finding.
	$(VENV)/bin/ruff check src tests benchmarks; ruff=$$?; $(VENV)/bin/mypy; exit $$((ruff | $$?))

test: system-test $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -q

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
