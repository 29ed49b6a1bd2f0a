# Counter feedback kiosk. `make run` and `make test` work on a fresh machine: both create
# .venv, install the project with its development tools, and build the translations first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
TS := $(wildcard translations/kiosk_*.ts)
QM := $(TS:.ts=.qm)
SOURCES := $(shell find kiosk -name '*.py' 2>/dev/null)

.PHONY: setup run test lint translations lupdate build build-onefile frozen-self-test wheel wheel-self-test screenshots bench clean system-deps

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@bash tools/system-deps.sh
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (set PYTHON=python3.12 for example)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

system-deps:
	bash tools/system-deps.sh

# .ts files are the source of truth; .qm files are built from them, never edited.
translations: setup $(QM)

translations/%.qm: translations/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Only when a .ts file does not exist yet (a new language): start it from the code.
translations/%.ts: | $(VENV)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(SOURCES) -ts $@

# Refresh the .ts sources from the code (then translate the new entries in Linguist).
lupdate: setup
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(SOURCES) -ts $(TS)

run: translations
	$(PY) -m kiosk --windowed --data-dir .dev-data

# All four run even when one fails, so CI reports every problem at once.
test: translations
	@bash tools/test-deps.sh
	@status=0; \
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest || status=1; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/lint-imports || status=1; \
	exit $$status

# The edit loop: no slow-marked tests, stop at the first failure, no .pytest_cache written.
.PHONY: test-fast
test-fast: translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow" -x -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports

screenshots: translations
	QT_QPA_PLATFORM=offscreen $(PY) -m kiosk screenshots --out screenshots

# build.spec compiles the .qm itself, from translations/*.ts.
build: setup
	$(BIN)/pyinstaller --noconfirm --clean build.spec

build-onefile: setup
	KIOSK_ONEFILE=1 $(BIN)/pyinstaller --noconfirm --clean --distpath dist/onefile \
		--workpath build/onefile build.spec

# The frozen build must find every data file: CI runs its self-test.
frozen-self-test: build
	QT_QPA_PLATFORM=offscreen dist/kiosk/kiosk --self-test

# The sdist and the wheel in dist/, each built in an isolated environment (the wheel from
# the sdist), as pip and pipx build them.
wheel: setup
	rm -f dist/*.whl dist/*.tar.gz
	$(PY) -m build --outdir dist .

# The wheel must carry every data file: install it into a fresh venv outside the checkout
# and run its self-test from elsewhere, so the checkout cannot be imported.
wheel-self-test: wheel
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/pip" install --quiet dist/*.whl && \
	cd "$$tmp" && QT_QPA_PLATFORM=offscreen "$$tmp/venv/bin/kiosk" --self-test && \
	"$$tmp/venv/bin/pip" install --quiet "$$(ls $(CURDIR)/dist/*.whl)[central]" && \
	"$$tmp/venv/bin/python" -c 'from kiosk.endpoint.web import i18n; \
	assert i18n.translations("es").gettext("Alerts") == "Avisos", "web catalogs missing"; \
	print("wheel: web catalogs found")'

bench: translations
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

clean:
	rm -rf build dist $(QM) .pytest_cache

# Try the managers' web pages: a demo chain in .dev-data/central-demo.sqlite (never real data).
.PHONY: central-demo
central-demo:
	mkdir -p .dev-data
	$(PY) -m kiosk endpoint demo --db .dev-data/central-demo.sqlite --port 8080
