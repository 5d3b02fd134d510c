# junheng: the two commands of the README, and a few more.
SWIFT ?= swift

.PHONY: demo test check collect-check bench-serve deps collect-deps build release bench lint architecture snapshots fuzz asan clean

## demo: install what is missing, build, and make the county report from the bundled samples (into ./out),
## read at a fixed date (--as-of) so the files are the same on every day. The public questionnaire's 2022 and
## 2023 rates (sample-history/) are saved first into a fresh history store, out/history.sqlite, so the report
## shows satisfaction by township year over year beside the monitoring's cycles (2015, 2018, 2021, 2024).
demo: deps
	$(SWIFT) build --product junheng
	mkdir -p out && rm -f out/history.sqlite
	for year in 2022 2023; do \
		$(SWIFT) run --skip-build junheng satisfaction sample-history/survey-public-$$year.csv --survey public \
			--year $$year --save --db out/history.sqlite > /dev/null || exit 1; \
	done
	$(SWIFT) run --skip-build junheng report --data sample-responses --out out --as-of 2024-06-01 --db out/history.sqlite

## test: install what is missing, build, and run every test; the PostgreSQL store's tests run against a throwaway
## cluster (scripts/postgres/cluster.sh: Debian's server, initdb in a temporary folder, stopped after).
test: deps
	$(SWIFT) build --build-tests
	scripts/postgres/cluster.sh run $(SWIFT) test --skip-build

## snapshots: re-record the CLI snapshots under Tests/junhengTests/Snapshots (then read the diff before committing).
snapshots: deps
	$(SWIFT) build --build-tests
	JUNHENG_RECORD_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter SnapshotTests

## check: the render checks of the report (headless Chromium screenshot, the report printed to A4 PDF with its
## footer on every page and each section opening a page, LibreOffice opens the workbook).
check: demo
	scripts/render-check.sh out/report.html out/report.png 1280x6000
	scripts/render-check.sh out/report.html out/report-frequencies.png 1280x6000 section-frequencies-public
	scripts/print-check.sh out/report.html out/report-print.pdf
	scripts/xlsx-check.sh out/report.xlsx out/report.pdf

## collect-check: junheng serve in a real browser (Playwright driving Debian's Chromium at phone size) and under kill -9.
collect-check: collect-deps
	$(SWIFT) build --product junheng
	python3 scripts/collect/browser-test.py --out out/collect
	python3 scripts/collect/fault-test.py
	python3 scripts/collect/idle-test.py
	python3 scripts/collect/fault-test-postgres.py

## bench-serve: submissions per second, latency and memory of junheng serve (release build, loopback, 32
## clients): SQLite with one process, then a throwaway PostgreSQL cluster with one and with two processes.
bench-serve: deps
	$(SWIFT) build -c release --product junheng
	python3 scripts/collect/load-bench.py --binary .build/release/junheng -c 32
	python3 scripts/collect/load-bench.py --binary .build/release/junheng -c 32 --postgres
	python3 scripts/collect/load-bench.py --binary .build/release/junheng -c 32 --postgres --servers 2

deps:
	@scripts/install-deps.sh

# Chromium and its Chinese fonts, zbarimg (to decode the printed QR codes), pdftotext (the printed sheet's pages),
# PostgreSQL (the two-server fault test), Playwright for Python (no browser
# download: it drives Debian's Chromium).
collect-deps:
	@scripts/install-deps.sh chromium fonts-noto-cjk zbar-tools poppler-utils postgresql
	@python3 -c "import playwright" 2>/dev/null || python3 -m pip install -q playwright==1.65.2

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## bench: throughput and peak memory on generated data (release build; writes ./bench-data/).
bench: deps
	$(SWIFT) build -c release --product junheng-bench
	$(SWIFT) build -c release --product junheng
	.build/release/junheng-bench
	@if command -v python3 >/dev/null; then python3 scripts/bench-compare.py; \
	else echo "bench: python3 not found; the side-by-side comparison (scripts/bench-compare.py) is skipped"; fi

## fuzz: build the libFuzzer targets (Tests/Fuzz) into .build-fuzz and run each for FUZZ_SECONDS (default 180);
## FUZZ_TARGETS picks some (default: all). Prints executions per second and coverage; fails on a crash.
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?=
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

## asan: the CSV reader's tests (its unsafe buffers: RecordBuffer, LibCSVParser, CSVBackgroundReader) under
## AddressSanitizer, building the ingest layer alone into .build-asan. (Leak detection is off: XCTest's own
## runner, which runs first and finds no XCTest tests, keeps objects LeakSanitizer counts as leaks.)
asan: deps
	JUNHENG_INGEST_ONLY=1 ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

## lint: swift-format (strict), the imports against the dependency graph (scripts/check-imports.py), the graph in
## ARCHITECTURE.md against Package.swift, and the reason of every file over 400 lines.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	scripts/check-imports.py
	scripts/architecture-graph.py --check
	scripts/check-file-length.py

## architecture: redraw the target graph in ARCHITECTURE.md from Package.swift.
architecture:
	scripts/architecture-graph.py

clean:
	rm -rf .build
