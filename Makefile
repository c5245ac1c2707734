# `make check` runs the check suite on datasets/ and writes reports/index.html;
# `make test` runs every test, with coverage and its floor (what CI runs);
# `make test-fast` leaves out the tests marked slow. All set everything up first, .venv included.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FAIL_ON ?= never
APT_PACKAGES := hunspell-fr-comprehensive hunspell-en-us hunspell-en-gb libenchant-2-2

.PHONY: check test test-fast setup system-packages docs bench clean

check: setup
	$(BIN)/figcheck run --suite checks/default.yaml --out reports --fail-on $(FAIL_ON)

# Coverage starts before pytest loads its plugins: figcheck's own plugin imports the package, which
# `pytest --cov` would count as never run. mypy, ruff and import-linter run as tests.
test: setup
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

test-fast: setup
	$(BIN)/pytest -m "not slow"

setup: system-packages $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Spelling dictionaries come from the system; install them when missing and allowed to.
system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages: $$missing (sudo apt-get install $$missing)" >&2; \
	  fi; \
	fi

docs: setup
	$(BIN)/figcheck rules --markdown > docs/rules.md

bench: setup
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) reports/*.html reports/*.json .coverage .coverage.*
