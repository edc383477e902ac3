/// A plain-text command's output before it is rendered: headings, paragraphs, lists and
/// tables. One builder per command fills it; `TextRenderer` and `MarkdownRenderer` turn
/// it into terminal text or Markdown, so both formats always say the same thing.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    public mutating func append(_ block: Block) { blocks.append(block) }
    public static func += (document: inout Document, block: Block) { document.blocks.append(block) }
}

public enum Block: Sendable, Equatable {
    case heading(Int, String)
    case paragraph(String)
    /// A paragraph set off as secondary (sources, notes).
    case note(String)
    case bullets([String])
    case numbered([String])
    /// Term and description pairs, such as "Primary output: ...".
    case fields([(String, String)])
    /// A table whose first column labels the rows; cells may hold several lines.
    case table(header: [String], rows: [[String]])

    public static func == (lhs: Block, rhs: Block) -> Bool {
        switch (lhs, rhs) {
        case let (.heading(a, b), .heading(c, d)): return a == c && b == d
        case let (.paragraph(a), .paragraph(b)), let (.note(a), .note(b)): return a == b
        case let (.bullets(a), .bullets(b)), let (.numbered(a), .numbered(b)): return a == b
        case let (.fields(a), .fields(b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        case let (.table(h1, r1), .table(h2, r2)): return h1 == h2 && r1 == r2
        default: return false
        }
    }
}

/// The formats the document-like commands can print.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, markdown, json
}
