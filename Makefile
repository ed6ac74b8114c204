# graphkit: `make demo` builds the sample knowledge graph, `make test` runs every check.
#
# Both create the virtualenv in .venv when it is missing and (re)install graphkit into it
# when pyproject.toml changed since the last install.

PYTHON ?= python3
VENV ?= .venv
STORE ?= graphkit-store
OUT ?= out
ARTICLES ?= data/articles
PYTEST_FLAGS ?= -ra --durations=15

BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
LINT_PATHS := graphkit tests benchmarks scripts

.DEFAULT_GOAL := help
.PHONY: help demo test lint ruff typecheck pytest install install-dev clean distclean

help:
	@echo "make demo       build $(STORE) from $(ARTICLES), write $(OUT)/map.html and print a report"
	@echo "make test       lint, type-check and run the test suite (doctests included)"
	@echo "make lint       ruff and mypy only"
	@echo "make clean      remove the store, $(OUT)/ and caches (keeps $(VENV))"
	@echo "make distclean  clean, and remove $(VENV) too"

# -- environment -------------------------------------------------------------------------------
# pip is upgraded before each install: the pip of a fresh venv (23.x) installs trafilatura
# without lxml_html_clean, and then `import trafilatura` fails.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev,scale]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# -- demo --------------------------------------------------------------------------------------
demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	$(BIN)/graphkit build $(ARTICLES) --store $(STORE) --quiet
	$(BIN)/graphkit map --store $(STORE) -o $(OUT)/map.html
	@$(BIN)/graphkit analyze --store $(STORE) --top 5 > $(OUT)/.report.md.tmp \
		&& mv $(OUT)/.report.md.tmp $(OUT)/report.md \
		|| { rm -f $(OUT)/.report.md.tmp; exit 1; }
	@echo
	@sed -n '/^## Top actors/,/^## Communities/p' $(OUT)/report.md | sed '$$d'
	@$(BIN)/graphkit query --store $(STORE) --preset who-met-whom
	@echo
	@echo "Full report: $(OUT)/report.md; map: $(OUT)/map.html (open it in a browser)."
	@echo "Ask more: $(BIN)/graphkit query --store $(STORE) --preset list"

# -- checks ------------------------------------------------------------------------------------
# `make -k test` runs every check even when an earlier one fails (CI does).
lint: ruff typecheck

ruff: $(VENV)/.installed-dev
	$(BIN)/ruff check $(LINT_PATHS)

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	@status=0; $(BIN)/python -m pytest $(PYTEST_FLAGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: check testpaths in pyproject.toml" >&2; fi; \
	exit $$status

test: lint pytest

# -- cleaning ----------------------------------------------------------------------------------
clean:
	rm -rf $(STORE) $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
