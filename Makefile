# Two commands do all the set-up on a fresh Debian machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Build dates come from SOURCE_DATE_EPOCH when set, else the last commit, else the newest source file
# (a release archive has no git): `coursegen` decides, see generator/output.py.

.PHONY: site test test-all serve check bench lint browsers webserver pdf-deps language-tools qr-reader clean minified

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

# Debian's nginx and Apache: the hosting tests serve built portals with the configurations `coursegen deploy`
# writes. A policy-rc.d keeps the packages from starting a server on port 80 as they install.
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

# The real language tools of `coursegen check --language-tools`: Grammalecte reads the French pages, hunspell the
# English ones (British English, as the course is written). Debian's packages; the Python one lands in the
# system's dist-packages, so coursegen runs the grammalecte-cli command rather than importing it.
language-tools:
	@{ command -v grammalecte-cli >/dev/null 2>&1 && command -v hunspell >/dev/null 2>&1 \
	  && [ -e /usr/share/hunspell/en_GB.dic ] && [ -e /usr/share/hunspell/fr.dic ]; } || { \
	  echo "Installing Grammalecte and hunspell for the language checks"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq grammalecte-cli python3-grammalecte \
	    hunspell hunspell-en-gb hunspell-fr >/dev/null; }

# Debian's zbarimg (zbar-tools): tests/test_workshop.py decodes the printed QR code with an independent reader.
qr-reader:
	@command -v zbarimg >/dev/null 2>&1 || { \
	  echo "Installing Debian's zbar-tools for the QR code test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools >/dev/null; }

site: $(STAMP) node_modules/.installed pdf-deps
	# The portal, plus the workshop exports in site/downloads/ (PDF workbook, offline zips); the trainer edition
	# and the question banks hold every answer: they go to trainer/, beside the site, never published by default.
	$(BIN)/coursegen build --downloads
	# For chambers' LMSs: SCORM 1.2 packages (site/downloads/scorm/course-LANG.zip) and Moodle question banks
	# (trainer/question-banks/), under the default brand: the commands' default places.
	$(BIN)/coursegen scorm --lang en
	$(BIN)/coursegen scorm --lang fr
	# cmi5 packages, for LMSs with a learning record store (site/downloads/cmi5/course-LANG.zip)
	$(BIN)/coursegen cmi5 --lang en
	$(BIN)/coursegen cmi5 --lang fr
	$(BIN)/coursegen export --format gift
	$(BIN)/coursegen export --format moodle-xml
	$(BIN)/coursegen export --format qti21
	$(BIN)/coursegen export --format qti3

check: $(STAMP)
	$(BIN)/coursegen check

serve: $(STAMP)
	$(BIN)/coursegen serve

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(STAMP) node_modules/.installed browsers webserver pdf-deps language-tools qr-reader
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/coursegen check --strict
	node --test tests/js/
	# Test files are shared between two workers; a file stays on one, so its servers and builds are set up once,
	# and the courses both use are built once per run (tests/shared.py). Checks of every page are test-all's.
	$(BIN)/pytest -q -n 2 --dist loadfile --durations=25

# After `make test` (.ci/run runs both): the checks that read every page of the shipped course where `make test`
# reads a page of each kind (axe, the Nu HTML checker, reading without JavaScript): the `exhaustive` marker.
test-all: $(STAMP) node_modules/.installed browsers webserver pdf-deps language-tools qr-reader
	$(BIN)/pytest -q -n 2 --dist loadfile -m exhaustive --durations=10

# After changing a script in theme/assets/cq/: its minified copy, shipped so that a build parses no JavaScript
# (generator/engine/shipped.py); tests/test_assets.py fails while a copy is stale.
minified: $(STAMP)
	$(BIN)/python -m generator.engine.shipped

# Not part of `make test`: timings, budgets and Lighthouse, written to bench/results.md (about 15 minutes),
# then Lighthouse's accessibility, best-practices and SEO audits at 1.00 (tests/test_lighthouse.py).
bench: $(STAMP) node_modules/.installed browsers
	$(BIN)/python bench/run.py
	$(BIN)/pytest -q -m lighthouse tests/test_lighthouse.py

clean:
	rm -rf site trainer $(VENV) node_modules
