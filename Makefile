# The two commands a contributor needs: `make serve` and `make test`.
# Each one sets up what it needs on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SERVE_ADDR ?= 127.0.0.1:8000
# Material 9.8 prints an end-of-life notice on every run; we know.
export NO_MKDOCS_2_WARNING := 1
OFFLINE_DIR := dist/hyper-independence-guide-offline
OFFLINE_ZIP := $(OFFLINE_DIR).zip
PDF := dist/hyper-independence-guide.pdf
# The PDF's size in bytes for the pages' links to it; 0 (no links) when there is no PDF.
PDF_SIZE = $$(if [ -f $(PDF) ]; then wc -c < $(PDF) | tr -d ' '; else echo 0; fi)

.PHONY: serve build offline pdf generate check-generated test lint bench clean

## serve: preview on http://127.0.0.1:8000 with live reload (docs/, data/, macros/);
## writes the files generated from data/ first (no PDF link: there is no PDF)
serve: $(VENV)/.runtime-installed generate
	SITE_URL=http://$(SERVE_ADDR)/ $(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

## generate: rewrite the committed files generated from data/ (e.g. the banner's numbers)
generate: $(VENV)/.runtime-installed
	$(BIN)/python -m macros.generate

## check-generated: fail, naming the file, if a generated file is out of date with data/
check-generated: $(VENV)/.runtime-installed
	$(BIN)/python -m macros.generate --check

## build: build the web site, its offline zip and the PDF in temporary folders; replace site/ only on success
build: offline
	rm -rf .site-new
	PDF_SIZE=$(PDF_SIZE) $(BIN)/mkdocs build --strict --site-dir .site-new
	mkdir -p .site-new/downloads
	cp $(OFFLINE_ZIP) .site-new/downloads/
	if [ -f $(PDF) ]; then cp $(PDF) .site-new/downloads/; fi
	rm -rf .site-old
	if [ -d site ]; then mv site .site-old; fi
	mv .site-new site
	rm -rf .site-old

## pdf: the PDF edition: Chromium prints the whole-guide page of a first web build.
## That build links to no PDF (its size is not known yet), so the PDF never names its
## own size; the real builds below then link to it with its size (`PDF_SIZE`).
## Without a Chromium it says so and makes none; the site then builds without it.
pdf: $(VENV)/.runtime-installed check-generated
	rm -rf dist/.pdf-site
	$(BIN)/mkdocs build --strict --quiet --site-dir dist/.pdf-site
	$(BIN)/python -m macros.pdf dist/.pdf-site $(PDF)
	rm -rf dist/.pdf-site

## offline: build the offline edition (works from file://, search included, the PDF too) and zip it
offline: pdf
	rm -rf dist/.offline-new
	OFFLINE=true PDF_SIZE=$(PDF_SIZE) $(BIN)/mkdocs build --strict --site-dir dist/.offline-new
	if [ -f $(PDF) ]; then mkdir -p dist/.offline-new/downloads && cp $(PDF) dist/.offline-new/downloads/; fi
	# A smaller download: readers need no source maps, and search needs no
	# other-language packs (the guide is in English). Three-quarters of the zip.
	find dist/.offline-new -name '*.map' -delete
	rm -rf dist/.offline-new/assets/javascripts/lunr
	rm -rf $(OFFLINE_DIR) $(OFFLINE_ZIP)
	mv dist/.offline-new $(OFFLINE_DIR)
	cd dist && $(abspath $(BIN))/python -m zipfile -c $(notdir $(OFFLINE_ZIP)) $(notdir $(OFFLINE_DIR))/

## test: install everything the tests need (a Chromium first: the build prints the PDF
## with it), run `make lint`, build site/, the offline zip and the PDF (CI keeps them
## as artifacts), then run the whole suite
test: $(VENV)/.test-installed
	$(MAKE) --no-print-directory lint
	VENV=$(VENV) scripts/install-browser
	$(MAKE) --no-print-directory build
	$(BIN)/python -m pytest

## lint: check the workflows and GitHub config against their schemas, audit them with
## zizmor, and lint the Python (ruff), the YAML (yamllint) and the spelling (codespell)
lint: $(VENV)/.test-installed
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms \
	  $(filter-out .github/ISSUE_TEMPLATE/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	$(BIN)/zizmor --offline --quiet --no-progress --config .github/zizmor.yml .github/
	$(BIN)/ruff check --quiet macros/ tests/ bench/
	$(BIN)/ruff format --check --quiet macros/ tests/ bench/
	$(BIN)/yamllint --strict data/ .github/ .pre-commit-config.yaml .yamllint.yml
	$(BIN)/codespell --skip "docs/assets/vendor" docs/ CONTRIBUTING.md README.md .github/

$(VENV)/.runtime-installed: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements-lint.txt $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

## bench: measure page weight, Lighthouse scores and build times (a benchmark, not
## a test); prints the table and writes bench/RESULTS.md
bench: $(VENV)/.test-installed node_modules/.installed build
	VENV=$(VENV) scripts/install-browser
	$(BIN)/python -m bench

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site .site-new .site-old dist .pytest_cache
