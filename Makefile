# Two set-up commands: `make run` and `make test`. Everything else is a helper target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck contracts pytest translations sysdeps sysdeps-test bench screenshot installer installer-check clean

run: sysdeps $(BIN)/.stamp-install translations
	$(BIN)/python -m console demo --if-needed
	$(BIN)/python -m console

test: sysdeps-test $(BIN)/.stamp-install translations lint contracts typecheck pytest

sysdeps:
	@bash tools/sysdeps.sh run

sysdeps-test:
	@bash tools/sysdeps.sh test

$(BIN)/.stamp-install: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(BIN)/.stamp-install
	$(BIN)/pyside6-lrelease -silent $< -qm $@

lint: $(BIN)/.stamp-install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

contracts: $(BIN)/.stamp-install
	$(BIN)/lint-imports

typecheck: $(BIN)/.stamp-install
	$(BIN)/mypy

# Three workers on two cores: many tests wait (for a child process, a server, a timer), and a
# third worker fills those gaps (DECISIONS: 18:01 against 15:42 a full run). Work stealing: a
# worker that runs out takes tests queued for another, so the slow system tests at the end do
# not run on one worker while the others idle.
PYTEST_WORKERS ?= 3

pytest: $(BIN)/.stamp-install translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

bench: $(BIN)/.stamp-install translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshot: $(BIN)/.stamp-install translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m console --screenshot out/console.png

# Refresh the .ts sources after UI strings change; translators then fill them in.
lupdate: $(BIN)/.stamp-install
	$(BIN)/pyside6-lupdate $$(find console widgets -name '*.py' | sort) \
		-ts resources/translations/console_zh_CN.ts resources/translations/console_en.ts

installer: $(BIN)/.stamp-install translations
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm build_installer.spec

# Builds the bundle, then starts it offscreen: screenshot, a fresh database, a damaged copy.
installer-check: $(BIN)/.stamp-install translations
	$(BIN)/python -m pip install --quiet -e '.[package]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/installer_check.py

clean:
	rm -rf $(VENV) build dist out resources/translations/*.qm
