import TerminalKit

/// Renders a `Document` as GitHub-flavoured Markdown, for sharing. Content is sanitized
/// and Markdown's own characters in it are escaped where they would change the meaning.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: Document) -> String {
        // Emphasis marks pass through escaping untouched and become ** afterwards.
        let text = document.blocks.map(block).joined(separator: "\n\n") + "\n"
        guard text.unicodeScalars.contains(where: { $0.value == 0xE000 }) else { return text }
        var out = ""
        for character in text {
            let s = String(character)
            out += s == Document.emphasisStart || s == Document.emphasisEnd ? "**" : s
        }
        return out
    }

    func escape(_ text: String) -> String {
        var out = ""
        for character in Sanitizer.clean(text) {
            switch character {
            case "\\", "`", "*", "_", "<", ">", "[", "]", "|", "#": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    func block(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, max(1, level))) + " " + escape(text).replacingNewlines(" ")
        case .paragraph(let text):
            return escape(text)
        case .note(let text):
            return "> " + escape(text).replacingNewlines("\n> ")
        case .bullets(let items):
            return items.map { "- " + escape($0).replacingNewlines("\n  ") }.joined(separator: "\n")
        case .numbered(let items):
            return items.enumerated().map { "\($0.offset + 1). " + escape($0.element).replacingNewlines("\n   ") }.joined(separator: "\n")
        case .fields(let pairs):
            return pairs.map { "- **\(escape($0.0))**: " + escape($0.1).replacingNewlines("\n  ") }.joined(separator: "\n")
        case .table(let header, let rows):
            func row(_ cells: [String]) -> String {
                "| " + cells.map { escape($0).replacingNewlines("<br>") }.joined(separator: " | ") + " |"
            }
            return ([row(header), "|" + String(repeating: " --- |", count: header.count)] + rows.map(row)).joined(separator: "\n")
        }
    }
}

extension String {
    func replacingNewlines(_ with: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: with)
    }
}
