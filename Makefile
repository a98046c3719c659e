# Every target first brings .venv up to date from the pinned dependencies,
# so a fresh machine needs nothing but Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
DB ?= sitrep.db

.PHONY: demo test lint bench serve eval clean venv web-assets fuzz

venv: $(STAMP)

# Front-end libraries for the web UI (Leaflet, marker clusters, the world-atlas basemap), exactly as
# package-lock.json pins them; served from node_modules, never committed, never from a CDN.
web-assets: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 and npm (.ci/run does)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/sitrep run examples/ --db demo.db
	$(BIN)/sitrep summary --db demo.db

test: lint $(NODE_STAMP)
	$(BIN)/pytest

# The fuzz suite at length: 10,000 hostile files per reader test and 1,000 batches of hostile articles.
fuzz: $(STAMP)
	SITREP_FUZZ_EXAMPLES=10000 $(BIN)/pytest tests/test_fuzz.py -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check sitrep tests
	$(BIN)/ruff format --check sitrep tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m sitrep.bench

# The demo database in sitrep's web UI and API at http://127.0.0.1:8000 (read-only).
serve: $(STAMP) $(NODE_STAMP)
	test -f demo.db || $(MAKE) demo
	$(BIN)/sitrep serve --db demo.db --host 127.0.0.1 --port 8000

eval: $(STAMP)
	$(BIN)/sitrep eval all

clean:
	rm -rf $(VENV) *.egg-info node_modules demo.db demo.db-wal demo.db-shm
