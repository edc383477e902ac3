import RoleModel
import TerminalKit

/// How role content reads on screen, shared by the Roles screen's preview and profile:
/// citations, pay figures, level bars, and wrapping that keeps a citation whole.
///
/// Nothing here depends on the glyph set for its line count (bullets and bar cells are one
/// cell in Unicode and ASCII alike), so `update` can lay a profile out with `.unicode` to
/// find headings and `render` with the terminal's glyphs, and both agree on every line.
enum RoleText {
    /// "[A.Team, JoinAI]": the sources' short names, in the value's order.
    static func citation(_ ids: [String], in catalog: Catalog) -> String {
        "[" + ids.map { catalog.source($0)?.short ?? $0 }.joined(separator: ", ") + "]"
    }

    /// "$85,000–$110,000" as published; the period only when it is not a year, since a
    /// year is what every article means by default.
    static func figure(_ money: MoneyRange) -> String {
        money.figure + (money.period == "year" ? "" : " per \(money.period)")
    }

    /// A level as its name (padded to `nameWidth`), a bar of one cell per step of the
    /// scale, and "3/3": `Advanced ███ 3/3`.
    static func level(_ rating: LevelRating, nameWidth: Int, glyphs: Glyphs) -> [Span] {
        let name = TextWrap.pad(rating.level, to: max(nameWidth, TextWidth.of(rating.level)))
        let (cells, filled) = Bar.cells(fraction: rating.fraction, width: max(1, rating.outOf), glyphs: glyphs)
        return [
            Span(name + " "),
            Span(cells[..<filled].joined(), style: .bar),
            Span(cells[filled...].joined(), style: .barEmpty),
            Span(" \(rating.rank + 1)/\(rating.outOf)", style: .dim),
        ]
    }

    /// True when an article's own name for a skill says something its dimension's title
    /// does not ("Python / C++" under "Python and a second language"), ignoring case,
    /// punctuation, "&" for "and", and British or American spelling.
    static func labelDiffers(_ label: String, from title: String) -> Bool {
        func key(_ text: String) -> String {
            text.lowercased().replacing("&", with: "and")
                .filter { $0.isLetter || $0.isNumber }
                .replacing("z", with: "s")
        }
        return key(label) != key(title)
    }

    static func spaces(_ count: Int) -> Span { Span(String(repeating: " ", count: max(0, count))) }

    /// Word-wraps `body` to `width` cells and puts `trailer` (a citation) after its last
    /// word when it fits, else on a line of its own, so a citation is never split.
    /// With `maxLines`, text past the limit is cut with `ellipsis`, keeping the trailer.
    static func wrap(_ body: StyledLine, trailer: StyledLine? = nil, width: Int,
                     maxLines: Int = .max, ellipsis: String = "…") -> [StyledLine] {
        guard width > 0 else { return [] }
        let bodyLines = body.text.isEmpty ? [] : fit(body, width: width)
        guard let trailer, trailer.width > 0 else {
            guard bodyLines.count > maxLines, maxLines > 0 else { return bodyLines }
            var kept = Array(bodyLines.prefix(maxLines))
            kept[kept.count - 1] = truncate(kept[kept.count - 1], width: width, ellipsis: ellipsis, force: true)
            return kept
        }
        var lines = bodyLines
        if let last = lines.last, last.width + 1 + trailer.width <= width {
            lines[lines.count - 1] = joined(last, trailer)
        } else if trailer.width <= width {
            lines.append(trailer)
        } else {
            lines += trailer.wrapped(width: width)
        }
        guard lines.count > maxLines, maxLines > 0, !bodyLines.isEmpty else { return lines }
        // Too long: cut the text, never the citation, which ends the last line shown.
        var kept = Array(bodyLines.prefix(maxLines))
        let room = width - trailer.width - 1
        guard room > TextWidth.of(ellipsis) else {
            kept[kept.count - 1] = truncate(trailer, width: width, ellipsis: ellipsis)
            return kept
        }
        kept[kept.count - 1] = joined(truncate(kept[kept.count - 1], width: room, ellipsis: ellipsis, force: true), trailer)
        return kept
    }

    /// `line` as it is when it fits (keeping the padding that aligns columns, which
    /// wrapping would collapse), else word-wrapped.
    static func fit(_ line: StyledLine, width: Int) -> [StyledLine] {
        line.width <= width && !line.text.contains("\n") ? [line] : line.wrapped(width: width)
    }

    /// `lines` with `prefix` before the first and blanks of the same width before the rest
    /// (a hanging indent: "1. " before a ladder step, a figure before its basis).
    static func hang(_ lines: [StyledLine], prefix: [Span], width: Int) -> [StyledLine] {
        lines.enumerated().map { index, line in
            StyledLine(spans: (index == 0 ? prefix : [spaces(width)]) + line.spans)
        }
    }

    /// `lines` shifted right by `indent` cells.
    static func indent(_ lines: [StyledLine], by indent: Int) -> [StyledLine] {
        hang(lines, prefix: [spaces(indent)], width: indent)
    }

    /// The first `width` cells of `line`, ending in `ellipsis` when it was cut (or always,
    /// with `force`, for a line that stands for more text below it).
    static func truncate(_ line: StyledLine, width: Int, ellipsis: String, force: Bool = false) -> StyledLine {
        guard force || line.width > width else { return line }
        let ellipsisWidth = TextWidth.of(ellipsis)
        var room = max(0, width - ellipsisWidth)
        var spans: [Span] = []
        for span in line.spans where room > 0 {
            let (head, used) = TextWrap.prefix(span.text, fitting: room)
            spans.append(Span(head, style: span.style))
            room -= used
            if used < TextWidth.of(span.text) { break }
        }
        if var last = spans.popLast() {
            while last.text.last == " " { last.text.removeLast() }
            spans.append(last)
        }
        spans.append(Span(ellipsis, style: line.spans.last?.style ?? .normal))
        return StyledLine(spans: spans)
    }

    private static func joined(_ line: StyledLine, _ trailer: StyledLine) -> StyledLine {
        StyledLine(spans: line.spans + [Span(" ", style: trailer.spans.first?.style ?? .normal)] + trailer.spans)
    }
}
