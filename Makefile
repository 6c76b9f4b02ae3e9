# BorderWatch: `make run` opens the dashboard on the embedded articles; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB := data/borderwatch.duckdb
PORT ?= 8501
ARTICLES := $(wildcard data/articles/*.md data/articles/*.txt)
LEXICON := $(wildcard data/lexicon/*.csv) data/geo/places.csv
SOURCES := $(wildcard borderwatch/extract/*.py)

.PHONY: run test lint format store eval bench bench-ingest bench-queries bench-crafted geo clean

run: $(VENV)/.installed store
	$(BIN)/streamlit run dashboard.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

# The store is built when it is missing and brought up to date when an article, a lexicon file or the
# extractor changes: new files are added and every stored article (added ones too) is re-extracted.
store: $(VENV)/.installed $(DB)
$(DB): $(ARTICLES) $(LEXICON) $(SOURCES)
	$(BIN)/python -m borderwatch ingest data/articles --db $(DB)
	$(BIN)/python -m borderwatch reextract --db $(DB)
	touch $@

test: $(VENV)/.dev-installed /usr/bin/chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The extractor scored against the hand-made gold annotations of the development corpus beside the project.
EVAL_SCORER ?= ../shared/eval/score.py
EVAL_CORPUS ?= ../shared/corpus/dev
eval: $(VENV)/.installed
	$(PYTHON) $(EVAL_SCORER) . $(EVAL_CORPUS)

# The goal is stated on real text (the development corpus); the generated corpus is the second figure.
bench: $(VENV)/.dev-installed
	PYTHONPATH=. $(BIN)/python bench/extract.py --corpus $(EVAL_CORPUS)
	PYTHONPATH=. $(BIN)/python bench/extract.py

bench-ingest: $(VENV)/.dev-installed
	PYTHONPATH=. $(BIN)/python bench/ingest.py

bench-crafted: $(VENV)/.dev-installed
	PYTHONPATH=. $(BIN)/python bench/crafted.py

bench-queries: $(VENV)/.dev-installed
	PYTHONPATH=. $(BIN)/python bench/queries.py --db /tmp/borderwatch-bench-10000.duckdb --articles 10000

geo: $(VENV)/.dev-installed
	$(BIN)/python scripts/build_geo.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# Browser tests drive Debian's Chromium (never a downloaded browser).
/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

clean:
	rm -rf $(VENV) $(DB) $(DB).wal test-artifacts
