# Mobility — the two commands: `make run` and `make test`. See README.md.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Test processes (pytest-xdist): the suite is sized for a 2-core machine.
PYTEST_WORKERS ?= 2

.PHONY: run test lint install messages vendor-static clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,local]'
	touch $(STAMP)

install: $(STAMP)

## Set up everything (services, database, translations, demo data) and start web, worker, beat.
run: $(STAMP)
	scripts/with-services.sh scripts/run.sh

## Lint, check the import contracts, run the whole test suite.
test: $(STAMP) lint
	scripts/with-services.sh $(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

## Rebuild locale/*/LC_MESSAGES/django.po from the code and compile them (needs gettext).
messages: $(STAMP)
	DEBUG=1 $(PY) manage.py makemessages -l ru -l hi --ignore=.venv --ignore=var
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

vendor-static:
	scripts/vendor-static.sh

clean:
	rm -rf var/staticfiles .pytest_cache
