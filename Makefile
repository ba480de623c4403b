# Two commands for a newcomer: `make run` and `make test`. Everything else follows from them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench sample screenshots translations sysdeps sysdeps-gui sysdeps-test clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV) || { echo "cannot create a venv: install python3-venv (sudo apt-get install -y python3-venv)"; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@ $(VENV)/.installed

sysdeps:
	@bash tools/sysdeps.sh

sysdeps-gui:
	@bash tools/sysdeps.sh gui

sysdeps-test:
	@bash tools/sysdeps.sh xtest pg

run: $(VENV)/.installed sysdeps-gui
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != offscreen ]; then \
	  echo "No screen here (DISPLAY is not set). Run it in a desktop session, or on a virtual one: xvfb-run -s '-screen 0 1920x1080x24' make run"; exit 1; fi
	$(BIN)/exhibition-app $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(VENV)/.installed-dev sysdeps-test lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(VENV)/.installed-dev sysdeps
	$(BIN)/python -m pip install -q -e '.[dev,bench]' || echo 'pyvips not installable: the dzsave comparison will be skipped'
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(PARTS)

sample: $(VENV)/.installed
	$(BIN)/python tools/build_sample.py

# The README's screenshots, made by the app itself (tools/screenshots.py).
screenshots: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis assets/thumbs

translations: $(VENV)/.installed-dev
	$(BIN)/python tools/update_translations.py
