#!/usr/bin/env python3
"""Writes the fuzzers' seed inputs into <out>/<target>/, from the repository's content
and from a few hand-written event scripts in each target's input format."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])


def write(target, name, data):
    directory = out / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(bytes(data))


# fuzz-content: every built-in content file alone, and each fixture directory whole,
# its files joined by the 0xFF separator, so the fuzzer starts from valid catalogs.
for path in sorted(root.glob("assets/**/*.yaml")):
    write("content", "asset-" + path.stem, path.read_bytes())
for fixture in sorted((root / "Tests/Fixtures").iterdir()):
    files = sorted(fixture.glob("*.yaml"))
    if files:
        write("content", "fixture-" + fixture.name, b"\xff".join(f.read_bytes() for f in files))
        for f in files:
            write("content", "fixture-" + fixture.name + "-" + f.stem, f.read_bytes())

# fuzz-questionnaire: byte 0 picks the questionnaire ((b // 8) % count, b % 8 != 7);
# then ops: b % 8 in 0..2 answers (next byte % 8 - 1), 3 back, 4 change(step, to),
# 5 restart, 6 explanation, 7 replay.
for q in range(6):
    write("questionnaire", f"first-answers-{q}", [q * 8] + [0, 1] * 12 + [6])
    write("questionnaire", f"second-answers-{q}", [q * 8] + [0, 2] * 12 + [6, 4, 1, 3, 6, 3, 3, 7])
    write("questionnaire", f"back-and-change-{q}", [q * 8] + [0, 1, 0, 2, 3, 4, 1, 2, 6, 5, 0, 3, 7, 6])
write("questionnaire", "generated", [7, 4, 2, 2, 0, 0, 2, 0, 1, 3, 1, 1, 0, 1, 0, 1, 1, 3, 0, 1, 0, 1, 6, 7])

# fuzz-screens: byte 0 sets up (catalog, glyphs, hostile text, start size); then events:
# b % 16 in 0..5 a printable key (next byte + 0x20), 7-8 a named key (next byte % 14:
# up down left right home end pgup pgdn enter esc bksp tab backtab del), 9 a control
# chord, 10 a function key, 11-12 mouse (x, y), 13 resize (w, h: one byte each, or with
# the high bit two bytes each), 14 tick, 15 a multi-scalar character.
def keys(text):
    return [b for c in text.encode() for b in (0, c - 0x20)]

named = {k: i for i, k in enumerate("up down left right home end pgup pgdn enter esc bksp tab backtab del".split())}


def key(name):
    return [7, named[name]]


def resize(width, height):
    if width < 256 and height <= 100:
        return [13, width, height]
    return [13 | 0x80, width & 0xFF, width >> 8, height & 0xFF, height >> 8]


tour = keys("1") + key("down") + key("enter") + key("pgdn") + key("esc") + keys("2") + key("right") + key("enter") \
    + keys("d") + keys("s") + keys("3") + key("enter") + keys("1") + keys("2") + keys("1") + keys("4") + key("tab") \
    + keys("?") + key("down") + key("esc") + keys("/ml") + key("down") + key("enter") + resize(40, 10) + [11, 5, 0] \
    + resize(120, 40) + [11, 30, 10] + [2 * 16 + 11, 20, 10] + [3 * 16 + 11, 20, 10] + keys("q")
# An OSC title, a bidi override, a wide character, a combining mark, a long word.
hostile = b"\x1b]0;x\x07\xe2\x80\xae\xe6\x97\xa5e\xcc\x81" + b"Supercalifragilistic" * 3
for catalog in range(3):
    write("screens", f"tour-{catalog}", [catalog] + tour)
    write("screens", f"tour-ascii-{catalog}", [catalog | 0x10] + tour)
    write("screens", f"hostile-{catalog}", [catalog | 0x60, len(hostile)] + list(hostile) + tour)
write("screens", "sizes", [0] + resize(0, 0) + keys("2") + resize(1, 1) + resize(60, 16) + keys("3") + resize(59, 16)
      + resize(500, 200) + keys("4") + resize(400, 150) + keys("1") + key("enter"))

# fuzz-content: the YAML alias bomb (issue 16): anchors each a list of ten aliases of
# the one before, and the same nesting one list deeper per anchor.
bomb = ["sources:", '  - &l0 "lol"'] + [f"  - &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, 13)]
write("content", "alias-bomb", "\n".join(bomb).encode() + b"\n")
deep = ["sources:", "  - &d0 [x]"] + [f"  - &d{n} [*d{n - 1}]" for n in range(1, 101)]
write("content", "alias-deep", "\n".join(deep).encode() + b"\n")

# fuzz-keys: raw bytes as a terminal sends them: whole characters, a stray lead byte
# before a key, truncated sequences before Ctrl-C and an escape sequence, overlong
# forms, surrogates, bytes past U+10FFFF, and Latin-1 bytes as a non-UTF-8 terminal sends.
write("keys", "valid", "Zoë 김 😀 q\x1b[A\x03".encode())
write("keys", "stray", b"\xc3" + b"2" + b"\xc3\xc3\xa9" + b"\xe2\x82q" + b"\xf0\x9f\x98\x03" + b"\xc3\x1b[B")
write("keys", "invalid", b"\x80\xbf\xc0\xaf\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xf5\xff\xfe")
write("keys", "latin1", "Zoë é ñ".encode("latin-1") + b"q")
