# Two commands do all the set-up on a fresh Debian machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Build dates come from SOURCE_DATE_EPOCH when set, else the last commit, else the newest source file
# (a release archive has no git): `coursegen` decides, see generator/output.py.

.PHONY: site test serve check bench lint browsers webserver pdf-deps clean minified

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

# Debian's nginx and Apache: the hosting tests serve the built portal with the deployment page's own
# configurations. A policy-rc.d keeps the packages from starting a server on port 80 as they install.
webserver:
	@{ [ -x /usr/sbin/nginx ] && [ -x /usr/sbin/apache2 ]; } || { \
	  echo "Installing Debian's nginx and Apache for the hosting tests"; \
	  made=""; [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; \
	    chmod +x /usr/sbin/policy-rc.d; made=1; }; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light apache2 >/dev/null; \
	  status=$$?; [ -z "$$made" ] || rm -f /usr/sbin/policy-rc.d; exit $$status; }

# WeasyPrint lays out the PDFs with Debian's Pango and needs a font with metrics (Liberation, DejaVu).
# Liberation has no Arabic letters: Pango falls back to DejaVu Sans (fonts-dejavu-core), which draws Arabic,
# Persian, Urdu and Hebrew, so a right-to-left language's PDF needs it even where Liberation is installed.
pdf-deps:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && fc-list 2>/dev/null | grep -qiE 'Liberation Sans|DejaVu Sans' \
	  && fc-list :lang=ar 2>/dev/null | grep -qi 'DejaVu Sans'; } || { \
	  echo "Installing Pango and fonts for the PDF exports"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
	    fonts-liberation fonts-dejavu-core fontconfig >/dev/null; }

site: $(STAMP) node_modules/.installed pdf-deps
	# The portal, plus the workshop exports in site/downloads/ (PDF workbook, offline zips); the trainer edition
	# and the question banks hold every answer: they go to trainer/, beside the site, never published by default.
	$(BIN)/coursegen build --downloads
	# For chambers' LMSs: SCORM 1.2 packages and Moodle question banks, under the default brand.
	$(BIN)/coursegen scorm --lang en -o site/downloads/scorm/course-en.zip
	$(BIN)/coursegen scorm --lang fr -o site/downloads/scorm/course-fr.zip
	$(BIN)/coursegen export --format gift -o trainer/question-banks
	$(BIN)/coursegen export --format moodle-xml -o trainer/question-banks

check: $(STAMP)
	$(BIN)/coursegen check

serve: $(STAMP)
	$(BIN)/coursegen serve

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(STAMP) node_modules/.installed browsers webserver pdf-deps
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/coursegen check --strict
	# Test files are shared between two workers; a file stays on one, so its servers and builds are set up once.
	$(BIN)/pytest -q -n 2 --dist loadfile

# After changing a script in theme/assets/cq/: its minified copy, shipped so that a build parses no JavaScript
# (generator/engine/shipped.py); tests/test_assets.py fails while a copy is stale.
minified: $(STAMP)
	$(BIN)/python -m generator.engine.shipped

# Not part of `make test`: timings, budgets and Lighthouse, written to bench/results.md (about 15 minutes).
bench: $(STAMP) node_modules/.installed browsers
	$(BIN)/python bench/run.py

clean:
	rm -rf site trainer $(VENV) node_modules
