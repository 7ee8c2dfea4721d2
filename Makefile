# Two commands on a fresh machine: `make run` (the site + a detector worker) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

AXE := var/axe/node_modules/axe-core/axe.min.js

.PHONY: install run test lint bench migrate content clean

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
	$(PY) bench/video_speed.py

clean:
	rm -rf var/broker var/media var/db.sqlite3*
