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

.PHONY: serve build check due fast test lint lock vendor bench clean

## serve: preview on http://127.0.0.1:8000 with live reload (docs/, data/, macros/,
## overrides/); checks everything first, and rewrites the banner on every rebuild
serve: check
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

## build: the check, the web edition into site/ (with the offline zip and the PDF in its
## downloads/) and the offline edition into dist/ (python -m build_steps.build); a failed or killed
## build leaves the last complete ones. Dated by the last commit, so builds are identical.
build: $(VENV)/.runtime-installed
	$(BIN)/python -m build_steps.build --engine $(ENGINE)

## check: what every engine relies on, before any build: no symbolic links, the data,
## the JSON Schemas, the pages' macro calls and review dates (python -m build_steps.check)
check: $(VENV)/.runtime-installed
	$(BIN)/python -m build_steps.check

## due: the pages whose review is due within 30 days, as Markdown (the weekly review
## issue lists them): the check's own notices, with its date 30 days on
due: $(VENV)/.runtime-installed
	@echo "## Pages due for review"; echo
	@SOURCE_DATE_EPOCH=$$($(BIN)/python -c 'import time; print(int(time.time()) + 30 * 86400)') \
	  $(BIN)/python -m build_steps.check 2>&1 | sed -n 's/^INFO - \(.*\): review due on \([0-9-]*\).*/- `\1`: review due on \2/p' \
	  | grep . || echo "No page is due for review within 30 days."

## fast: everything that needs no browser, in under a minute: the lint, the check, one
## build, and the tests of the data, the pages and the HTML that ships
fast: $(VENV)/.test-installed
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -m "not browser" -n 2

## test: install everything the tests need (a Chromium first: the build prints the PDF
## with it), run `make lint`, build site/, the offline zip and the PDF (CI keeps them
## as artifacts), then run the whole suite, on both cores
test: $(VENV)/.test-installed
	$(MAKE) --no-print-directory lint
	VENV=$(VENV) build_steps/install-browser
	$(MAKE) --no-print-directory build
	$(BIN)/python -m pytest -n 2

## lint: the workflows and GitHub config against their schemas, zizmor's audits, the
## data against its JSON Schemas, and the Python (ruff), YAML (yamllint) and spelling (codespell)
lint: $(VENV)/.test-installed
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms \
	  $(filter-out .github/ISSUE_TEMPLATE/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	@for data in data/*.yml; do \
	  name=$$(basename $$data .yml); \
	  $(BIN)/check-jsonschema --schemafile schemas/$$name.schema.json $$data || exit 1; \
	done
	$(BIN)/zizmor --offline --quiet --no-progress --config .github/zizmor.yml .github/
	$(BIN)/ruff check --quiet macros/ build_steps/ tests/ bench/
	$(BIN)/ruff format --check --quiet macros/ build_steps/ tests/ bench/
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

## vendor: refresh the vendored iframe-worker shim (offline search from file://) from the
## version package.json pins; run after Dependabot bumps it
vendor: node_modules/.installed
	mkdir -p docs/assets/vendor/iframe-worker
	cp node_modules/iframe-worker/shim/index.js docs/assets/vendor/iframe-worker/shim.js
	cp node_modules/iframe-worker/LICENSE docs/assets/vendor/iframe-worker/LICENSE

## bench: measure page weight, Lighthouse scores and build times (a benchmark, not
## a test); prints the table and writes bench/RESULTS.md
bench: $(VENV)/.test-installed node_modules/.installed build
	VENV=$(VENV) build_steps/install-browser
	$(BIN)/python -m bench

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site dist .building-* .build.lock .pytest_cache overrides/partials/generated
