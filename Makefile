# ipasn: the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
BIN_RELEASE := .build/release/ipasn

.PHONY: run build release test test-unit test-e2e bench bench-large bench-quick format clean deps

deps:
	@scripts/ensure-deps.sh run

## Builds (release) and opens the workstation on the default database (created on first use).
run: deps release
	@$(BIN_RELEASE) $(ARGS)

release:
	@$(SWIFT) build -c release --product ipasn

build:
	$(SWIFT) build

## Runs every test: unit and screen tests, the CLI end to end, the workstation in tmux, the quick benchmark.
test:
	@scripts/ensure-deps.sh test
	$(SWIFT) build --build-tests
	@# A throw-away PostgreSQL cluster for the PostgreSQL store's tests (stopped and removed
	@# on success and on failure alike); `swift test` alone skips those tests.
	@dir="$$(scripts/pg-test-cluster start)" && trap 'scripts/pg-test-cluster stop "$$dir"' EXIT && \
	export IPASN_TEST_PG="$$(scripts/pg-test-cluster conninfo "$$dir")" && \
	echo "PostgreSQL test cluster: $$IPASN_TEST_PG" && \
	$(SWIFT) test --skip-build --disable-xctest && \
	bash Tests/e2e/run-all.sh && \
	bash Tests/faults/run-all.sh
	@echo "bench-quick: the benchmark code on a small database (timings of a debug build are not the figures)"
	@"$$($(SWIFT) build --show-bin-path)/ipasn" bench --quick --work-dir "$${TMPDIR:-/tmp}/ipasn-bench-quick" \
		--out "$${TMPDIR:-/tmp}/ipasn-bench-quick.md" > /dev/null && echo "bench-quick: ok (report: $${TMPDIR:-/tmp}/ipasn-bench-quick.md)"

## The province-scale benchmark (release build); writes docs/performance.md.
bench:
	@scripts/ensure-deps.sh bench
	$(SWIFT) build -c release --product ipasn
	$(BIN_RELEASE) bench --out docs/performance.md

## Ten times the province (500,000 employees, about 10,000,000 diklat; release build): the
## linear-growth targets. Several GB of disk and tens of minutes. Rewrites only its own
## section of docs/performance.md.
bench-large:
	@scripts/ensure-deps.sh bench
	$(SWIFT) build -c release --product ipasn
	$(BIN_RELEASE) bench --size large --out docs/performance.md

## The same benchmark code on a small database, in seconds.
bench-quick:
	@scripts/ensure-deps.sh bench
	$(SWIFT) build --product ipasn
	"$$($(SWIFT) build --show-bin-path)/ipasn" bench --quick

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
