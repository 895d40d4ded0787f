# Two commands: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Local development runs with debug on and a generated secret key (kept in .secret_key);
# `make install` writes DJANGO_DEBUG=1 into a git-ignored .env, which the settings read,
# so that every `manage.py` command works as the README shows it.
run install: export DJANGO_DEBUG ?= 1
# Tests run with debug off, like production, whatever .env says; the key is for the
# test run only.
test check screenshots messages: export DJANGO_DEBUG ?=
test check screenshots messages: export DJANGO_SECRET_KEY ?= insecure-key-for-tests-only

.PHONY: run worker install venv test browser-js check audit format lock messages screenshots serve-prod bench bench-admin bench-alerts bench-press-kit clean

# The server and, beside it, the background worker (email alerts), stopped together.
run: install
	$(MANAGE) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The background worker alone: queued tasks (email alerts) and the alerts' clock.
worker: venv
	$(MANAGE) worker

install: venv
	test -f .env || printf '# Local development settings (git-ignored), read by config/settings.py.\nDJANGO_DEBUG=1\n' > .env
	$(MANAGE) migrate --no-input
	$(MANAGE) compilemessages --ignore=.venv -v 0 || echo "(gettext not found: using the committed .mo files)"
	$(MANAGE) load_demo
	$(MANAGE) ensure_local_admin --address http://$(HOST):$(PORT)/admin/

# The virtualenv is rebuilt when the lock file changes.
venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

test: venv browser-js
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# axe-core for the accessibility checks, from the npm lock file (skipped without npm).
AXE := tests/browser/js/node_modules/axe-core/axe.min.js
browser-js:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(AXE); \
	else echo "npm not found: the accessibility checks will be skipped"; fi

$(AXE): tests/browser/js/package-lock.json
	npm ci --prefix tests/browser/js --no-audit --no-fund --silent
	touch $@

# The pictures of the README and docs/editors.md, from the demo content, in Chromium.
screenshots: venv
	README_SCREENSHOTS_DIR=docs/screenshots $(BIN)/python -m pytest -q tests/browser/test_journeys.py -k readme_screenshots

# Production serving: debug off, hashed static files, gunicorn. Needs DJANGO_SECRET_KEY
# (and DJANGO_SECURE_COOKIES=0 to sign in over plain http on this machine). Its workers
# share a cache in files unless DJANGO_CACHE_URL says otherwise (Redis, say).
serve-prod: export DJANGO_CACHE_URL ?= file://$(CURDIR)/.cache/django
serve-prod: venv
	@test -n "$$DJANGO_SECRET_KEY" || (echo "Set DJANGO_SECRET_KEY first." && exit 1)
	DJANGO_DEBUG= $(MANAGE) migrate --no-input
	DJANGO_DEBUG= $(MANAGE) collectstatic --no-input -v 0
	DJANGO_DEBUG= GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c python:config.gunicorn_conf config.wsgi

# The load benchmark (not part of make test): figures printed and written to docs/performance.md,
# on SQLite with a cache in files, then on PostgreSQL with Redis (the production pair).
# BENCH_ARGS=--peers also measures the bare Django page and the Wagtail peer of
# ../shared/bench-peers in the same rounds (built from PyPI on first use).
BENCH_DIR ?= /tmp/newsroom-bench
BENCH_POSTGRESQL_URL ?= postgresql://postgres@127.0.0.1:5432/newsroom_bench
BENCH_ENV = DJANGO_DEBUG= MEDIA_ROOT=$(BENCH_DIR)/media DJANGO_STATIC_ROOT=$(BENCH_DIR)/static \
	DJANGO_SECRET_KEY=benchmark-only-key-not-secret
bench: venv
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	mkdir -p $(BENCH_DIR)
	$(BENCH_ENV) DATABASE_URL=sqlite:///$(BENCH_DIR)/db.sqlite3 $(MANAGE) benchmark $(BENCH_ARGS)
	$(BENCH_ENV) DATABASE_URL=$(BENCH_POSTGRESQL_URL) $(MANAGE) benchmark $(BENCH_ARGS)

# The admin and the sitemap at 100,000 releases on PostgreSQL (not part of make test):
# a database of its own, created and filled once (about 5 minutes), then reused.
BENCH_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/newsroom_bench_admin
bench-admin: venv
	mkdir -p $(BENCH_DIR)
	$(BENCH_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) benchmark_admin $(BENCH_ARGS)

# Email alerts at scale (not part of make test): one release to 10,000 subscribers through
# a local SMTP server by the real worker, on a fresh database of its own — SQLite, then
# PostgreSQL. Prints the time to deliver them all and the worker's peak memory.
BENCH_ALERTS_POSTGRESQL ?= newsroom_bench_alerts
bench-alerts: venv
	mkdir -p $(BENCH_DIR) && rm -f $(BENCH_DIR)/alerts.sqlite3*
	$(BENCH_ENV) DATABASE_URL=sqlite:///$(BENCH_DIR)/alerts.sqlite3 $(MANAGE) migrate -v 0
	$(BENCH_ENV) DATABASE_URL=sqlite:///$(BENCH_DIR)/alerts.sqlite3 $(MANAGE) benchmark_alerts $(BENCH_ARGS)
	dropdb -h 127.0.0.1 -U postgres --if-exists $(BENCH_ALERTS_POSTGRESQL)
	createdb -h 127.0.0.1 -U postgres $(BENCH_ALERTS_POSTGRESQL)
	$(BENCH_ENV) DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$(BENCH_ALERTS_POSTGRESQL) $(MANAGE) migrate -v 0
	$(BENCH_ENV) DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$(BENCH_ALERTS_POSTGRESQL) $(MANAGE) benchmark_alerts $(BENCH_ARGS)

# A press kit of 20 print-size pictures downloaded as one ZIP (not part of make test), on
# a database and media folder of their own: the downloading process's peak memory.
bench-press-kit: venv
	rm -rf $(BENCH_DIR)/kit && mkdir -p $(BENCH_DIR)/kit
	$(BENCH_ENV) MEDIA_ROOT=$(BENCH_DIR)/kit/media DATABASE_URL=sqlite:///$(BENCH_DIR)/kit/db.sqlite3 $(MANAGE) migrate -v 0
	$(BENCH_ENV) MEDIA_ROOT=$(BENCH_DIR)/kit/media DATABASE_URL=sqlite:///$(BENCH_DIR)/kit/db.sqlite3 $(MANAGE) benchmark_press_kit $(BENCH_ARGS)

# Static checks CI runs besides the tests: the hooks of .pre-commit-config.yaml (ruff,
# django-upgrade, djlint, the layers' import contracts, a lock file without index URLs),
# then Django's own checks.
check: venv
	$(BIN)/pre-commit run --all-files --show-diff-on-failure
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
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
