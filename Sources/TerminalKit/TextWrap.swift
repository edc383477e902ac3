/// Word wrapping and truncation measured in terminal cells.
public enum TextWrap {
    /// Breaks `text` into lines of at most `width` cells. Words longer than a line are
    /// broken between grapheme clusters, so a wide character is never split (and one
    /// wider than the whole line, a 2-cell character in a 1-cell column, is left out,
    /// as `StyledLine.wrapped` does). Existing newlines start new lines; blank lines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result.append(contentsOf: wrapParagraph(Substring(paragraph), width: width))
        }
        return result
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var piece = String(word)
            var pieceWidth = TextWidth.of(piece)
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + pieceWidth <= width {
                if gap == 1 { line.append(" ") }
                line += piece
                lineWidth += gap + pieceWidth
                continue
            }
            if !line.isEmpty { lines.append(line); line = ""; lineWidth = 0 }
            // A word wider than the whole line is cut into line-sized chunks.
            while pieceWidth > width {
                let (head, headWidth) = prefix(piece, fitting: width)
                if head.isEmpty {
                    // A character wider than the whole line cannot be shown in it.
                    let dropped = piece.removeFirst()
                    pieceWidth -= TextWidth.of(dropped)
                    continue
                }
                lines.append(head)
                piece = String(piece.dropFirst(head.count))
                pieceWidth -= headWidth
            }
            line = piece
            lineWidth = pieceWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest prefix of `text` that fits in `width` cells, and its width.
    public static func prefix(_ text: String, fitting width: Int) -> (String, Int) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = TextWidth.of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// `text` cut to at most `width` cells, ending in `ellipsis` when it was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(text) <= width { return text }
        let ellipsisWidth = TextWidth.of(ellipsis)
        // A column just wide enough for the ellipsis shows only that: it says "cut".
        if width == ellipsisWidth { return ellipsis }
        guard width > ellipsisWidth else { return prefix(text, fitting: width).0 }
        return prefix(text, fitting: width - ellipsisWidth).0 + ellipsis
    }

    /// `text` padded with spaces (or cut) to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let w = TextWidth.of(text)
        if w >= width { return w == width ? text : prefix(text, fitting: width).0 + String(repeating: " ", count: width - prefix(text, fitting: width).1) }
        return text + String(repeating: " ", count: width - w)
    }
}
