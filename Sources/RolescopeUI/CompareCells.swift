import RoleModel
import TerminalKit

/// Turns one role's values for one dimension into the lines of a Compare cell (or, with
/// `detailed`, of the detail panel), wrapped to a column width.
///
/// Everything comes out as `StyledLine`s already fitted to the width, so the table only
/// stacks lines and a row's height is simply its tallest cell's line count.
struct CellWriter {
    let catalog: Catalog
    let glyphs: Glyphs
    /// Whether each value carries its "[Source]" label.
    let showSources: Bool
    /// The detail panel's fuller form: notes, the article's own labels, ladder focus.
    let detailed: Bool

    init(catalog: Catalog, glyphs: Glyphs, showSources: Bool, detailed: Bool = false) {
        self.catalog = catalog
        self.glyphs = glyphs
        self.showSources = showSources
        self.detailed = detailed
    }

    /// The lines of a cell holding `values` (all from one role, one dimension). Money
    /// is drawn by `PayRow`, which needs every role's figures for its shared axis.
    func lines(for values: [DimensionValue], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        guard !values.isEmpty else { return wrap([Span(Self.notCovered(width: width), style: .dim)], width: width) }
        var result: [StyledLine] = []
        var previousWasOneLineLevel: Bool?
        for value in values {
            let block = lines(for: value, width: width)
            let oneLineLevel = Self.isLevel(value) && block.count == 1
            // A blank line keeps several sources' values apart; one-line levels stack.
            if let previousWasOneLineLevel, !(previousWasOneLineLevel && oneLineLevel) { result.append(.empty) }
            result += block
            previousWasOneLineLevel = oneLineLevel
        }
        return result
    }

    /// What a cell says when no source covers the role on the row: in full where it fits
    /// on one line, else the short form (a narrow column should not grow for it).
    static func notCovered(width: Int) -> String {
        ["not covered by the sources", "not covered", "no source"].first { TextWidth.of($0) <= width } ?? "not covered"
    }

    /// A cell in the summary view: at most `maxLines` lines (two). The first value at a
    /// glance (its summary, or the value itself where it is short; a level as its bar),
    /// "+N" when N other sources say more, and the source when it fits (a row stays one
    /// line rather than grow for its citation). A summary wider than its column wraps at
    /// a word onto the second line rather than being cut; only what would need a third
    /// line is cut after a whole word, with an ellipsis (the detail panel has it in full).
    func summaryLines(for values: [DimensionValue], width: Int, maxLines: Int = 2) -> [StyledLine] {
        let maxLines = max(1, maxLines)
        guard width > 0 else { return [.empty] }
        guard let value = values.first else {
            return [StyledLine(Self.truncatedAtWord(Self.notCovered(width: width), width: width, ellipsis: glyphs.ellipsis), style: .dim)]
        }
        let more = values.count > 1 ? " +\(values.count - 1)" : ""
        let source = sourceLabel(value, width: width).map { " " + String($0.map { $0 == Self.glue ? " " : $0 }) } ?? ""
        var lead: [Span] = []
        var text: String
        if case .level(let rating) = value.content {
            lead = Array(levelSpans(rating).dropLast())
            text = rating.level
        } else {
            text = value.glance
        }
        text = Sanitizer.clean(text, keepNewlines: false)
        // A level's bar goes before its name is cut: "Advanced" says more than "███ Adva…".
        if !lead.isEmpty {
            let barWidth = lead.reduce(0) { $0 + TextWidth.of($1.text) }
            if barWidth + 1 + TextWidth.of(text) + TextWidth.of(more) <= width { text = " " + text } else { lead = [] }
            if !lead.isEmpty || TextWidth.of(text) + TextWidth.of(more) <= width {
                let line = lead + [Span(text)] + (TextWidth.of(text) + TextWidth.of(source) + TextWidth.of(more) + lead.reduce(0) { $0 + TextWidth.of($1.text) } <= width
                                                  ? [Span(source, style: .dim)] : []) + (more.isEmpty ? [] : [Span(more, style: .dim)])
                return [StyledLine(spans: line.filter { !$0.text.isEmpty })]
            }
        }
        // The text, its source and the count of further values, wrapped whole where they fit.
        let tail = [Span(source, style: .dim), Span(more, style: .dim)].filter { !$0.text.isEmpty }
        // The text with its source and count, else with the count, else alone (Enter and
        // the full view cite it and say what more the sources give), in the lines the row has.
        let counted = tail.filter { $0.text == more }
        for spans in [[Span(text)] + tail, [Span(text)] + counted, [Span(text)]] {
            let lines = Self.wrap(spans, width: width)
            if lines.count <= maxLines { return lines }
        }
        // Still too long: the first lines as they wrap, the last cut at a word, then "+N".
        var lines = Array(Self.wrap([Span(text)], width: width).prefix(maxLines))
        let kept = lines.dropLast().reduce(0) { $0 + $1.text.count }
        let rest = String(text.dropFirst(kept)).trimmed()
        let room = max(1, width - TextWidth.of(more))
        var last = [Span(Self.truncatedAtWord(rest, width: room, ellipsis: glyphs.ellipsis))]
        if !more.isEmpty { last.append(Span(more, style: .dim)) }
        lines[lines.count - 1] = StyledLine(spans: last)
        return lines
    }

    /// Whether the summary's text fits one line of `width` (its source and count may
    /// not): a row of such cells stays one line.
    func summaryFitsOneLine(_ values: [DimensionValue], width: Int) -> Bool {
        guard let value = values.first else { return true }
        if case .level = value.content { return true }
        return TextWidth.of(Sanitizer.clean(value.glance, keepNewlines: false)) <= width
    }

    /// `text` in at most `width` cells, cut after the last whole word that fits and
    /// ended with an ellipsis; a first word wider than that alone is cut inside.
    static func truncatedAtWord(_ text: String, width: Int, ellipsis: String) -> String {
        guard TextWidth.of(text) > width else { return text }
        let room = width - TextWidth.of(ellipsis)
        guard room > 0 else { return TextWrap.truncate(text, width: width, ellipsis: ellipsis) }
        var kept = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            if TextWidth.of(next) > room { break }
            kept = next
        }
        while let last = kept.last, [" ", ",", ";", ":", "(", "—", "–"].contains(last) { kept.removeLast() }
        return kept.isEmpty ? TextWrap.truncate(text, width: width, ellipsis: ellipsis) : kept + ellipsis
    }

    static func isLevel(_ value: DimensionValue) -> Bool {
        if case .level = value.content { return true }
        return false
    }

    /// One value's lines. `withLabel` adds a money figure's own label even in a cell,
    /// where it is needed to tell apart two figures of the same kind (two BLS medians).
    func lines(for value: DimensionValue, width: Int, withLabel: Bool = false) -> [StyledLine] {
        var result: [StyledLine]
        switch value.content {
        case .prose(let text):
            result = wrap([Span(text)] + sourceSpans(value, width: width), width: width)
        case .list(let items):
            result = items.flatMap { wrap([Span($0)], width: width, first: glyphs.bullet + " ", rest: "  ") }
            if let label = sourceLabel(value, width: width - 2) {
                // Indented under the items when the label fits that way, else flush left.
                let indent = TextWidth.of(label) <= width - 2 ? "  " : ""
                result += wrap([Span(label, style: .dim)], width: width, first: indent, rest: indent)
            }
        case .level(let rating):
            result = wrap(levelSpans(rating) + sourceSpans(value, width: width), width: width)
        case .money(let money):
            result = wrap(PayRow.labelSpans(money, width: width, withLabel: detailed || withLabel)
                          + sourceSpans(value, width: width), width: width)
        case .ladder(let steps):
            result = ladderLines(steps, width: width)
            if let label = sourceLabel(value, width: width) { result += wrap([Span(label, style: .dim)], width: width) }
        }
        if detailed, let note = value.note {
            result += wrap([Span(note, style: .dim)], width: width, first: "  ", rest: "  ")
        }
        return result
    }

    // MARK: Pieces

    /// " [JoinAI]" after a value, or nothing when sources are hidden.
    func sourceSpans(_ value: DimensionValue, width: Int) -> [Span] {
        guard let label = sourceLabel(value, width: width) else { return [] }
        return [Span(" " + label, style: .dim)]
    }

    /// "[JoinAI]", "[A.Team, H2K]": each source's short name kept whole when wrapped, as
    /// long as it fits on a line of `width` cells at all.
    func sourceLabel(_ value: DimensionValue, width: Int) -> String? {
        guard showSources || detailed, !value.sources.isEmpty else { return nil }
        let names = value.sources.map { catalog.source($0)?.short ?? $0 }
        let glued = names.map { TextWidth.of($0) + 2 <= width ? Self.unbreakable($0) : $0 }
        return "[" + glued.joined(separator: ", ") + "]"
    }

    /// Stands in for a space that must not become a line break ("AI Graduate"); `wrap`
    /// turns it back into a plain space once the lines are made.
    static let glue: Character = "\u{00A0}"

    static func unbreakable(_ text: String) -> String {
        String(text.map { $0 == " " ? glue : $0 })
    }

    /// "██░ Moderate": a bar as many cells long as the scale has levels, so a full bar
    /// means the top of that article's scale.
    func levelSpans(_ rating: LevelRating) -> [Span] {
        let width = max(1, min(rating.outOf, 8))
        let (cells, filled) = Bar.cells(fraction: rating.fraction, width: width, glyphs: glyphs)
        var spans = [Span(cells[..<filled].joined(), style: .bar),
                     Span(cells[filled...].joined(), style: .barEmpty),
                     Span(" " + Self.unbreakable(rating.level))]
        // The article's own name for the skill is context for the detail panel; in a
        // narrow cell it would crowd out the rating itself.
        if detailed, let label = rating.label { spans.append(Span(" (\"\(label)\" in the article)", style: .dim)) }
        return spans.filter { !$0.text.isEmpty }
    }

    /// "1. Junior MLE 0–2 yrs", numbered, with the focus under each step in detail.
    func ladderLines(_ steps: [LadderStep], width: Int) -> [StyledLine] {
        let numberWidth = String(steps.count).count + 2
        var result: [StyledLine] = []
        for (index, step) in steps.enumerated() {
            let number = String(index + 1) + "."
            let first = number + String(repeating: " ", count: max(1, numberWidth - number.count))
            var spans = [Span(step.title)]
            if let years = step.yearsText { spans.append(Span(" " + years, style: .dim)) }
            let indent = String(repeating: " ", count: numberWidth)
            result += wrap(spans, width: width, first: first, rest: indent)
            if detailed, let focus = step.focus {
                result += wrap([Span(focus, style: .dim)], width: width, first: indent, rest: indent)
            }
        }
        return result
    }

    /// Word-wraps spans to `width`, with a first-line prefix and a hanging indent.
    func wrap(_ spans: [Span], width: Int, first: String = "", rest: String = "") -> [StyledLine] {
        Self.wrap(spans, width: width, first: first, rest: rest)
    }

    static func wrap(_ spans: [Span], width: Int, first: String = "", rest: String = "",
                     prefixStyle: Style = .normal) -> [StyledLine] {
        guard width > 0 else { return [] }
        let indent = max(TextWidth.of(first), TextWidth.of(rest))
        // Too narrow for the indent: wrap without it rather than lose the text.
        let useIndent = width - indent >= 4
        let textWidth = useIndent ? width - indent : width
        let prepared = spans.map {
            Span(hyphenatingLongWords(breakingAfterHyphens(Sanitizer.clean($0.text, keepNewlines: true), width: textWidth),
                                      width: textWidth), style: $0.style)
        }
        let wrapped = StyledLine(spans: prepared).wrapped(width: textWidth).map(finished)
        guard useIndent, indent > 0 else { return wrapped }
        return wrapped.enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            let padded = prefix + String(repeating: " ", count: indent - TextWidth.of(prefix))
            return StyledLine(spans: [Span(padded, style: prefixStyle)] + line.spans)
        }
    }

    /// Marks a hyphen after which `wrap` split a word so the line may break there: a
    /// combining grapheme joiner, which attaches to the hyphen and takes no cell, so the
    /// split only costs the measuring one cell for the space.
    static let hyphenBreak: Unicode.Scalar = "\u{034F}"

    /// Splits each word too wide for a line after its hyphens, so "mid-to-senior-level"
    /// in a narrow column breaks as "mid-to-senior-" / "level" rather than mid-letter.
    /// (The marker and space added are taken out again by `finished`.)
    static func breakingAfterHyphens(_ text: String, width: Int) -> String {
        guard text.contains("-") else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        return words.map { word -> String in
            guard TextWidth.of(word) > width, word.dropLast().contains("-") else { return String(word) }
            var result = ""
            for (index, character) in word.enumerated() {
                result.append(character)
                if character == "-" && index < word.count - 1 {
                    result.unicodeScalars.append(hyphenBreak)
                    result += " "
                }
            }
            return result
        }.joined(separator: " ")
    }

    /// Breaks each word wider than `width` alone into pieces that end in a visible
    /// hyphen ("infrastruc-" / "ture"), so a word is only ever split when it cannot fit,
    /// and never without a mark. Each piece but the last is exactly `width` cells with its
    /// hyphen, so it takes a line of its own and pieces never join up again. A piece that
    /// already ends in "-" or "/" (a URL) gets no second mark; text in wide characters
    /// (CJK), which breaks between any two characters, is left to the wrapping.
    static func hyphenatingLongWords(_ text: String, width: Int) -> String {
        guard width >= 4, TextWidth.of(text) > width else { return text }
        var result = ""
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result += " " }
            guard TextWidth.of(word) > width, !word.contains(where: { TextWidth.of($0) > 1 }) else {
                result += word
                continue
            }
            var piece = ""
            var pieceWidth = 0
            for character in word {
                let cells = TextWidth.of(character)
                if pieceWidth + cells > width - 1 {
                    let marked = piece.last.map { $0 == "-" || $0 == "/" } ?? false
                    result += piece + (marked ? "" : "-") + " "
                    piece = ""
                    pieceWidth = 0
                }
                piece.append(character)
                pieceWidth += cells
            }
            result += piece
        }
        return result
    }

    /// A wrapped line as it is shown: glued spaces back to spaces, and the pieces of a
    /// split word that stayed on one line joined up again.
    static func finished(_ line: StyledLine) -> StyledLine {
        var spans: [Span] = []
        var afterBreak = false
        for span in line.spans {
            var text = ""
            for character in span.text {
                if afterBreak && character == " " { afterBreak = false; continue }
                afterBreak = false
                if character.unicodeScalars.contains(hyphenBreak) {
                    text.unicodeScalars.append(contentsOf: character.unicodeScalars.filter { $0 != hyphenBreak })
                    afterBreak = true
                    continue
                }
                text.append(character == glue ? " " : character)
            }
            if !text.isEmpty { spans.append(Span(text, style: span.style)) }
        }
        return StyledLine(spans: spans)
    }
}
