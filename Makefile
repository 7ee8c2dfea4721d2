# Two commands on a fresh machine: `make run` (the site + a detector worker) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

PORT ?= 8000

AXE := var/axe/node_modules/axe-core/axe.min.js

.PHONY: install run run-prod-like test lint bench migrate content clean

$(STAMP): requirements.txt requirements-nodeps.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

content: migrate
	$(PY) manage.py load_starter_content

run: content
	$(PY) manage.py runstack

# The production layout on this machine: local PostgreSQL and Redis, moto as the S3 bucket,
# gunicorn with 2 workers, one Celery worker per queue and beat (docs/deploy.md).
run-prod-like: install
	$(PY) manage.py runprodlike --port $(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# axe-core (accessibility checks in the browser tests) comes from npm at a pinned version.
$(AXE):
	npm install --prefix var/axe --no-save --no-audit --no-fund axe-core@4.14.1

test: lint $(AXE)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

bench: install
	$(PY) bench/analysis_latency.py
	$(PY) bench/detector_speed.py
	$(PY) bench/quiz_play.py --seconds 10
	$(PY) bench/scaling.py
	$(PY) bench/video_speed.py

clean:
	rm -rf var/broker var/media var/db.sqlite3*
