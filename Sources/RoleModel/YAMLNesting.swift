/// A fast look at how deeply a YAML text nests, taken before it is parsed.
///
/// Composing a document into nodes is recursive (in Yams, and in anything that walks the
/// nodes), so a file that nests thousands of levels deep (`[[[[...` or `- - - - ...`)
/// could exhaust the stack. libyaml stops at 1,000 levels with a message that names no
/// fix; this scan stops at `CatalogLoader.maximumNesting`, long before any recursion
/// matters, and says which line went too deep.
///
/// It reads bytes once and keeps no tree: an indentation stack for block collections
/// (each `- ` or `? ` that starts a compact nested entry is a level of its own), and a
/// count of open flow brackets (`[` and `{` count where a value can start, and anywhere
/// inside a flow collection), skipping quoted text, comments and block scalars (`|`,
/// `>`). It can only over-count (a plain multi-line value's continuation lines look like
/// one more level), never under-count a real collection, which is the safe direction
/// for a limit that real content stays far below.
enum YAMLNesting {
    struct TooDeep: Equatable {
        var line: Int
        var column: Int
        var depth: Int
    }

    /// The first place where `text` nests deeper than `limit`, or nil.
    static func firstPlace(in text: String, deeperThan limit: Int) -> TooDeep? {
        var scanner = Scanner(limit: limit)
        var lineNumber = 0
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lineNumber += 1
            var end = index
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if let found = scanner.scan(bytes[start..<end], line: lineNumber) { return found }
            start = index + 1
        }
        return nil
    }

    private struct Scanner {
        let limit: Int
        /// Columns of the open block collections.
        var indents: [Int] = []
        var flow = 0
        /// Inside a quoted scalar that continues on the next line: its quote character.
        var quote: UInt8?
        /// Inside a block scalar: the indentation of the line that opened it.
        var blockScalarParent: Int?

        init(limit: Int) { self.limit = limit }

        mutating func scan(_ line: ArraySlice<UInt8>, line number: Int) -> TooDeep? {
            let base = line.startIndex
            var indent = 0
            while base + indent < line.endIndex && line[base + indent] == 0x20 { indent += 1 }
            let blank = base + indent == line.endIndex
            if let parent = blockScalarParent {
                if blank || indent > parent { return nil }
                blockScalarParent = nil
            }
            var column = indent
            if quote == nil && flow == 0 {
                if blank || line[base + indent] == UInt8(ascii: "#") { return nil }
                if indent == 0 && (line.starts(with: "---".utf8) || line.starts(with: "...".utf8)) {
                    indents = []
                    return nil
                }
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
                // Compact nested entries: "- - - x" opens a sequence per dash.
                while base + column < line.endIndex, [UInt8(ascii: "-"), UInt8(ascii: "?")].contains(line[base + column]),
                      base + column + 1 == line.endIndex || line[base + column + 1] == 0x20 {
                    column += 1
                    while base + column < line.endIndex && line[base + column] == 0x20 { column += 1 }
                    indents.append(column)
                    if indents.count + flow > limit { return TooDeep(line: number, column: column + 1, depth: indents.count + flow) }
                }
                if indents.count > limit { return TooDeep(line: number, column: indent + 1, depth: indents.count) }
            }
            return scanValue(line, from: column, indent: indent, line: number)
        }

        /// Scans the rest of a line for quotes, flow brackets, comments and block scalars.
        private mutating func scanValue(_ line: ArraySlice<UInt8>, from column: Int, indent: Int, line number: Int) -> TooDeep? {
            let base = line.startIndex
            var i = base + column
            var atNodeStart = true
            while i < line.endIndex {
                let c = line[i]
                if let q = quote {
                    if q == UInt8(ascii: "\"") {
                        if c == UInt8(ascii: "\\") { i += 2; continue }
                        if c == q { quote = nil; atNodeStart = false }
                    } else if c == q {
                        if i + 1 < line.endIndex && line[i + 1] == q { i += 2; continue }
                        quote = nil
                        atNodeStart = false
                    }
                    i += 1
                    continue
                }
                let next: UInt8? = i + 1 < line.endIndex ? line[i + 1] : nil
                switch c {
                case 0x20, 0x09:
                    break
                case UInt8(ascii: "#") where i == base || line[i - 1] == 0x20 || line[i - 1] == 0x09:
                    return nil
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if atNodeStart { quote = c }
                    atNodeStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if flow > 0 || atNodeStart {
                        flow += 1
                        if indents.count + flow > limit {
                            return TooDeep(line: number, column: i - base + 1, depth: indents.count + flow)
                        }
                        atNodeStart = true
                    } else {
                        atNodeStart = false
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if flow > 0 { flow -= 1 }
                    atNodeStart = false
                case UInt8(ascii: ","):
                    atNodeStart = flow > 0
                case UInt8(ascii: ":"):
                    let separates = next == nil || next == 0x20 || next == 0x09
                        || (flow > 0 && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next!))
                    atNodeStart = separates
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if atNodeStart && flow == 0 {
                        blockScalarParent = indent
                        return nil
                    }
                    atNodeStart = false
                case UInt8(ascii: "&"), UInt8(ascii: "!"):
                    // An anchor or a tag comes before the node it names: skip the token.
                    while i + 1 < line.endIndex && line[i + 1] != 0x20 { i += 1 }
                default:
                    atNodeStart = false
                }
                i += 1
            }
            return nil
        }
    }
}
