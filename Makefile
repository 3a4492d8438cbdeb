# Kaspersky Transition Helper. On a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds, opens the app
#   make test   installs what is missing, vets, runs every test (Wine ones too)

SHELL    := /bin/bash
GO       ?= go
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
TAGS     := migrated_fynedo
LDFLAGS  := -X main.version=$(VERSION)
BIN      := build/transition-helper
DEVBIN   := build/transition-helper-dev
WINBIN   := build/transition-helper.exe

# System packages, from apt. Fyne 2.8 builds X11 and Wayland support on Linux.
APT_BUILD := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols
APT_TEST  := xvfb xauth x11-utils imagemagick xdotool wine wine64 gcc-mingw-w64-x86-64 osslsigncode openssl \
             wixl msitools desktop-file-utils appstream
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Windows tests run for real under Wine, in a prefix of our own.
export WINEPREFIX       := $(CURDIR)/build/wineprefix
export WINEDEBUG        := -all
WINE_DLL := build/wine/bcryptprimitives.dll
WINE_UIA := build/wine/uiautomationcore.dll
WINE_ENV := WINEDLLOVERRIDES=bcryptprimitives=n
# The prefix's stamp names what it was last set up for, so a prefix made
# before (at Windows 7) is set up again.
WINE_READY := $(WINEPREFIX)/.ready-win10

PURE_PKGS = $$($(GO) list ./app/... ./platform/... | grep -v /app/ui)

# One set of build flags for every build on this machine: vet, the tests, the
# development build, the benchmark builds and the release build the packages
# carry. Go's build cache keys every package on -trimpath and each cgo package
# (GLFW, OpenGL, Fyne's driver: minutes of C) on CGO_CFLAGS and CGO_LDFLAGS, so
# with one set they compile once, not once per kind of build. The set is the
# release one, the flags `fyne package -release` (fyne.io/tools v1.7.4,
# build.go and hardening_flags.go) gives a Linux build: -trimpath, -O3 and
# gcc's hardening (no _FORTIFY_SOURCE on Ubuntu, whose gcc sets it already).
# GOFLAGS keeps what `go env GOFLAGS` already says (the environment or go env -w).
ifeq ($(filter -trimpath,$(GOFLAGS)),)
export GOFLAGS := $(strip $(shell $(GO) env GOFLAGS 2>/dev/null) -trimpath)
endif
HARDEN_CFLAGS := $(shell cc --version 2>/dev/null | head -n 1 | grep -qi ubuntu && echo '-fcf-protection -fstack-protector-strong' || \
                   echo '-D_FORTIFY_SOURCE=3 -fcf-protection -fstack-protector-strong')
export CGO_CFLAGS  := -O3 -pipe $(HARDEN_CFLAGS)
export CGO_LDFLAGS := -Wl,-z,relro,-z,now -Wl,--as-needed
# The Windows release build, as `fyne package -os windows -release` makes it with
# mingw-w64 (its hardening table has nothing for that gcc): build-windows uses
# the same, so it shares its compiled packages with package-windows.
WIN_CGO := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc CGO_CFLAGS='-O3 -pipe' CGO_LDFLAGS=

.PHONY: all deps deps-build deps-test build build-dev build-windows run test vet lint-ci test-unit test-darwin test-windows fuzz clean screenshots bench bench-windows-smoke \
	package-windows package-linux package-macos test-packages check-packages fyne-tool wine-prefix wine-fixtures

all: build

deps: deps-build deps-test

deps-build:
	@$(MAKE) --no-print-directory apt-install PKGS="$(APT_BUILD)"
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.26 or newer from https://go.dev/dl/ and run make again."; exit 1; }

deps-test:
	@$(MAKE) --no-print-directory apt-install PKGS="$(APT_TEST)"

# apt-install PKGS="..." installs the packages that are not installed yet.
apt-install:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "This system has no apt-get. Install these packages (or your system's equivalents) and run make again:$$missing"; exit 1; \
	fi; \
	echo "Installing with apt-get:$$missing"; \
	$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing

# The release build, as the Linux packages carry it: Fyne's release mode
# (-tags release), stripped, with the shared flags above.
build: deps-build
	$(GO) build -tags '$(TAGS) release' -ldflags "$(LDFLAGS) -s -w" -o $(BIN) .

# The development build: the release build plus the devhooks tag (fixtures,
# TH_STEP, the benchmark marks), for make screenshots and make bench.
build-dev: deps-build
	$(GO) build -tags '$(TAGS) devhooks' -ldflags "$(LDFLAGS)" -o $(DEVBIN) .

# The Windows GUI build: cgo through mingw-w64, GUI subsystem, with Fyne's
# screen-reader support (-tags accessibility), as the packages are built; then
# the PE load configuration that keeps its link-time DLL imports (opengl32.dll)
# to System32 (app/internal/peloadcfg: GNU ld writes none).
build-windows: deps
	$(WIN_CGO) $(GO) build -tags '$(TAGS) accessibility release' -ldflags "$(LDFLAGS) -H windowsgui -s -w" -o $(WINBIN) .
	$(GO) run ./app/internal/peloadcfg $(WINBIN)

run: build
	./$(BIN)

# Every check, as timed phases (.ci/phases prints `== phase NAME: N s` after
# each and a summary at the end). The cgo packages (GLFW, OpenGL, Fyne's
# driver) compile once for Linux, in vet, and the tests, build-dev, build (the
# release program the .deb and tar.xz carry) and the benchmarks reuse them;
# and once for Windows, in build-windows, which runs in the background (NAME&,
# at low priority) beside the Linux phases, with the flags fyne package uses,
# so package-windows only links. (OpenGL's cgo step is minutes of one core:
# the Linux one and the Windows one run side by side.)
TEST_PHASES := deps build-windows\& vet lint-ci build-dev test-unit test-darwin wine-prefix wine-fixtures \
	test-windows fyne-tool build package-linux wait package-windows check-packages bench-windows-smoke
test:
	@MAKE="$(MAKE)" .ci/phases $(TEST_PHASES)

# The GitHub Actions workflow (.github/workflows/ci.yml), linted by actionlint
# from the Go module proxy, at a pinned version.
ACTIONLINT := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
lint-ci:
	$(GO) run $(ACTIONLINT) .github/workflows/ci.yml

vet:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet -tags '$(TAGS) devhooks' .
	GOOS=windows CGO_ENABLED=0 $(GO) vet $(PURE_PKGS)
	GOOS=darwin CGO_ENABLED=0 $(GO) vet $(PURE_PKGS)

# Linux: every package, the Fyne UI through its test driver, real processes;
# then each benchmark once and the report small, so they keep working (no
# timings checked).
test-unit: build-dev
	$(GO) test -count=1 -vet=off -tags $(TAGS) ./...
	@# doctor on this machine, text and JSON: exit 0 (all pass), 1 (warnings) or 3 (a failure) are results, 2 and 4 errors.
	code=0; ./$(DEVBIN) doctor || code=$$?; [ $$code = 0 ] || [ $$code = 1 ] || [ $$code = 3 ]
	code=0; ./$(DEVBIN) doctor --json --output build/doctor-linux.json || code=$$?; [ $$code = 0 ] || [ $$code = 1 ] || [ $$code = 3 ]
	grep -q '"schema": "transitionhelper.doctor/1"' build/doctor-linux.json
	TH_BENCH_SIZES=20 $(GO) test -count=1 -run '^$$' -bench . -benchtime 1x ./platform
	xvfb-run -a -s "-screen 0 1366x768x24" \
	  $(GO) run ./app/internal/benchreport -bin $(DEVBIN) -sizes 10,20,40 -runs 1 -benchtime 100ms -out build/bench-smoke.md

# macOS: the pure packages and platform compile and their tests link without cgo.
# (One go command for all of them, so they compile side by side; each test
# binary is written, then thrown away.)
test-darwin:
	@d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	GOOS=darwin CGO_ENABLED=0 $(GO) test -c -o "$$d/" $(PURE_PKGS) && \
	n=$$(ls "$$d" | wc -l) && echo "darwin: $$n test binaries compile and link"

$(WINE_DLL): platform/testdata/wine/processprng.c
	@mkdir -p $(dir $@)
	x86_64-w64-mingw32-gcc -shared -O2 -o $@ $< -ladvapi32

$(WINE_UIA): platform/testdata/wine/uiautomationcore.c
	@mkdir -p $(dir $@)
	x86_64-w64-mingw32-gcc -shared -O2 -o $@ $<

# A Wine prefix with the ProcessPrng DLL Go needs and the UI Automation
# stand-in the accessible build needs (used with uiautomationcore=n); made
# once, reused. A fresh Wine 8 prefix says it is Windows 7; our users (and
# Fyne 2.8, and our manifest) have Windows 10 or 11, so winecfg sets it to
# Windows 10 (platform.TestWinePrefixIsWindows10 checks what the scan sees).
$(WINE_READY): $(WINE_DLL) $(WINE_UIA)
	@mkdir -p $(WINEPREFIX)
	WINEDLLOVERRIDES="mscoree,mshtml=" wineboot -i >/dev/null 2>&1 || true
	wineserver -w
	WINEDLLOVERRIDES="mscoree,mshtml=" wine winecfg -v win10
	wineserver -w
	cp $(WINE_DLL) $(WINE_UIA) $(WINEPREFIX)/drive_c/windows/system32/
	touch $@

# Fake Kaspersky uninstallers, signed and not, for the removal tests.
WINE_FIXTURES := $(CURDIR)/build/wine-fixtures
$(WINE_FIXTURES)/.ready: $(WINE_READY) .ci/wine-fixtures platform/testdata/fakeuninstaller/main.go $(wildcard platform/testdata/msi/*) \
		platform/act/testdata/dllplant/plant.c $(wildcard platform/act/testdata/dllprobe/*.go) $(wildcard platform/*.go platform/*/*.go)
	.ci/wine-fixtures $(WINE_FIXTURES)
	touch $@

# Windows: the platform probes, the scan and uninstall commands, run under Wine.
# One package at a time (-p 1): they share the prefix's registry and installed
# products, and one package's MSI must not show up in another's scan.
test-windows: $(WINE_READY) $(WINE_FIXTURES)/.ready
	@# The services (winedevice.exe) a test binary's wine starts inherit its
	@# output and live as long as the Wine server: .ci/wine-exec gives the
	@# binary a file, not go test's pipe, so each package ends with its
	@# program (with the pipe, three seconds later, when the server did; with
	@# a persistent server, never: "Test I/O incomplete"). Run nothing else
	@# under Wine meanwhile. Vet ran in the vet phase (-vet=off).
	$(WINE_ENV) TH_WINE=1 TH_WINE_FIXTURES=$(WINE_FIXTURES) GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
	  $(GO) test -p 1 -count=1 -vet=off -exec $(CURDIR)/.ci/wine-exec $(PURE_PKGS)
	wineserver -k || true
	@# The doctor's Windows checks, made to pass and to fail by changing the prefix: the UI Automation
	@# stand-in and Wine's own DLL; a display with GLX and one without.
	WINEDLLOVERRIDES="bcryptprimitives=n;uiautomationcore=n" TH_WINE=1 GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
	  xvfb-run -a -s "-screen 0 1024x768x24" $(GO) test -count=1 -exec wine -run 'UIAutomationUnderWine|GraphicsUnderWine' -v ./platform
	wineserver -k || true
	WINEDLLOVERRIDES="bcryptprimitives=n;uiautomationcore=b" TH_WINE=1 TH_EXPECT_UIA=builtin TH_EXPECT_GL=none GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
	  xvfb-run -a -s "-screen 0 1024x768x24 -extension GLX" $(GO) test -count=1 -exec wine -run 'UIAutomationUnderWine|GraphicsUnderWine' -v ./platform
	wineserver -k || true

# Fuzz each parser of outside text for a while (FUZZTIME=30s by default).
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./app/catalog
	$(GO) test -run '^$$' -fuzz '^FuzzParseDpkgStatus$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzParseBundleInfo$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzParseSystemctlUnits$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzStoreLoad$$' -fuzztime $(FUZZTIME) ./app/progress
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./app/report
	$(GO) test -run '^$$' -fuzz '^FuzzSanitize$$' -fuzztime $(FUZZTIME) ./app/report
	$(GO) test -run '^$$' -fuzz '^FuzzRedact$$' -fuzztime $(FUZZTIME) ./app/report
	$(GO) test -run '^$$' -fuzz '^FuzzReadJSON$$' -fuzztime $(FUZZTIME) ./app/report
	$(GO) test -run '^$$' -fuzz '^FuzzSplitCommandLine$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzPlanWindows$$' -fuzztime $(FUZZTIME) ./app/removal
	$(GO) test -run '^$$' -fuzz '^FuzzParseRPMList$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeProductState$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzJudgeSDDL$$' -fuzztime $(FUZZTIME) ./platform/acl
	$(GO) test -run '^$$' -fuzz '^FuzzParseAptSimulation$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzParseKeychainPEM$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzCertificateFromStoreBlob$$' -fuzztime $(FUZZTIME) ./platform
	$(GO) test -run '^$$' -fuzz '^FuzzName$$' -fuzztime $(FUZZTIME) ./app/report
	$(GO) test -run '^$$' -fuzz '^FuzzAddDependentLoadFlags$$' -fuzztime $(FUZZTIME) ./app/internal/peloadcfg

clean:
	rm -rf build

# A PNG of every step, run for real under Xvfb, in screenshots/ (git-ignored).
screenshots: build-dev deps-test
	.ci/screenshots $(DEVBIN)
	TH_SHOTS=$(CURDIR)/screenshots $(GO) test -count=1 -tags $(TAGS) -run 'Removal' ./app/ui

# Scan and start-up against their floors, side by side, in one run: platform's
# benchmarks and the development build under Xvfb, then the Windows release
# build under Wine (scan against tasklist and wmic, each probe, doctor,
# start-up against a bare Fyne window); prints each row as it is measured and
# writes docs/performance.md. Run it on a quiet machine: it states the load.
bench: deps build-dev build-windows $(WINE_READY)
	xvfb-run -a -s "-screen 0 1366x768x24" \
	  $(GO) run ./app/internal/benchreport -bin $(DEVBIN) -windows $(WINBIN) -out docs/performance.md

# The Windows section once, small, so it keeps working (no timings checked).
bench-windows-smoke: $(WINE_READY)
	xvfb-run -a -s "-screen 0 1366x768x24" \
	  $(GO) run ./app/internal/benchreport -windows $(WINBIN) -windows-only -windows-runs 1 -windows-startup-runs 1 -out build/bench-windows-smoke.md

# Packages. The fyne command comes from the tool line in go.mod, built for this machine.
FYNE := build/fyne
PKG  := build/pkg
$(FYNE): go.mod go.sum
	$(GO) build -o $@ fyne.io/tools/cmd/fyne
fyne-tool: $(FYNE)
wine-prefix: $(WINE_READY)
wine-fixtures: $(WINE_FIXTURES)/.ready

# Windows: portable KasperskyTransitionHelper.exe (signed: TH_SIGN_CERT/TH_SIGN_KEY, or a
# throwaway certificate) and an MSI for IT departments.
package-windows: deps $(FYNE) $(WINE_READY)
	.ci/package-windows $(FYNE) $(VERSION) $(PKG)
	wixl -a x64 -D Version=$(VERSION) -D Exe=$(PKG)/KasperskyTransitionHelper.exe \
	  -o $(PKG)/KasperskyTransitionHelper-$(VERSION).msi packaging/windows/product.wxs
	msibuild $(PKG)/KasperskyTransitionHelper-$(VERSION).msi -i packaging/windows/MsiLockPermissionsEx.idt
	@echo "$(PKG)/KasperskyTransitionHelper.exe and $(PKG)/KasperskyTransitionHelper-$(VERSION).msi"

# Linux: a tar.xz from fyne package and a .deb, both validated, around the
# release build (make build), which fyne package takes as it is.
package-linux: deps $(FYNE) build
	.ci/package-linux $(FYNE) $(VERSION) $(PKG) $(BIN)

# macOS packages are made on a Mac: see packaging/macos/README.md.
package-macos:
	@if [ "$$(uname -s)" != Darwin ]; then \
	  echo "package-macos needs a Mac (fyne package, codesign and notarytool run there): see packaging/macos/README.md."; exit 1; fi
	packaging/macos/package.sh $(VERSION)

# CI: build the packages, check the .deb and that both programs start (make test).
test-packages: package-linux package-windows
	@$(MAKE) --no-print-directory check-packages
# The checks alone, on the packages already in build/pkg.
check-packages:
	.ci/check-packages $(PKG)
	.ci/windows-nowindow $(PKG)/KasperskyTransitionHelper.exe $(PKG)
