# Two commands on a fresh machine: `make run` and `make test`. Both create and reuse .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint imports bench bundle clean system-run system-test

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
	$(PY) -m pip install -q -e '.[test,bundle]'
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

# The application bundle for desk PCs without Python (PyInstaller, packaging/eventdesk.spec):
# dist/eventdesk/ with one executable `eventdesk`. Rebuilt only when a source, resource,
# migration or the build description changed (the stamp); PyInstaller keeps its analysis in
# build/pyinstaller between builds.
BUNDLE_STAMP := dist/eventdesk/.built
BUNDLE_INPUTS := pyproject.toml $(shell find src resources db packaging -type f \
                   -not -path '*/__pycache__/*' 2>/dev/null)

bundle: $(BUNDLE_STAMP)

$(BUNDLE_STAMP): $(STAMP) $(BUNDLE_INPUTS)
	@PYTHON=$(PYTHON) scripts/system-packages --install bundle
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/eventdesk.spec
	touch $@

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
