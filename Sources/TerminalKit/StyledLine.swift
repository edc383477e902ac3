/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// One line of mixed styles ("**Salary** 120k" as a bold span and a normal one), the
/// unit that `ListView`, `Viewport` and `KeyHelp` draw. Plain strings convert to it.
public struct StyledLine: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ text: String, style: Style = .normal) {
        spans = [Span(text, style: style)]
    }

    public init(spans: [Span]) {
        self.spans = spans
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static let empty = StyledLine(spans: [])

    /// The line's text without styles.
    public var text: String { spans.map(\.text).joined() }

    /// Width in terminal cells.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }

    /// The same text with every span's role replaced (a selected row is drawn wholly
    /// in the selection style); modifiers such as bold are kept.
    public func restyled(_ style: Style) -> StyledLine {
        StyledLine(spans: spans.map { Span($0.text, style: Style(style.role, style.modifiers.union($0.style.modifiers))) })
    }

    /// Word-wraps the line into lines of at most `width` cells, keeping each word's
    /// style. Like `TextWrap.lines`, a word longer than a line is broken between grapheme
    /// clusters and a newline inside a span starts a new line.
    public func wrapped(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        typealias Glyph = (character: Character, style: Style)
        var result: [StyledLine] = []
        var line: [Glyph] = []
        var lineWidth = 0
        var word: [Glyph] = []
        var wordWidth = 0

        func emit() { result.append(StyledLine(glyphs: line)); line = []; lineWidth = 0 }
        func flushWord() {
            guard !word.isEmpty else { return }
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth > width && !line.isEmpty { emit() }
            if !line.isEmpty { line.append((" ", word[0].style)); lineWidth += 1 }
            for glyph in word {
                let w = TextWidth.of(glyph.character)
                if lineWidth + w > width {
                    if line.isEmpty { continue } // wider than the whole line: drop it
                    emit()
                }
                line.append(glyph)
                lineWidth += w
            }
            word = []
            wordWidth = 0
        }

        for span in spans {
            for character in span.text {
                if character == "\n" { flushWord(); emit(); continue }
                if character == " " || character == "\t" { flushWord(); continue }
                word.append((character, span.style))
                wordWidth += TextWidth.of(character)
            }
        }
        flushWord()
        if !line.isEmpty || result.isEmpty { emit() }
        return result
    }

    /// Rebuilds spans from styled characters, merging neighbours of the same style.
    private init(glyphs: [(character: Character, style: Style)]) {
        var spans: [Span] = []
        for glyph in glyphs {
            if let last = spans.last, last.style == glyph.style {
                spans[spans.count - 1].text.append(glyph.character)
            } else {
                spans.append(Span(String(glyph.character), style: glyph.style))
            }
        }
        self.spans = spans
    }
}

extension Buffer {
    /// Writes a styled line from (x, y) in at most `maxWidth` cells; returns cells used.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int = Int.max) -> Int {
        var used = 0
        for span in line.spans where used < maxWidth {
            used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: maxWidth - used)
        }
        return used
    }

    /// Writes a styled line, ending it with an ellipsis when it does not fit.
    @discardableResult
    public mutating func putTruncated(_ line: StyledLine, x: Int, y: Int, maxWidth: Int) -> Int {
        guard maxWidth > 0 else { return 0 }
        if line.width <= maxWidth { return put(line, x: x, y: y, maxWidth: maxWidth) }
        let ellipsisWidth = TextWidth.of(glyphs.ellipsis)
        let room = max(0, maxWidth - ellipsisWidth)
        var used = put(line, x: x, y: y, maxWidth: room)
        let style = line.spans.last?.style ?? .normal
        used += put(glyphs.ellipsis, x: x + used, y: y, style: style, maxWidth: maxWidth - used)
        return used
    }
}
