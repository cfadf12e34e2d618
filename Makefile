PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire code src/eventwire/data/demo --actors src/eventwire/data/demo/ruritania-actors.yaml --db $(VENV)/demo.duckdb --format table

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

NEWS := ../shared/data/news/timeline17.jsonl.gz

bench: $(STAMP)
	$(BIN)/eventwire bench --workers 1
	@if [ -f $(NEWS) ]; then \
	  $(BIN)/eventwire bench $(NEWS) --limit 2000 --workers 1 && \
	  $(BIN)/eventwire bench $(NEWS) --limit 2000 --workers 2 && \
	  $(BIN)/python benchmarks/bench_temporal.py; \
	else echo "../shared/data/news not present: corpus benchmarks skipped"; fi
	$(BIN)/python benchmarks/bench_store.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
