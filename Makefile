# Two commands do all the set-up on a fresh Debian machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

.PHONY: site test serve check bench lint browsers clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

# Debian's Chromium: Playwright cannot download its own browser on these machines.
browsers:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

site: $(STAMP) node_modules/.installed
	$(BIN)/coursegen build

check: $(STAMP)
	$(BIN)/coursegen check

serve: $(STAMP)
	$(BIN)/coursegen serve

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

test: $(STAMP) node_modules/.installed browsers
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/coursegen check
	$(BIN)/pytest -q

bench: $(STAMP) node_modules/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(VENV) node_modules
