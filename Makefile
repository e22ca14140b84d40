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

.PHONY: serve build offline check test lint bench clean

## serve: preview on http://127.0.0.1:8000 with live reload (docs/, data/, macros/)
serve: check
	SITE_URL=http://$(SERVE_ADDR)/ $(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

## build: build the web site and its offline zip in temporary folders; replace site/ only on success
build: offline
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	$(BIN)/python -m macros.finish .site-new
	mkdir -p .site-new/downloads
	cp $(OFFLINE_ZIP) .site-new/downloads/
	rm -rf .site-old
	if [ -d site ]; then mv site .site-old; fi
	mv .site-new site
	rm -rf .site-old

## offline: build the offline edition (works from file://, search included) and zip it
offline: check
	rm -rf dist/.offline-new
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir dist/.offline-new
	$(BIN)/python -m macros.finish dist/.offline-new
	# A smaller download: readers need no source maps, and search needs no
	# other-language packs (the guide is in English). Three-quarters of the zip.
	find dist/.offline-new -name '*.map' -delete
	rm -rf dist/.offline-new/assets/javascripts/lunr
	rm -rf $(OFFLINE_DIR) $(OFFLINE_ZIP)
	mv dist/.offline-new $(OFFLINE_DIR)
	cd dist && $(abspath $(BIN))/python -m zipfile -c $(notdir $(OFFLINE_ZIP)) $(notdir $(OFFLINE_DIR))/

## check: what every engine relies on, before any build: data, page HTML policy,
## symbolic links, review dates (python -m macros.check)
check: $(VENV)/.runtime-installed
	$(BIN)/python -m macros.check

## test: install everything the tests need, run `make lint`, build site/ and the
## offline zip (CI keeps them as artifacts), then run the whole suite
test: $(VENV)/.test-installed
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory build
	VENV=$(VENV) scripts/install-browser
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
