# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint problems clean

# The optional extras installed beside the package: CI adds ray (`make test EXTRAS=dev,ray`), so that the Ray tests
# run there; elsewhere they are skipped unless Ray is installed.
EXTRAS ?= dev

# The virtual environment is (re)built when pyproject.toml changes. torch==2.13.0 goes in first: it is the CPU
# build on this machine's local disk, and any other version would pull gigabytes of CUDA wheels.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	@touch $(STAMP)

# The demo solves a bundled problem that the shipped model never saw in training, end to end on the CPU.
DEMO_PROBLEM ?= Podium Order
DEMO_SAMPLES ?= 300

demo: $(STAMP)
	$(BIN)/solver solve problems/bundled --name "$(DEMO_PROBLEM)" --samples $(DEMO_SAMPLES)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

# Rebuild the bundled problems' expected outputs from their generators and reference solutions.
problems: $(STAMP)
	$(BIN)/python scripts/build_problems.py --all

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
