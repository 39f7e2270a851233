# kumihan — the two commands of README.md.
#   make        installs missing Debian packages, builds, writes out/NAME.pdf for
#               every content/NAME.yaml, and the print shop's imposed
#               out/plan-2023-print.pdf
#   make install  build/kumihan and man/kumihan.1 into PREFIX (/usr/local);
#               DESTDIR is honoured, as packagers expect
#   make test   the same set-up, then every test through ctest (ASan + UBSan),
#               the e2e tests also against the release binary of `make` (build/),
#               then ~60 s of libFuzzer (tools/fuzz.sh) and valgrind (tools/valgrind.sh)
#   make bench  release build, then speed and memory figures
BUILD      ?= build
TEST_BUILD ?= build-asan
JOBS       ?= 2
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man

# every plan in content/ (content/plan-2023.yaml, content/plan-2024.yaml, …)
CONTENT    := $(wildcard content/*.yaml)

.PHONY: all deps test-deps test bench clean install uninstall program pdfs

all: deps
	$(MAKE) --no-print-directory pdfs

program:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DKUMIHAN_TESTS=OFF >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

# one kumihan run per plan: the program is rebuilt first (cmake knows when
# it is up to date), so a PDF is never older than the program that made it
pdfs: program
	@mkdir -p out
	@set -e; for c in $(CONTENT); do $(BUILD)/kumihan build $$c -o out/$$(basename $$c .yaml).pdf; done
	$(BUILD)/kumihan build content/plan-2023.yaml --impose saddle -o out/plan-2023-print.pdf

install: program
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/kumihan $(DESTDIR)$(BINDIR)/kumihan
	install -m 644 man/kumihan.1 $(DESTDIR)$(MANDIR)/man1/kumihan.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kumihan $(DESTDIR)$(MANDIR)/man1/kumihan.1

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
