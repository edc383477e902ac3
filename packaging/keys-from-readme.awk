# Turns the Keys table of README.md into the mdoc list of the man page's KEYS section, so
# the README stays the one place the keys are written down (the app's `?` help is drawn
# from the key maps themselves). Fails when the table is missing, rather than shipping a
# man page without keys.
#
# Usage: awk -f packaging/keys-from-readme.awk README.md

# Escapes a cell for mdoc: backslashes first, then `code` as bold.
function escape(text) {
    gsub(/\\/, "\\e", text)
    while (match(text, /`[^`]*`/)) {
        text = substr(text, 1, RSTART - 1) "\\fB" substr(text, RSTART + 1, RLENGTH - 2) "\\fR" substr(text, RSTART + RLENGTH)
    }
    return text
}

# The keys cell as the arguments of `.It Sy`: every word behind \& so that none is read as
# an mdoc macro or delimiter.
function head(text,    words, n, i, out) {
    gsub(/`/, "", text)
    gsub(/\\/, "\\e", text)
    n = split(text, words, / +/)
    out = ""
    for (i = 1; i <= n; i++) if (words[i] != "") out = out " \\&" words[i]
    return out
}

# The first table under "## Keys", and only that one.
/^## Keys/ { inkeys = 1; next }
inkeys && /^#/ { inkeys = 0 }
inkeys && rows > 0 && !/^\|/ { inkeys = 0 }
inkeys && /^\|/ {
    line = $0
    sub(/^\| */, "", line)
    sub(/ *\| *$/, "", line)
    n = split(line, cells, / *\| */)
    if (cells[1] == "Key" || cells[1] == "Action" || cells[1] ~ /^-+$/) next
    rows++
    # | Action | Keys | Does |: the keys head the item, the action's config name follows.
    if (n >= 3) {
        print ".It Sy" head(cells[2])
        print "\\&" escape(cells[3]) (cells[1] != "" ? " (config: " escape(cells[1]) ")" : "")
    } else {
        print ".It Sy" head(cells[1])
        print "\\&" escape(cells[2])
    }
}
END {
    if (rows == 0) { print "keys-from-readme.awk: no Keys table found in the README" > "/dev/stderr"; exit 1 }
}
