# Every target first brings .venv up to date from the pinned dependencies,
# so a fresh machine needs nothing but Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= sitrep.db

.PHONY: demo test lint bench serve eval clean venv

venv: $(STAMP)

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

test: lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check sitrep tests
	$(BIN)/ruff format --check sitrep tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m sitrep.bench

# Browse the demo database in Datasette (read-only) until sitrep's own web UI lands.
serve: $(STAMP)
	test -f demo.db || $(MAKE) demo
	$(BIN)/pip install --quiet "datasette==0.65.5"
	$(BIN)/datasette serve demo.db --host 127.0.0.1 --port 8001

eval: $(STAMP)
	$(BIN)/sitrep eval all

clean:
	rm -rf $(VENV) *.egg-info demo.db demo.db-wal demo.db-shm
