# Installs rolescope as it ships: the release binary with the Swift runtime linked in, its
# man page and its shell completions.
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   build if needed, then install
#   make uninstall [PREFIX=/usr/local]            remove exactly what install put there
#   make dist                                     dist/rolescope-VERSION-OS-ARCH.tar.gz
#
# The build step is `swift build`, which does nothing when the binary is up to date, so
# after CI's release build `make install` only generates the man page and completions.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
RELEASE := -c release --static-swift-stdlib

# Asked of swift build once, when a recipe first needs it.
BIN_PATH = $(eval BIN_PATH := $$(shell $(SWIFT) build $(RELEASE) --show-bin-path))$(BIN_PATH)
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/rolescope/VersionCommand.swift)
STAGE := .build/stage
MANUAL := .build/plugins/GenerateManual/outputs/rolescope/rolescope.1
DIST_NAME := rolescope-$(VERSION)-$(shell uname -s | tr A-Z a-z)-$(shell uname -m)

# Every file install puts under the prefix, relative to it, and the folders they go in
# (the folders, deepest first, are removed by uninstall only if install created them and
# they are empty again).
FILES := bin/rolescope \
	share/man/man1/rolescope.1 \
	share/bash-completion/completions/rolescope \
	share/zsh/site-functions/_rolescope \
	share/fish/vendor_completions.d/rolescope.fish
DIRS := bin share share/man share/man/man1 \
	share/bash-completion share/bash-completion/completions \
	share/zsh share/zsh/site-functions \
	share/fish share/fish/vendor_completions.d
# install records the folders it had to create here (one absolute path a line), so that
# uninstall leaves the prefix as it found it; as CMake keeps install_manifest.txt.
CREATED := .build/installed-dirs

.PHONY: all build stage install uninstall dist clean-stage
all: stage

build:
	$(SWIFT) build $(RELEASE) --product rolescope

# The install tree in $(STAGE): the binary, the man page swift-argument-parser's manual
# generator (its GenerateManual plugin) writes from the command definitions, with the
# KEYS, ENVIRONMENT and FILES sections of packaging/man-sections.mdoc (the keys from the
# README's table), and the completion scripts the binary prints.
#
# The plugin builds the whole package before it reads the commands. It is run on the
# debug build, which `swift test` has already made (so in CI it builds nothing), because
# its release build would relink .build/release/rolescope without --static-swift-stdlib.
# The commands, and so the page, are the same in both.
stage: build
	rm -rf $(STAGE)
	mkdir -p $(STAGE)/bin $(STAGE)/share/man/man1 $(STAGE)/share/bash-completion/completions \
		$(STAGE)/share/zsh/site-functions $(STAGE)/share/fish/vendor_completions.d
	cp $(BIN_PATH)/rolescope $(STAGE)/bin/rolescope
	$(SWIFT) package generate-manual --configuration debug --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)"
	cp $(MANUAL) $(STAGE)/page.mdoc
	awk -f packaging/keys-from-readme.awk README.md > $(STAGE)/keys.mdoc
	awk -v keys=$(STAGE)/keys.mdoc '/^@KEYS@$$/ { while ((getline line < keys) > 0) print line; next } { print }' \
		packaging/man-sections.mdoc > $(STAGE)/sections.mdoc
	awk -v extra=$(STAGE)/sections.mdoc 'function add() { while ((getline line < extra) > 0) print line; added = 1 } \
		/^\.Sh "?EXIT STATUS"?/ && !added { add() } { print } END { if (!added) add() }' \
		$(STAGE)/page.mdoc > $(STAGE)/share/man/man1/rolescope.1
	rm $(STAGE)/page.mdoc $(STAGE)/keys.mdoc $(STAGE)/sections.mdoc
	$(BIN_PATH)/rolescope --generate-completion-script bash > $(STAGE)/share/bash-completion/completions/rolescope
	$(BIN_PATH)/rolescope --generate-completion-script zsh > $(STAGE)/share/zsh/site-functions/_rolescope
	$(BIN_PATH)/rolescope --generate-completion-script fish > $(STAGE)/share/fish/vendor_completions.d/rolescope.fish

install: stage
	@root="$(DESTDIR)$(PREFIX)"; \
	for dir in $(DIRS); do \
		if [ ! -d "$$root/$$dir" ]; then \
			mkdir -p "$$root/$$dir" && echo "$$(cd "$$root/$$dir" && pwd)" >> $(CREATED); \
		fi; \
	done; \
	for file in $(FILES); do \
		case $$file in bin/*) mode=755 ;; *) mode=644 ;; esac; \
		echo "install $$root/$$file"; \
		install -m $$mode $(STAGE)/$$file "$$root/$$file" || exit 1; \
	done

uninstall:
	@root="$(DESTDIR)$(PREFIX)"; \
	for file in $(FILES); do \
		if [ -e "$$root/$$file" ] || [ -L "$$root/$$file" ]; then echo "remove $$root/$$file"; rm -f "$$root/$$file"; fi; \
	done; \
	for dir in $$(printf '%s\n' $(DIRS) | awk '{ print length, $$0 }' | sort -rn | cut -d' ' -f2-); do \
		[ -d "$$root/$$dir" ] || continue; \
		abs=$$(cd "$$root/$$dir" && pwd); \
		if [ -f $(CREATED) ] && grep -qxF "$$abs" $(CREATED); then \
			rmdir "$$abs" 2>/dev/null && grep -vxF "$$abs" $(CREATED) > $(CREATED).new; \
			[ -f $(CREATED).new ] && mv $(CREATED).new $(CREATED); \
		fi; \
	done; true

# The install tree as a .tar.gz, for copying to another machine of the same kind (same OS
# and architecture; it needs only libc, ncurses and SQLite there). Unpack it into a prefix:
#   tar -xzf rolescope-*.tar.gz --strip-components=1 -C ~/.local
dist: stage
	mkdir -p dist
	rm -rf .build/$(DIST_NAME)
	cp -R $(STAGE) .build/$(DIST_NAME)
	tar -czf dist/$(DIST_NAME).tar.gz -C .build $(DIST_NAME)
	rm -rf .build/$(DIST_NAME)
	@echo "dist/$(DIST_NAME).tar.gz"

clean-stage:
	rm -rf $(STAGE) dist
