import RoleReports
import TerminalKit

/// A `RoleReports.Document` laid out as styled lines for one width: how a screen shows the
/// very document a plain-text command prints and `e` exports as Markdown, so the three
/// never say different things (one builder, three renderings).
///
/// Headings get a rule like the profile's sections, numbers and bullets hang their text,
/// and a trailing citation ("... [JoinAI, A.Team]") is dimmed and never split. Bullets
/// and rules are one cell in Unicode and ASCII alike, so the line count does not depend
/// on the glyph set and `update` can scroll by the same lines `render` draws.
enum DocumentLines {
    static func lines(_ document: Document, width: Int, glyphs: Glyphs) -> [StyledLine] {
        let width = max(1, width)
        var out: [StyledLine] = []
        for (index, block) in document.blocks.enumerated() {
            // A blank line between blocks, except right under a heading.
            if index > 0, !isHeading(document.blocks[index - 1]) || isHeading(block) { out.append(.empty) }
            out += lines(block, width: width, glyphs: glyphs)
        }
        return out
    }

    private static func isHeading(_ block: Block) -> Bool {
        if case .heading = block { return true }
        return false
    }

    private static func clean(_ text: String) -> String { Sanitizer.clean(text, keepNewlines: false) }

    static func lines(_ block: Block, width: Int, glyphs: Glyphs) -> [StyledLine] {
        switch block {
        case .heading(let level, let text):
            let title = clean(text)
            if level <= 1 { return RoleText.wrap(StyledLine(title, style: Style.title.bold()), width: width) }
            guard TextWidth.of(title) + 2 <= width else { return RoleText.wrap(StyledLine(title, style: .heading), width: width) }
            let rule = width - TextWidth.of(title) - 1
            return [StyledLine(spans: [Span(title, style: .heading), Span(" " + String(repeating: glyphs.horizontal, count: rule), style: .border)])]
        case .paragraph(let text):
            return cited(clean(text), width: width)
        case .note(let text):
            return RoleText.indent(RoleText.wrap(StyledLine(clean(text), style: .dim), width: width - 2), by: 2)
        case .bullets(let items):
            return items.flatMap { item in
                RoleText.hang(cited(clean(item), width: width - 2), prefix: [Span(glyphs.bullet + " ", style: .dim)], width: 2)
            }
        case .numbered(let items):
            let numberWidth = "\(items.count).".count + 1
            return items.enumerated().flatMap { index, item in
                let number = String(repeating: " ", count: "\(items.count)".count - "\(index + 1)".count) + "\(index + 1). "
                return RoleText.hang(cited(clean(item), width: width - numberWidth), prefix: [Span(number, style: .key)], width: numberWidth)
            }
        case .fields(let pairs):
            // As in the text renderer: the label column takes at most a third of the width;
            // a longer label gets a line of its own above its text.
            let labelWidth = min(24, width / 3, (pairs.map { TextWidth.of(clean($0.0)) }.max() ?? 0) + 2)
            return pairs.flatMap { label, value -> [StyledLine] in
                let name = clean(label)
                let text = cited(clean(value), width: width - labelWidth)
                if TextWidth.of(name) + 1 > labelWidth {
                    return RoleText.wrap(StyledLine(name + ":", style: Style.dim.bold()), width: width)
                        + RoleText.indent(text, by: labelWidth)
                }
                return RoleText.hang(text, prefix: [Span(TextWrap.pad(name + ":", to: labelWidth), style: Style.dim.bold())], width: labelWidth)
            }
        case .table(let header, let rows):
            // Stacked: each row's label, then "column: text" beneath it.
            var out: [StyledLine] = []
            for (index, cells) in rows.enumerated() {
                if index > 0 { out.append(.empty) }
                out += RoleText.wrap(StyledLine(clean(cells.first ?? ""), style: Style.normal.bold()), width: width)
                for column in header.indices.dropFirst() where column < cells.count && !cells[column].isEmpty {
                    let name = header[column].isEmpty ? "" : clean(header[column]) + ": "
                    out += RoleText.indent(cited(name + clean(cells[column]), width: width - 2), by: 2)
                }
            }
            return out
        }
    }

    /// `text` wrapped to `width`, its trailing "[Source, Source]" dimmed and kept whole.
    static func cited(_ text: String, width: Int) -> [StyledLine] {
        guard text.hasSuffix("]"), let open = text.ranges(of: " [").last else {
            return RoleText.wrap(StyledLine(text), width: width)
        }
        let body = String(text[..<open.lowerBound])
        let citation = String(text[text.index(after: open.lowerBound)...])
        return RoleText.wrap(StyledLine(body), trailer: StyledLine(citation, style: .dim), width: width)
    }
}
