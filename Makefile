# Two commands: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Local development runs with debug on and a generated secret key (kept in .secret_key).
run install: export DJANGO_DEBUG ?= 1
# Tests run with debug off, like production; the key is for the test run only.
test check: export DJANGO_SECRET_KEY ?= insecure-key-for-tests-only

.PHONY: run install venv test check audit format lock messages clean

run: install
	$(MANAGE) runserver $(HOST):$(PORT)

install: venv
	$(MANAGE) migrate --no-input
	$(MANAGE) compilemessages --ignore=.venv -v 0 || echo "(gettext not found: using the committed .mo files)"
	$(MANAGE) load_demo
	$(MANAGE) ensure_local_admin

# The virtualenv is rebuilt when the lock file changes.
venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Static checks CI runs besides the tests.
check: venv
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compilemessages --ignore=.venv -v 0
	git diff --exit-code -- '*.mo'

# Known vulnerabilities in the locked dependencies (needs the PyPI advisory service).
audit: venv
	$(BIN)/pip-audit --strict --requirement requirements.lock --disable-pip --no-deps --progress-spinner off

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: venv
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests
	$(MANAGE) compilemessages --ignore=.venv

# Re-pin every dependency (needs network access to PyPI).
lock: venv
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
