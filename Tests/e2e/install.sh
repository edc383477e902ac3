#!/usr/bin/env bash
# End-to-end checks of the install (issue 17): `make install` into a temporary prefix puts
# the release binary CI tested, its man page and the bash, zsh and fish completions in
# their conventional folders; `man -l` renders the page; `make uninstall` leaves the
# prefix as it found it; `make dist` packs the same files.
# Usage: Tests/e2e/install.sh PATH/TO/rolescope (the release binary, as .ci/run builds it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(cd "$here/../.." && pwd)
bin=${1:?usage: install.sh PATH/TO/rolescope}
work=$(mktemp -d)
prefix=$(mktemp -d)
trap 'remove_tree "$work"; remove_tree "$prefix"' EXIT
files=(bin/rolescope share/man/man1/rolescope.1 share/bash-completion/completions/rolescope
       share/zsh/site-functions/_rolescope share/fish/vendor_completions.d/rolescope.fish)

echo "Install end-to-end (make install PREFIX=$prefix)"
# Something already in the prefix, which neither install nor uninstall may touch: a file,
# and a man folder install will share.
echo mine >"$prefix/keep-me"
mkdir -p "$prefix/share/man/man1"
listing() { (cd "$prefix" && find . -printf '%y %m %p\n' | sort); }
listing >"$work/before"
built=$(stat -c %Y "$bin")

expect_status "make install PREFIX=<temp>" 0 "$work/log" make --no-print-directory -C "$root" install PREFIX="$prefix"
for file in "${files[@]}"; do check "  installs $file" test -s "$prefix/$file"; done
check "  the binary is executable" test -x "$prefix/bin/rolescope"
check "  it is the release binary CI built and tested" cmp -s "$bin" "$prefix/bin/rolescope"
check "  which make did not build again" test "$(stat -c %Y "$bin")" = "$built"
expect_status "  installed rolescope --version" 0 "$work/version" "$prefix/bin/rolescope" --version
contains "    prints its version" "$work/version" "rolescope "

MANWIDTH=80 LANG=C.UTF-8 man -l "$prefix/share/man/man1/rolescope.1" >"$work/man" 2>"$work/man.err" || true
for section in NAME SYNOPSIS DESCRIPTION KEYS ENVIRONMENT FILES; do
    check "  man -l shows $section" grep -q "^$section" "$work/man"
done
contains "  the page comes from the command definitions" "$work/man" "Walk a questionnaire to a recommended role."
contains "  KEYS holds the README's keys" "$work/man" "Ctrl-L"
contains "  FILES names the sessions database" "$work/man" "sessions.sqlite"
check "  groff has no complaints" test ! -s "$work/man.err"

check "  bash completion loads" bash -c ". '$prefix/share/bash-completion/completions/rolescope' && complete -p rolescope"
check "  zsh completion is a compdef" grep -q '^#compdef rolescope' "$prefix/share/zsh/site-functions/_rolescope"
check "  fish completion completes rolescope" grep -q "^complete -c 'rolescope'" "$prefix/share/fish/vendor_completions.d/rolescope.fish"

expect_status "make uninstall PREFIX=<temp>" 0 "$work/log" make --no-print-directory -C "$root" uninstall PREFIX="$prefix"
listing >"$work/after"
if cmp -s "$work/before" "$work/after"; then pass "  the prefix is as it was"; else fail "  the prefix changed" "$(diff "$work/before" "$work/after")"; fi

expect_status "make dist" 0 "$work/log" make --no-print-directory -C "$root" dist
tarball=$(tail -1 "$work/log")
check "  $tarball exists" test -s "$root/$tarball"
tar -tzf "$root/$tarball" | grep -v '/$' | cut -d/ -f2- | sort >"$work/dist"
printf '%s\n' "${files[@]}" | sort >"$work/want"
if cmp -s "$work/want" "$work/dist"; then pass "  it holds the installed files, laid out as under the prefix"; else fail "  dist differs" "$(diff "$work/want" "$work/dist")"; fi
mkdir "$work/unpacked"
tar -xzf "$root/$tarball" --strip-components=1 -C "$work/unpacked"
check "  its binary is the release binary" cmp -s "$bin" "$work/unpacked/bin/rolescope"

summary
