PY := .venv/bin/python
STAMP := .venv/.installed

.PHONY: install run test bench lint clean train fuzz

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: install
	.venv/bin/communique extract examples/sv --format summary

test: install
	sh scripts/ensure_postgres.sh
	sh scripts/ensure_chromium.sh
	$(PY) -m pytest

train: install
	$(PY) scripts/train_ner.py

BENCH_DIR ?= /tmp/communique-bench

bench: install
	$(PY) bench/bench_extract.py
	$(PY) bench/bench_store.py --keep $(BENCH_DIR)
	$(PY) bench/bench_web.py --keep $(BENCH_DIR)
	$(PY) bench/bench_scale.py

# At least 100,000 generated and hostile inputs through extraction and ingest (docs/reliability.md).
fuzz: install
	$(PY) fuzz/run.py --count 100000

lint: install
	.venv/bin/ruff check src tests bench scripts fuzz

clean:
	rm -rf .venv build src/*.egg-info
