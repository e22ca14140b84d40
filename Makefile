# The two commands a contributor needs: `make serve` and `make test`.
# Each one sets up what it needs on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SERVE_ADDR ?= 127.0.0.1:8000
# Material 9.8 prints an end-of-life notice on every run; we know.
export NO_MKDOCS_2_WARNING := 1
# Every install is from a lock file: exact versions, checked against their hashes.
PIP_INSTALL = $(BIN)/python -m pip install --quiet --require-hashes --no-deps
PIP_COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links

# The engine that builds the site: mkdocs (the default) or zensical, from the
# same mkdocs.yml, e.g. `make build ENGINE=zensical`.
ENGINE ?= mkdocs

.PHONY: serve build offline check generate test lint lock bench clean

## serve: preview on http://127.0.0.1:8000 with live reload (docs/, data/, macros/);
## rewrites the files generated from data/ first, then checks everything
serve: generate check
	SITE_URL=http://$(SERVE_ADDR)/ $(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

## build: build the PDF edition (Chromium prints the whole-guide page; without a
## Chromium the site builds without it), the offline edition into dist/ and the web
## site (with the zip and the PDF) into site/; one build at a time, and site/ and dist/
## are replaced only by complete new ones (scripts/build_site.py). Dated by the last
## commit, so builds are identical.
build: check
	$(BIN)/python -m scripts.build_site --engine $(ENGINE)

## offline: build only the offline edition (works from file://, search included) and its zip
offline: check
	$(BIN)/python -m scripts.build_site --engine $(ENGINE) --offline

## check: what every engine relies on, before any build: data, stale generated files,
## the pages' HTML policy, symbolic links, review dates (python -m macros.check)
check: $(VENV)/.runtime-installed
	$(BIN)/python -m macros.check

## generate: rewrite the committed files made from data/ (the banner's numbers, the
## abbreviations, the JSON Schemas); `make check` refuses to build while one is stale
generate: $(VENV)/.runtime-installed
	$(BIN)/python -m macros.generate

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
	$(BIN)/ruff check --quiet macros/ tests/ bench/ scripts/
	$(BIN)/ruff format --check --quiet macros/ tests/ bench/ scripts/
	$(BIN)/yamllint --strict data/ .github/ .pre-commit-config.yaml .yamllint.yml
	$(BIN)/codespell --skip "docs/assets/vendor" docs/ CONTRIBUTING.md README.md .github/

# pip itself comes first, at its locked version (never simply the newest).
$(VENV)/.pip-installed: requirements-pip.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements-pip.txt
	touch $@

$(VENV)/.runtime-installed: requirements.txt $(VENV)/.pip-installed
	$(PIP_INSTALL) -r requirements.txt
	touch $@

# The test lock holds the runtime set too (one environment); pip check confirms
# that every package's dependencies are installed.
$(VENV)/.test-installed: requirements-test.txt $(VENV)/.runtime-installed
	$(PIP_INSTALL) -r requirements-test.txt
	$(BIN)/python -m pip check
	touch $@

## lock: regenerate the lock files (requirements*.txt, with hashes) from the readable
## inputs (requirements*.in). Run it after adding or changing a package in a .in file.
## Versions already locked stay as they are unless the .in file asks for another.
lock: $(VENV)/.test-installed
	$(PIP_COMPILE) --output-file requirements-pip.txt requirements-pip.in
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-test.txt requirements-test.in

## bench: measure page weight, Lighthouse scores and build times (a benchmark, not
## a test); prints the table and writes bench/RESULTS.md
bench: $(VENV)/.test-installed node_modules/.installed build
	VENV=$(VENV) scripts/install-browser
	$(BIN)/python -m bench

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site dist .building-* .build.lock .pytest_cache
