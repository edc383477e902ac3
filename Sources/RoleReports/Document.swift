/// A plain-text command's output before it is rendered: headings, paragraphs, lists and
/// tables. One builder per command fills it; `TextRenderer` and `MarkdownRenderer` turn
/// it into terminal text or Markdown, so both formats always say the same thing.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    public mutating func append(_ block: Block) { blocks.append(block) }

    /// Marks a stretch of text as emphasised (a search's matched words): plain text shows
    /// it as `*word*`, Markdown as `**word**`.
    public static func emphasised(_ text: String) -> String { emphasisStart + text + emphasisEnd }
    static let emphasisStart = "\u{E000}", emphasisEnd = "\u{E001}"

    /// The document with every emphasis mark replaced by `start` and `end`.
    func replacingEmphasis(start: String, end: String) -> Document {
        func swap(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: { $0.value == 0xE000 || $0.value == 0xE001 }) else { return text }
            var out = ""
            for character in text {
                if String(character) == Self.emphasisStart { out += start } else if String(character) == Self.emphasisEnd { out += end } else { out.append(character) }
            }
            return out
        }
        return Document(blocks.map { block in
            switch block {
            case .heading(let level, let text): return .heading(level, swap(text))
            case .paragraph(let text): return .paragraph(swap(text))
            case .note(let text): return .note(swap(text))
            case .bullets(let items): return .bullets(items.map(swap))
            case .numbered(let items): return .numbered(items.map(swap))
            case .fields(let pairs): return .fields(pairs.map { (swap($0.0), swap($0.1)) })
            case .table(let header, let rows): return .table(header: header.map(swap), rows: rows.map { $0.map(swap) })
            }
        })
    }
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
