# junheng: the two commands of the README, and a few more.
SWIFT ?= swift

.PHONY: demo test deps build release bench lint clean

## demo: install what is missing, build, and run the main job on the bundled samples.
demo: deps
	$(SWIFT) build --product junheng
	$(SWIFT) run --skip-build junheng inspect sample-responses/public-survey.csv

## test: install what is missing, build, and run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

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

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
