# EO Order – `make test` and `make demo` install what they need on Debian 12.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := python3-qgis qgis-providers qgis xvfb python3-venv python3-pytest \
	python3-lxml python3-requests python3-owslib python3-shapely python3-pyproj \
	python3-sqlalchemy python3-xmltodict python3-gdal gdal-bin cgi-mapserver mapserver-bin \
	qttools5-dev-tools xauth
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGIN_NAME := eo_order

.PHONY: test demo install lint bench clean deps package translations screenshots

deps: $(VENV)/.installed

.apt.installed:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@touch $@

$(VENV)/.installed: .apt.installed requirements-dev.txt
	@[ -x $(PY) ] || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements-dev.txt
	@touch $@

test: deps
	$(VENV)/bin/ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -q --timeout=300 $(PYTEST_ARGS)

demo: deps
	$(PY) -W ignore -m tools.demo

lint: deps
	$(VENV)/bin/ruff check .
	$(PY) -m mypy

bench: deps
	$(PY) -m benchmarks.bench_parse
	$(PY) -m benchmarks.bench_download
	$(PY) -m benchmarks.bench_stac
	$(PY) -m benchmarks.bench_search

package: deps
	$(PY) -m tools.package

screenshots: deps
	tools/screenshot.sh

translations: deps
	$(PY) -m tools.i18n update
	$(PY) -m tools.i18n release

install:
	mkdir -p "$(QGIS_PROFILE)/python/plugins"
	ln -sfn "$(CURDIR)" "$(QGIS_PROFILE)/python/plugins/$(PLUGIN_NAME)"
	@echo "Linked $(CURDIR) as $(QGIS_PROFILE)/python/plugins/$(PLUGIN_NAME); enable 'EO Order' in Plugins > Manage and Install Plugins."

clean:
	rm -rf $(VENV) .apt.installed build
