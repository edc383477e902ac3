#!/usr/bin/env python3
"""Runs a program on a pseudo-terminal and checks the raw bytes it writes there.

  ptyharness.py run [--cols N] [--rows N] [--timeout S] [--out FILE] [--step KEYS]... -- CMD ARGS...
      Runs CMD on a new pty of the given size (its controlling terminal, so /dev/tty
      works), types each --step once the output has gone quiet (Python string escapes
      such as \\r or \\x1b[A are understood), records every byte the program writes to
      FILE, and prints "exit N" (or "exit timeout" after killing it). Standard input is
      the pty too.

  ptyharness.py check FILE [--plain] [--expect TEXT]... [--reject TEXT]...
      Fails (exit 1, listing what it found) unless every byte in FILE is UTF-8 text in
      which the only escape sequences are the ones curses itself emits:
        CSI  ESC [ params intermediates final    (cursor, erase, SGR, modes, smcup/rmcup)
        ESC ( X / ESC ) X                         (character set, part of sgr0)
        ESC = / ESC > / ESC 7 / ESC 8 / ESC M / ESC D / ESC E   (keypad, save/restore, index)
        SO / SI                                   (character-set shift in vt100/screen sgr0)
      and rejects OSC (ESC ]), DCS (ESC P), APC (ESC _), PM (ESC ^), SOS (ESC X), any
      other ESC, BEL and every other C0 control except CR, LF, BS and TAB, DEL, C1
      controls (U+0080-U+009F, among them U+009B CSI and U+009D OSC), bidirectional
      controls, zero-width and other format characters. --plain rejects every escape
      sequence at all (for the plain-text commands). --expect TEXT must occur (proves the
      hostile content was really drawn); --reject TEXT must not.
"""
import os
import pty
import select
import signal
import struct
import sys
import time
import fcntl
import termios


def run(argv):
    cols, rows, timeout, out, steps = 100, 30, 20.0, None, []
    i = 0
    while i < len(argv) and argv[i] != "--":
        opt, val = argv[i], argv[i + 1]
        if opt == "--cols": cols = int(val)
        elif opt == "--rows": rows = int(val)
        elif opt == "--timeout": timeout = float(val)
        elif opt == "--out": out = val
        elif opt == "--step": steps.append(val.encode("latin-1").decode("unicode_escape").encode("utf-8"))
        else: sys.exit("unknown option " + opt)
        i += 2
    command = argv[i + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    data = bytearray()
    deadline = time.time() + timeout
    status = None

    def pump(quiet):
        """Reads until the output has been quiet for `quiet` seconds (or the child ends)."""
        last = time.time()
        while time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                data.extend(chunk)
                last = time.time()
            elif time.time() - last >= quiet:
                return True
        return True

    alive = pump(0.6)
    for step in steps:
        if not alive:
            break
        try:
            os.write(fd, step)
        except OSError:
            break
        alive = pump(0.25)
    # Collect what follows until the program exits by itself.
    while time.time() < deadline:
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = code
            break
        pump(0.1)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    pump(0.05)
    os.close(fd)
    if out:
        with open(out, "wb") as f:
            f.write(data)
    if status is None:
        print("exit timeout")
        return 1
    print("exit %d" % (os.waitstatus_to_exitcode(status)))
    return 0


def is_forbidden_scalar(c):
    v = ord(c)
    if v in (0x0A, 0x0D, 0x08, 0x09):
        return False
    if v < 0x20 or v == 0x7F or 0x80 <= v <= 0x9F:
        return True
    return v in (0xAD, 0x061C, 0x115F, 0x1160, 0x180E, 0x3164, 0xFEFF, 0xFFA0) or 0x200B <= v <= 0x200F \
        or 0x2028 <= v <= 0x202E or 0x2060 <= v <= 0x206F or 0xFFF9 <= v <= 0xFFFB or 0xE0000 <= v <= 0xE007F


def check(argv):
    path, plain, expect, reject = argv[0], False, [], []
    i = 1
    while i < len(argv):
        if argv[i] == "--plain": plain = True; i += 1; continue
        if argv[i] == "--expect": expect.append(argv[i + 1])
        elif argv[i] == "--reject": reject.append(argv[i + 1])
        else: sys.exit("unknown option " + argv[i])
        i += 2
    raw = open(path, "rb").read()
    problems = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append("not UTF-8 at byte %d: %r" % (e.start, raw[max(0, e.start - 20):e.start + 20]))
        text = raw.decode("utf-8", errors="replace")
    sequences = {}
    visible = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\x1b":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt == "[":
                j = i + 2
                while j < len(text) and 0x30 <= ord(text[j]) <= 0x3F: j += 1
                while j < len(text) and 0x20 <= ord(text[j]) <= 0x2F: j += 1
                if j < len(text) and 0x40 <= ord(text[j]) <= 0x7E:
                    seq = text[i:j + 1]
                    sequences["CSI"] = sequences.get("CSI", 0) + 1
                    if plain: problems.append("escape sequence in plain output: %r" % seq)
                    i = j + 1
                    continue
                problems.append("malformed CSI at %d: %r" % (i, text[i:i + 20]))
                i += 2
                continue
            if nxt in "()" and i + 2 < len(text):
                sequences["ESC " + nxt] = sequences.get("ESC " + nxt, 0) + 1
                if plain: problems.append("escape sequence in plain output: %r" % text[i:i + 3])
                i += 3
                continue
            if nxt and nxt in "=>78MDE":
                sequences["ESC " + nxt] = sequences.get("ESC " + nxt, 0) + 1
                if plain: problems.append("escape sequence in plain output: %r" % text[i:i + 2])
                i += 2
                continue
            names = {"]": "OSC", "P": "DCS", "_": "APC", "^": "PM", "X": "SOS"}
            problems.append("%s (ESC %r) at %d: %r" % (names.get(nxt, "stray ESC"), nxt, i, text[max(0, i - 10):i + 30]))
            i += 1
            continue
        if c in "\x0e\x0f" and not plain:
            # SO/SI: the character-set shift that vt100 and screen terminfo put in sgr0,
            # smacs and rmacs. Curses' own; content's SI would have been shown as ^O.
            sequences["SO/SI"] = sequences.get("SO/SI", 0) + 1
            i += 1
            continue
        if is_forbidden_scalar(c):
            problems.append("U+%04X at %d: %r" % (ord(c), i, text[max(0, i - 20):i + 20]))
        else:
            visible.append(c)
        i += 1
    shown = "".join(visible)
    for needle in expect:
        if needle not in shown:
            problems.append("expected text not drawn: %r" % needle)
    for needle in reject:
        if needle in shown:
            problems.append("unexpected text drawn: %r" % needle)
    summary = ", ".join("%s x%d" % kv for kv in sorted(sequences.items())) or "none"
    if problems:
        print("%s: %d bytes; escape sequences: %s" % (path, len(raw), summary))
        for p in problems[:15]:
            print("  " + p)
        if len(problems) > 15:
            print("  ... %d more" % (len(problems) - 15))
        return 1
    print("%d bytes; escape sequences: %s" % (len(raw), summary))
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "check"):
        sys.exit(__doc__)
    sys.exit(run(sys.argv[2:]) if sys.argv[1] == "run" else check(sys.argv[2:]))
