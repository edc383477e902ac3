import TerminalKit

/// The questionnaire screen's content laid out for one width, before scrolling: the lines
/// it draws, scrolls through and hit-tests. Lines that belong to something the user can
/// pick (a questionnaire, an answer, an earlier answer, an alternative) carry that item,
/// so a click finds it and a change of selection can scroll it into view.
///
/// Built by a pure function of the screen's state, once in `update` (to scroll and to
/// hit-test) and once in `render`; both give the same lines for the same width.
struct QuestionnairePage: Sendable {
    /// Something the user can pick on the page.
    enum Item: Hashable, Sendable {
        case questionnaire(Int)
        case answer(Int)
        /// An answer already given, by step.
        case trail(Int)
        /// An answer that would have changed the result, by its index in the explanation.
        case alternative(Int)
    }

    /// How an item is highlighted: not at all, as the focused selection, as a
    /// selection in a part of the page that does not have focus, or as marked (the
    /// earlier answer being changed), with a bullet instead of the pointer.
    enum Highlight: Sendable {
        case none, focused, unfocused, marked

        var style: Style? {
            switch self {
            case .none: return nil
            case .focused: return .selected
            case .unfocused, .marked: return .selectedInactive
            }
        }

        func marker(_ glyphs: Glyphs) -> String {
            switch self {
            case .none: return "  "
            case .focused, .unfocused: return glyphs.pointer + " "
            case .marked: return glyphs.bullet + " "
            }
        }
    }

    struct Line: Sendable {
        var text: StyledLine
        var item: Item?
    }

    let width: Int
    let glyphs: Glyphs
    private(set) var lines: [Line] = []

    init(width: Int, glyphs: Glyphs) {
        self.width = max(1, width)
        self.glyphs = glyphs
    }

    var height: Int { lines.count }

    /// The rows an item takes, if it is on the page.
    func rows(of item: Item) -> Range<Int>? {
        guard let first = lines.firstIndex(where: { $0.item == item }) else { return nil }
        var end = first + 1
        while end < lines.count, lines[end].item == item { end += 1 }
        return first..<end
    }

    func item(atRow row: Int) -> Item? {
        lines.indices.contains(row) ? lines[row].item : nil
    }

    // MARK: Building

    mutating func add(_ line: StyledLine, item: Item? = nil) {
        lines.append(Line(text: line, item: item))
    }

    /// One empty line between blocks: never at the top, never two in a row.
    mutating func gap() {
        guard let last = lines.last, !last.text.spans.allSatisfy({ $0.text.isEmpty }) else { return }
        add(.empty)
    }

    /// A heading on its own line, truncated to fit.
    mutating func heading(_ text: String, style: Style = .heading, indent: Int = 0) {
        add(Self.truncated(StyledLine(spans: [Span(String(repeating: " ", count: indent)), Span(text, style: style)]),
                           width: width, glyphs: glyphs))
    }

    /// Text wrapped to the page, every line starting at `indent`.
    mutating func paragraph(_ line: StyledLine, indent: Int = 0) {
        hanging(prefix: [Span(String(repeating: " ", count: indent))], body: line)
    }

    mutating func paragraph(_ text: String, style: Style = .normal, indent: Int = 0) {
        paragraph(StyledLine(text, style: style), indent: indent)
    }

    /// `prefix` on the first line and `body` wrapped beside it, later lines indented to
    /// line up under the body: "1. Some long answer" / "   that goes on".
    mutating func hanging(prefix: [Span], body: StyledLine, item: Item? = nil, highlight: Highlight = .none,
                          from start: Int = 0) {
        let prefixLine = StyledLine(spans: prefix)
        let indent = prefixLine.width
        let bodyWidth = max(1, width - indent)
        let wrapped = body.spans.allSatisfy({ $0.text.isEmpty }) ? [StyledLine.empty] : body.wrapped(width: bodyWidth)
        for (index, piece) in wrapped.enumerated() {
            let piece = StyledLine(spans: piece.spans.map { Span(Self.unglued($0.text), style: $0.style) })
            let lead = index == 0 ? prefixLine.spans : [Span(String(repeating: " ", count: indent))]
            var line = Self.truncated(StyledLine(spans: lead + piece.spans), width: width, glyphs: glyphs)
            if let style = highlight.style { line = Self.highlighted(line, style: style, from: start, width: width) }
            add(line, item: item)
        }
    }

    /// A space that wrapping does not break at ("[A.Team, JoinAI]" stays on one line); it
    /// is drawn as a plain space.
    static let glue = "\u{00A0}"

    /// `text` with glued spaces back to plain ones. Done in Swift rather than with
    /// Foundation's `replacingOccurrences`, whose bridging cost showed in every frame.
    static func unglued(_ text: String) -> String {
        let glue: Character = "\u{00A0}"
        guard text.contains(glue) else { return text }
        return String(text.map { $0 == glue ? " " : $0 })
    }

    /// A pickable entry: a marker column (the pointer when highlighted, so the selection
    /// shows without colour), then `number` and `body` wrapped under itself.
    mutating func entry(_ item: Item, number: String?, body: StyledLine, highlight: Highlight, indent: Int = 0) {
        var prefix = [Span(String(repeating: " ", count: indent))]
        prefix.append(Span(highlight.marker(glyphs)))
        if let number { prefix += [Span(number, style: .key), Span(" ")] }
        hanging(prefix: prefix, body: body, item: item, highlight: highlight, from: indent)
    }

    // MARK: Line helpers

    /// `line` cut to `width` cells, ending with the ellipsis when it was cut.
    static func truncated(_ line: StyledLine, width: Int, glyphs: Glyphs) -> StyledLine {
        guard line.width > width else { return line }
        let ellipsisWidth = TextWidth.of(glyphs.ellipsis)
        var room = max(0, width - ellipsisWidth)
        var spans: [Span] = []
        for span in line.spans {
            guard room > 0 else { break }
            let (head, used) = TextWrap.prefix(span.text, fitting: room)
            if !head.isEmpty { spans.append(Span(head, style: span.style)) }
            room -= used
            if used < TextWidth.of(span.text) { break }
        }
        let style = spans.last?.style ?? line.spans.last?.style ?? .normal
        if width >= ellipsisWidth { spans.append(Span(glyphs.ellipsis, style: style)) }
        return StyledLine(spans: spans)
    }

    /// `line` drawn as a selection bar from column `start` to the page's right edge; the
    /// indent before `start` keeps its own style.
    static func highlighted(_ line: StyledLine, style: Style, from start: Int, width: Int) -> StyledLine {
        var spans: [Span] = []
        var column = 0
        for span in line.spans {
            for character in span.text {
                let inBar = column >= start
                spans.append(Span(String(character), style: inBar ? Style(style.role, style.modifiers.union(span.style.modifiers)) : span.style))
                column += TextWidth.of(character)
            }
        }
        if column < width { spans.append(Span(String(repeating: " ", count: width - column), style: style)) }
        return merged(spans)
    }

    /// Neighbouring spans of the same style joined, so lines stay small.
    static func merged(_ spans: [Span]) -> StyledLine {
        var result: [Span] = []
        for span in spans where !span.text.isEmpty {
            if let last = result.last, last.style == span.style {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return StyledLine(spans: result)
    }
}
