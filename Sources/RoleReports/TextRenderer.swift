import TerminalKit

/// Renders a `Document` as plain text wrapped to a width in terminal cells. Every string
/// passes through `Sanitizer` first, so content can never drive the terminal.
public struct TextRenderer: Sendable {
    public var width: Int
    /// Box-drawing and bullet characters in Unicode, or ASCII for non-UTF-8 locales.
    public var unicode: Bool

    public init(width: Int = 80, unicode: Bool = true) {
        self.width = max(20, width)
        self.unicode = unicode
    }

    var bullet: String { unicode ? "•" : "-" }
    var rule: String { unicode ? "─" : "-" }

    public func render(_ document: Document) -> String {
        let document = document.replacingEmphasis(start: "*", end: "*")
        // Every table of a document shares one label column, so a comparison's groups line up.
        var renderer = self
        renderer.labelWidth = document.blocks.compactMap { block -> Int? in
            guard case .table(_, let rows) = block else { return nil }
            return rows.map { TextWidth.of(Sanitizer.clean($0.first ?? "")) }.max()
        }.max()
        return renderer.renderBlocks(document)
    }

    /// The label column's width for tables, set per document.
    var labelWidth: Int?

    private func renderBlocks(_ document: Document) -> String {
        var out: [String] = []
        for (index, block) in document.blocks.enumerated() {
            if index > 0 && !(isHeading(document.blocks[index - 1]) && !isHeading(block)) { out.append("") }
            out.append(contentsOf: lines(block))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func isHeading(_ block: Block) -> Bool {
        if case .heading = block { return true }
        return false
    }

    func clean(_ text: String) -> String { Sanitizer.clean(text) }

    func lines(_ block: Block) -> [String] {
        switch block {
        case .heading(let level, let text):
            let title = clean(text)
            let wrapped = TextWrap.lines(level == 1 ? title.uppercased() : title, width: width)
            let underline = level <= 2 ? [String(repeating: level == 1 ? (unicode ? "═" : "=") : rule, count: min(width, wrapped.map { TextWidth.of($0) }.max() ?? 0))] : []
            return wrapped + underline
        case .paragraph(let text):
            return Self.wrap(clean(text), width: width)
        case .note(let text):
            return TextWrap.lines(clean(text), width: width - 2).map { "  " + $0 }
        case .bullets(let items):
            return items.flatMap { hanging(bullet + " ", clean($0)) }
        case .numbered(let items):
            let digits = String(items.count).count
            return items.enumerated().flatMap { index, item in
                let number = String(index + 1)
                return hanging(String(repeating: " ", count: digits - number.count) + number + ". ", clean(item))
            }
        case .fields(let pairs):
            // The label column takes at most a third of the width, so the text beside it
            // always has room; a longer label goes on lines of its own above its text.
            // A label needs its colon and a space before the text.
            let labelWidth = min(28, width / 3, (pairs.map { TextWidth.of(clean($0.0)) }.max() ?? 0) + 2)
            return pairs.flatMap { label, value -> [String] in
                let head = TextWrap.pad(clean(label) + ":", to: labelWidth)
                if TextWidth.of(clean(label)) + 2 > labelWidth {
                    return TextWrap.lines(clean(label) + ":", width: width) + hanging(String(repeating: " ", count: labelWidth), clean(value))
                }
                return hanging(head, clean(value))
            }
        case .table(let header, let rows):
            return table(header: header.map(clean), rows: rows.map { $0.map(clean) })
        }
    }

    /// Wraps text to `width` line by line, as `TextWrap.lines` does, except that a line
    /// that is a bullet ("• ", "- ") or a numbered step ("2. ") keeps its hanging indent:
    /// its wrapped lines start under its text, never at the column's edge.
    static func wrap(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard let prefix = hangingPrefix(line), width - TextWidth.of(prefix) >= 8 else {
                return TextWrap.lines(line, width: width)
            }
            let indent = String(repeating: " ", count: TextWidth.of(prefix))
            return TextWrap.lines(String(line.dropFirst(prefix.count)), width: width - indent.count).enumerated().map {
                ($0.offset == 0 ? prefix : indent) + $0.element
            }
        }
    }

    /// "• ", "- " or "12. " at the start of a line, with any spaces before it.
    static func hangingPrefix(_ line: String) -> String? {
        let lead = line.prefix { $0 == " " }
        let rest = line.dropFirst(lead.count)
        if rest.hasPrefix("• ") || rest.hasPrefix("- ") || rest.hasPrefix("* ") { return String(lead) + String(rest.prefix(2)) }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, rest.dropFirst(digits.count).hasPrefix(". ") {
            return String(lead) + String(digits) + ". "
        }
        return nil
    }

    /// Wraps `text` after a prefix, indenting continuation lines under the text.
    func hanging(_ prefix: String, _ text: String) -> [String] {
        let indent = min(TextWidth.of(prefix), width / 2)
        let wrapped = TextWrap.lines(text, width: width - indent)
        return wrapped.enumerated().map { ($0.offset == 0 ? prefix : String(repeating: " ", count: indent)) + $0.element }
    }

    /// Columns side by side: a label column, then equal columns, each cell wrapped inside
    /// its column and rows as tall as their tallest cell. When the columns would be too
    /// narrow to read (four roles in 40 cells), each row is stacked instead: its label,
    /// then each column's header and text, so no line is ever wider than `width`.
    func table(header: [String], rows: [[String]]) -> [String] {
        let columns = header.count
        guard columns > 0 else { return [] }
        let gap = Self.tableGap
        guard let widths = tableWidths(columns: columns, rows: rows) else { return stacked(header: header, rows: rows) }
        func row(_ cells: [String]) -> [String] {
            let wrapped = (0..<columns).map { index -> [String] in
                let text = index < cells.count ? cells[index] : ""
                return text.isEmpty ? [""] : Self.wrap(text, width: widths[index])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                (0..<columns).map { column -> String in
                    let text = line < wrapped[column].count ? wrapped[column][line] : ""
                    return column == columns - 1 ? text : TextWrap.pad(text, to: widths[column])
                }.joined(separator: String(repeating: " ", count: gap))
                .trimmingTrailingSpaces()
            }
        }
        let total = widths.reduce(0, +) + gap * (columns - 1)
        var out = row(header)
        out.append(String(repeating: rule, count: min(width, total)))
        for (index, cells) in rows.enumerated() {
            if index > 0 { out.append("") }
            out.append(contentsOf: row(cells))
        }
        return out
    }

    static let tableGap = 2

    /// The width of each column of a table with `columns` columns, or nil when they would
    /// be too narrow to read and the table is stacked instead.
    func tableWidths(columns: Int, rows: [[String]]) -> [Int]? {
        let widest = labelWidth ?? rows.map { TextWidth.of($0.first ?? "") }.max() ?? 0
        let labelWidth = min(max(12, widest), max(12, width / 5))
        guard columns > 1 else { return [labelWidth] }
        let rest = (width - labelWidth - Self.tableGap * (columns - 1)) / (columns - 1)
        return rest < 10 ? nil : [labelWidth] + Array(repeating: rest, count: columns - 1)
    }

    /// A table too wide for `width`, one row after another: the row's label on its own
    /// line, then "header: text" for each other column, indented under it.
    func stacked(header: [String], rows: [[String]]) -> [String] {
        var out: [String] = []
        for (index, cells) in rows.enumerated() {
            if index > 0 { out.append("") }
            out += TextWrap.lines(cells.first ?? "", width: width)
            for column in header.indices.dropFirst() where column < cells.count && !cells[column].isEmpty {
                // A cell that starts with a bullet starts on the line after its header,
                // so its bullets line up.
                let name = header[column].isEmpty ? "" : header[column] + (Self.hangingPrefix(cells[column]) == nil ? ": " : ":\n")
                out += Self.wrap(name + cells[column], width: width - 2).map { "  " + $0 }
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
