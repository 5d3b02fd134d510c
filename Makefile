# junheng: the two commands of the README, and a few more.
SWIFT ?= swift

.PHONY: demo test check deps build release bench lint snapshots fuzz asan clean

## demo: install what is missing, build, and make the county report from the bundled samples (into ./out).
demo: deps
	$(SWIFT) build --product junheng
	$(SWIFT) run --skip-build junheng report --data sample-responses --out out

## test: install what is missing, build, and run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## snapshots: re-record the CLI snapshots under Tests/junhengTests/Snapshots (then read the diff before committing).
snapshots: deps
	$(SWIFT) build --build-tests
	JUNHENG_RECORD_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter SnapshotTests

## check: the render checks of the report (headless Chromium screenshot, LibreOffice opens the workbook).
check: demo
	scripts/render-check.sh out/report.html out/report.png 1280x6000
	scripts/xlsx-check.sh out/report.xlsx out/report.pdf

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## bench: throughput and peak memory on generated data (release build; writes ./bench-data/).
bench: deps
	$(SWIFT) build -c release --product junheng-bench
	.build/release/junheng-bench

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

## lint: swift-format (strict), and the imports against the dependency graph (scripts/check-imports.py).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	scripts/check-imports.py

clean:
	rm -rf .build
