# The two commands a contributor needs: `make serve` and `make test`.
# Each one sets up what it needs on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life notice on every run; we know.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test clean

## serve: preview on http://127.0.0.1:8000 with live reload (docs/, data/, macros/)
serve: $(VENV)/.runtime-installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: build strictly into a temporary folder; replace site/ only on success
build: $(VENV)/.runtime-installed
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	rm -rf .site-old
	if [ -d site ]; then mv site .site-old; fi
	mv .site-new site
	rm -rf .site-old

## test: install everything the tests need, then run the whole suite
test: $(VENV)/.test-installed
	scripts/install-browser
	$(BIN)/python -m pytest

$(VENV)/.runtime-installed: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

clean:
	rm -rf site .site-new .site-old dist .pytest_cache
