# newsfacts — `make demo` and `make test` are all a new user needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
LOCK := requirements.lock

.PHONY: install dev demo test lint typecheck unit bench train clean lock

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "newsfacts needs Python >= 3.11"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q -c $(LOCK) -e .
	touch $@

dev: $(VENV)/.dev

$(VENV)/.dev: $(VENV)/.installed
	$(PIP) install -q -c $(LOCK) -e '.[dev]'
	touch $@

demo: install
	$(VENV)/bin/newsfacts analyze examples/north-sea-grid.txt --published 2025-03-14

lint: dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports

typecheck: dev
	$(VENV)/bin/mypy

unit: dev
	$(VENV)/bin/pytest

test: lint typecheck unit

bench: install
	$(PY) bench/cleaning.py

# Reproduce the shipped attribution role tagger from ../shared/data/polnear (train; best on dev).
SHARED ?= ../shared/data
EPOCHS ?= 20
train: install
	$(PY) -m newsfacts.training.attribution_model --shared $(SHARED)/polnear \
		--out src/newsfacts/data/attribution_model --epochs $(EPOCHS)

# Regenerate the lock from the current environment (after changing dependencies).
lock: dev
	$(PIP) freeze --exclude-editable | grep -v '^newsfacts' > $(LOCK)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
