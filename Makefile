# Parley: `make run` opens the app on its default workspace, `make test` runs
# every test. Both install what is missing first (Debian/Ubuntu).

VERSION ?= $(shell sed -n 's/^[[:space:]]*Version *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE    ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
GO      ?= go

.PHONY: all run test build deps test-deps vet unit e2e bench generate clean package-deps package-linux package-windows package-darwin package-check

all: build

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

build: deps
	@echo 'building Parley (the first build compiles the GUI toolkit: a few minutes)…'
	$(GO) build -trimpath -tags migrated_fynedo -ldflags '$(LDFLAGS)' -o parley .

run: build
	./parley

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt: files above are not formatted"; exit 1; }

test: test-deps vet
	PARLEY_REQUIRE_SHARED=1 PARLEY_REQUIRE_SOFFICE=1 PARLEY_REQUIRE_XVFB=1 $(GO) test -count=1 -timeout 15m ./...

# The two halves of make test: the black-box tests of e2e/ (the binary, the
# window under Xvfb, charts and decks, the calculation oracles, the rules on
# the code), and every other package's tests.
REQUIRE := PARLEY_REQUIRE_SHARED=1 PARLEY_REQUIRE_SOFFICE=1 PARLEY_REQUIRE_XVFB=1

e2e: test-deps
	$(REQUIRE) $(GO) test -count=1 -timeout 15m ./e2e

unit: test-deps
	$(REQUIRE) $(GO) test -count=1 -timeout 15m $$($(GO) list ./... | grep -v '^parley/e2e$$')

# Regenerates assets/data and assets/products from ../shared/data
# (assets/productsgen); the build itself never reads ../shared.
generate:
	$(GO) generate ./assets

bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./scenarios ./storage
	bench/compute.sh
	bench/chart.sh

# Packages (scripts/package.sh): dist/parley-linux-amd64.tar.xz, dist/parley.exe
# (cross-compiled with mingw-w64), dist/parley-macos-ARCH.zip (on a Mac only).
PACKAGE_ENV := VERSION='$(VERSION)' COMMIT='$(COMMIT)' DATE='$(DATE)' GO='$(GO)'

package-deps:
	@scripts/deps.sh package

package-linux: package-deps
	$(PACKAGE_ENV) scripts/package.sh linux

package-windows: package-deps
	$(PACKAGE_ENV) scripts/package.sh windows

package-darwin: deps
	$(PACKAGE_ENV) scripts/package.sh darwin

# Builds both packages and checks them (CI).
package-check: package-deps
	$(PACKAGE_ENV) scripts/package-check.sh

clean:
	rm -rf parley parley.exe dist
