# kumihan — the two commands of README.md.
#   make        installs missing Debian packages, builds, writes out/plan-2023.pdf
#               and the print shop's imposed out/plan-2023-print.pdf
#   make test   the same set-up, then every test through ctest (ASan + UBSan),
#               the e2e tests also against the release binary of `make` (build/),
#               then ~60 s of libFuzzer (tools/fuzz.sh) and valgrind (tools/valgrind.sh)
#   make bench  release build, then speed and memory figures
BUILD      ?= build
TEST_BUILD ?= build-asan
JOBS       ?= 2

.PHONY: all deps test-deps test bench clean

all: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DKUMIHAN_TESTS=OFF >/dev/null
	cmake --build $(BUILD) -j$(JOBS)
	$(BUILD)/kumihan build content/plan-2023.yaml -o out/plan-2023.pdf
	$(BUILD)/kumihan build content/plan-2023.yaml --impose saddle -o out/plan-2023-print.pdf

deps:
	@sh tools/install-deps.sh build

test-deps:
	@sh tools/install-deps.sh test

test: test-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DKUMIHAN_TESTS=OFF >/dev/null
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DKUMIHAN_SANITIZE=ON \
	    -DKUMIHAN_RELEASE_DIR=$(abspath $(BUILD)) >/dev/null
	cmake --build $(TEST_BUILD) -j$(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure -j$(JOBS)
	JOBS=$(JOBS) sh tools/fuzz.sh
	JOBS=$(JOBS) sh tools/valgrind.sh

bench: test-deps
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build build-release -j$(JOBS)
	sh tools/bench.sh build-release/kumihan

clean:
	rm -rf $(BUILD) $(TEST_BUILD) build-release
	rm -rf build-fuzz build-plain
