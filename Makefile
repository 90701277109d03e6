# Two commands do everything on a fresh Debian/Ubuntu machine with Python 3.11+ and make:
#   make run    serve the app on the demo data at http://127.0.0.1:$(PORT)
#   make test   install test needs (incl. Chromium) and run the whole suite
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
PORT    ?= 8050
DB      := $(or $(BUDGET_DB),data/budget.duckdb)
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WORKERS ?= 2

.PHONY: messages run dev test test-fast lint bench bench-load bench-fuzz bench-lighthouse plotly-bundle demo info venv clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PY) -m venv $(VENV); }
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

venv: $(VENV)/.runtime

# The gettext catalogues, compiled (the app reads a .po directly when its .mo is missing or older).
MO := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/messages.po))
messages: $(MO)
locale/%/LC_MESSAGES/messages.mo: locale/%/LC_MESSAGES/messages.po | $(VENV)/.runtime
	$(BIN)/pybabel compile -d locale -D messages -l $* --statistics

$(DB): | $(VENV)/.runtime
	$(BIN)/python -m demo

demo: $(VENV)/.runtime
	$(BIN)/python -m demo

info: $(VENV)/.runtime
	$(BIN)/python -m etl info

run: $(VENV)/.runtime messages $(DB)
	PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/gunicorn --config gunicorn.conf.py app:server

dev: $(VENV)/.runtime messages $(DB)
	DASH_DEBUG=1 $(BIN)/python app.py

chromium:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { \
		$(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver poppler-utils; }

test: $(VENV)/.dev messages chromium
	$(BIN)/python -m pytest

# Unit and Flask-test-client tests only: no browser, no gunicorn, nothing slow (under a minute).
test-fast: $(VENV)/.dev messages $(DB)
	TEST_REUSE_DB=$(DB) $(BIN)/python -m pytest -o addopts="-ra" -m "not browser and not server and not slow" -q

lint: $(VENV)/.dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python tools/sizes.py

# The load benchmark needs locust, whose urllib3 conflicts with the test browser driver: its own venv.
BENCH_VENV ?= .venv-bench
$(BENCH_VENV)/.ok: requirements.txt requirements-bench.txt
	$(PY) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --upgrade pip
	$(BENCH_VENV)/bin/pip install -q -r requirements.txt -r requirements-bench.txt
	touch $@

bench-load: $(BENCH_VENV)/.ok $(DB)
	$(BENCH_VENV)/bin/python bench/load.py --faults

bench-fuzz: $(VENV)/.runtime $(DB)
	$(BIN)/python bench/fuzz.py

# Lighthouse (pinned, installed by npm into bench/lighthouse/) against real gunicorn; Debian's chromium.
bench-lighthouse: $(VENV)/.runtime $(DB)
	$(BIN)/python bench/lighthouse.py

# Rebuild the trimmed plotly.js (assets/00-plotly-custom.min.js, committed) from its npm package.
plotly-bundle:
	cd tools/plotly-bundle && npm install --no-audit --no-fund --loglevel=error && npm run build

bench: $(VENV)/.runtime $(DB)
	$(BIN)/python bench/overview.py
	$(BIN)/python bench/explorer.py
	$(BIN)/python bench/backtest_forecast.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache
