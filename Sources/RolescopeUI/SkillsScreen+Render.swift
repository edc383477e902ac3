import RoleModel
import TerminalKit

/// Drawing the Skills tab: the ratings list with the selected skill's scale below it, and
/// the results (fit by role with the working, the chosen role's gaps as bars).
extension SkillsScreen {
    /// Rows under the ratings list: a rule, the skill, the scale, the step's meaning, and
    /// what each role needs.
    static let footerHeight = 5
    /// Cells of a rating's bar in the list, and the widest step title after it.
    static let ratingBarWidth = 8
    static let levelWidth = SkillLevel.allCases.map { TextWidth.of($0.title) }.max() ?? 7

    var contentArea: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    var ratingArea: (summary: Rect, list: Rect, footer: Rect) {
        let (summary, rest) = contentArea.splitTop(1)
        let (list, footer) = rest.splitBottom(min(Self.footerHeight, max(0, rest.height - 3)))
        return (summary, list, footer)
    }

    var listHeight: Int { max(1, ratingArea.list.height) }

    /// The heading and one row per role, a blank row, then the working.
    var resultsArea: (roles: Rect, detail: Rect) {
        let (roles, rest) = contentArea.splitTop(min(contentArea.height, catalog.roles.count + 1))
        return (roles, rest.splitTop(min(1, rest.height)).rest)
    }

    var detailHeight: Int { max(1, resultsArea.detail.height) }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let local = Rect(x: area.x, y: area.y, width: area.width, height: area.height)
        if skills.isEmpty {
            let message = "No article in this content rates skills on a scale, so there is nothing to assess."
            for (row, line) in TextWrap.lines(message, width: max(1, local.width - 2)).prefix(local.height).enumerated() {
                buffer.put(line, x: local.x + 1, y: local.y + row, style: .hint, maxWidth: local.width - 1)
            }
            return
        }
        switch page {
        case .rating: renderRating(into: &buffer, origin: local)
        case .results: renderResults(into: &buffer, origin: local)
        }
    }

    /// `rect` (in content-area coordinates) placed at `origin`.
    func placed(_ rect: Rect, _ origin: Rect) -> Rect {
        Rect(x: origin.x + rect.x, y: origin.y + rect.y, width: min(rect.width, origin.width), height: min(rect.height, origin.height))
    }

    // MARK: Ratings

    func renderRating(into buffer: inout Buffer, origin: Rect) {
        let areas = ratingArea
        let summary = placed(areas.summary, origin)
        buffer.putTruncated(StyledLine(spans: [
            Span(" Rate yourself", style: .heading),
            Span(" · \(ratedCount) of \(skills.count) skills rated", style: .normal),
        ]), x: summary.x, y: summary.y, maxWidth: summary.width)

        let list = placed(areas.list, origin)
        let titleWidth = listTitleWidth(list.width)
        let needsColumn = list.x + 2 + titleWidth + 1 + Self.ratingBarWidth + 1 + Self.levelWidth + 2
        let overflows = rows.count > list.height
        let rowWidth = list.width - (overflows ? 1 : 0)
        for line in 0..<list.height {
            let index = offset + line
            guard rows.indices.contains(index) else { break }
            let y = list.y + line
            switch rows[index] {
            case .group(let title):
                buffer.putTruncated(title, x: list.x + 1, y: y, style: Style.heading.bold(), maxWidth: min(rowWidth, needsColumn - list.x - 2) - 1)
                if list.right - needsColumn >= 30 { buffer.put("Roles need", x: needsColumn, y: y, style: .dim, maxWidth: list.right - needsColumn) }
            case .skill(let skillIndex):
                renderSkillRow(into: &buffer, skillIndex, x: list.x, y: y, width: rowWidth, titleWidth: titleWidth)
            }
        }
        if overflows {
            if offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: list.right - 1, y: list.y, style: .dim, maxWidth: 1) }
            if offset + list.height < rows.count {
                buffer.put(buffer.glyphs.arrowDown, x: list.right - 1, y: list.bottom - 1, style: .dim, maxWidth: 1)
            }
        }
        renderFooter(into: &buffer, area: placed(areas.footer, origin))
    }

    /// Cells for skill titles in a list `width` wide.
    func listTitleWidth(_ width: Int) -> Int {
        min(skills.map { TextWidth.of($0.title) }.max() ?? 20, max(8, width - 2 - 1 - Self.ratingBarWidth - 1 - Self.levelWidth - 2))
    }

    func renderSkillRow(into buffer: inout Buffer, _ index: Int, x: Int, y: Int, width: Int, titleWidth: Int) {
        let skill = skills[index]
        let selected = index == selection
        let row = Rect(x: x, y: y, width: width, height: 1)
        if selected {
            buffer.fill(row, style: .selected)
            buffer.put(buffer.glyphs.pointer, x: x, y: y, style: .selected, maxWidth: width)
        }
        var column = x + 2
        let end = x + width
        buffer.putTruncated(skill.title, x: column, y: y, style: selected ? .selected : .normal, maxWidth: min(titleWidth, end - column))
        column += titleWidth + 1
        guard column < end else { return }
        if let level = rating(of: skill) {
            let barWidth = min(Self.ratingBarWidth, end - column)
            Bar(level.value / 4).render(into: &buffer, area: Rect(x: column, y: y, width: barWidth, height: 1))
            column += barWidth + 1
            if column < end { buffer.put(level.title, x: column, y: y, style: selected ? .selected : .accent, maxWidth: end - column) }
        } else {
            buffer.put("not rated", x: column, y: y, style: selected ? .selected : .dim, maxWidth: end - column)
        }
        // What the roles need, when there is room for it to say something.
        column = x + 2 + titleWidth + 1 + Self.ratingBarWidth + 1 + Self.levelWidth + 2
        if end - column >= 30 {
            buffer.putTruncated(needs[index].joined(separator: ", "), x: column, y: y, style: selected ? .selected : .dim, maxWidth: end - column)
        }
    }

    func renderFooter(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty, let skill = selectedSkill else { return }
        buffer.put(String(repeating: buffer.glyphs.horizontal, count: area.width), x: area.x, y: area.y, style: .border, maxWidth: area.width)
        var y = area.y + 1
        guard y < area.bottom else { return }
        buffer.putTruncated(StyledLine(spans: [
            Span(" " + skill.title, style: Style.title.bold()),
            Span(" · \(skill.scale.title): " + skill.scale.levels.joined(separator: " < "), style: .dim),
        ]), x: area.x, y: y, maxWidth: area.width)
        y += 1
        guard y < area.bottom else { return }
        // The five steps, the current one bracketed and highlighted.
        let current = rating(of: skill)
        var x = area.x + 1
        for level in SkillLevel.allCases {
            let chosen = level == current
            let text = chosen ? "[\(level.rawValue) \(level.title)]" : " \(level.rawValue) \(level.title) "
            x += buffer.put(text, x: x, y: y, style: chosen ? .selected : .normal, maxWidth: area.right - x)
            x += buffer.put(" ", x: x, y: y, maxWidth: area.right - x)
        }
        y += 1
        guard y < area.bottom else { return }
        let meaning = current.map { "\($0.title): \($0.description)" }
            ?? "Not rated: left out of every fit until you raise it to a level."
        buffer.putTruncated(" " + meaning, x: area.x, y: y, style: current == nil ? .hint : .normal, maxWidth: area.width)
        y += 1
        guard y < area.bottom else { return }
        let needed = needs[selection].isEmpty ? "no role" : needs[selection].joined(separator: " · ")
        buffer.putTruncated(" Roles need: " + needed, x: area.x, y: y, style: .dim, maxWidth: area.width)
    }

    // MARK: Results

    func renderResults(into buffer: inout Buffer, origin: Rect) {
        let areas = resultsArea
        let roles = placed(areas.roles, origin)
        buffer.putTruncated(StyledLine(spans: [
            Span(" Fit by role", style: .heading),
            Span(" · \(ratedCount) of \(skills.count) skills rated", style: .normal),
            Span(" · fit = 100 × (1 − gap ÷ required)", style: .hint),
        ]), x: roles.x, y: roles.y, maxWidth: roles.width)
        let titleWidth = min(20, fits.map { TextWidth.of($0.title) }.max() ?? 10)
        let barWidth = roles.width >= 100 ? 20 : 10
        for (index, fit) in fits.enumerated() {
            let y = roles.y + 1 + index
            guard y < roles.bottom else { break }
            let selected = index == roleSelection
            if selected {
                buffer.fill(Rect(x: roles.x, y: y, width: roles.width, height: 1), style: .selected)
                buffer.put(buffer.glyphs.pointer, x: roles.x, y: y, style: .selected, maxWidth: roles.width)
            }
            let style: Style = selected ? .selected : .normal
            var x = roles.x + 2
            buffer.putTruncated(fit.title, x: x, y: y, style: style, maxWidth: min(titleWidth, roles.right - x))
            x += titleWidth + 1
            guard x < roles.right else { continue }
            guard let percent = fit.percent else {
                let why = fit.skills.isEmpty && fit.unrated.isEmpty ? "no score: no article rates this role's skills"
                    : "no score: you rated none of the skills it needs"
                buffer.putTruncated(why, x: x, y: y, style: selected ? .selected : .dim, maxWidth: roles.right - x)
                continue
            }
            x += buffer.put(TextWrap.pad(String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%", to: 5),
                            x: x, y: y, style: selected ? style : Style.accent.bold(), maxWidth: roles.right - x)
            let bar = min(barWidth, roles.right - x)
            Bar(Double(percent) / 100).render(into: &buffer, area: Rect(x: x, y: y, width: bar, height: 1))
            x += bar + 2
            guard x < roles.right else { continue }
            let gap = AssessmentNumbers.text(fit.totalGap), required = AssessmentNumbers.text(fit.totalRequired)
            let over = roles.width >= 80 ? " over \(fit.skills.count) skill\(fit.skills.count == 1 ? "" : "s")" : ""
            buffer.putTruncated("100 × (1 − \(gap) ÷ \(required))" + over, x: x, y: y, style: style, maxWidth: roles.right - x)
        }
        let detail = placed(areas.detail, origin)
        // Lines are cut with an ellipsis here (the viewport would cut them short without one),
        // leaving the last column for the scrollbar.
        let lines = detailLines(width: detail.width, glyphs: buffer.glyphs).map { Self.truncated($0, to: detail.width - 1, ellipsis: buffer.glyphs.ellipsis) }
        Viewport(lines).render(into: &buffer, area: detail, state: ViewportState(offset: detailOffset))
    }

    /// `line` cut to `width` cells, ending in `ellipsis` when it was cut.
    static func truncated(_ line: StyledLine, to width: Int, ellipsis: String) -> StyledLine {
        guard line.width > width else { return line }
        var spans: [Span] = []
        var used = 0
        for (index, span) in line.spans.enumerated() {
            let spanWidth = TextWidth.of(span.text)
            let last = index == line.spans.count - 1
            if used + spanWidth <= width - (last ? 0 : TextWidth.of(ellipsis)) {
                spans.append(span)
                used += spanWidth
            } else {
                spans.append(Span(TextWrap.truncate(span.text, width: max(0, width - used), ellipsis: ellipsis), style: span.style))
                break
            }
        }
        return StyledLine(spans: spans)
    }

    /// The chosen role's gaps as bars, then the working skill by skill, the skills left out
    /// and the formula. The number of lines does not depend on `glyphs`.
    func detailLines(width: Int, glyphs: Glyphs) -> [StyledLine] {
        guard page == .results, fits.indices.contains(roleSelection), width > 4 else { return [] }
        let fit = fits[roleSelection]
        let inner = width - 3 // a margin, and room for the scrollbar
        var lines: [StyledLine] = []
        let titleWidth = min(fit.skills.map { TextWidth.of($0.title) }.max() ?? 10, max(10, inner / 3))
        let barWidth = inner >= 100 ? 20 : inner >= 70 ? 10 : 6
        func wrapped(_ text: String, style: Style, indent: String = " ") {
            lines += TextWrap.lines(text, width: max(1, inner - TextWidth.of(indent))).map { StyledLine(spans: [Span(indent + $0, style: style)]) }
        }

        lines.append(StyledLine(spans: [Span(" Gaps to close for \(fit.title), largest first", style: Style.heading.bold())]))
        if fit.skills.isEmpty {
            wrapped(fit.unrated.isEmpty ? "No article rates \(fit.title)'s skills on a scale, so there is no score and no gap."
                        : "You rated none of the skills the articles rate for \(fit.title); rate some to see a score.", style: .hint, indent: "   ")
        } else if fit.gaps.isEmpty {
            wrapped("None: your ratings meet every level the articles give \(fit.title).", style: .hint, indent: "   ")
        }
        for skill in fit.gaps {
            let (cells, filled) = Bar.cells(fraction: skill.gap / 4, width: barWidth, glyphs: glyphs)
            lines.append(StyledLine(spans: [
                Span("   " + TextWrap.pad(TextWrap.truncate(skill.title, width: titleWidth, ellipsis: glyphs.ellipsis), to: titleWidth) + " "),
                Span(cells[..<filled].joined(), style: .bar),
                Span(cells[filled...].joined(), style: .barEmpty),
                Span(" " + TextWrap.pad(AssessmentNumbers.text(skill.gap), to: 5), style: Style.accent.bold()),
                Span("needs \(skill.level) = \(AssessmentNumbers.text(skill.required)), you \(skill.yours.title) = \(skill.yours.rawValue)", style: .dim),
            ]))
        }
        if !fit.skills.isEmpty {
            lines.append(.empty)
            let percent = fit.percent.map { "\($0)%" } ?? "the score"
            lines.append(StyledLine(spans: [Span(" How \(percent) was worked out", style: Style.heading.bold())]))
            let needsWidth = min(max(12, (fit.skills.map { TextWidth.of("\($0.level) = \(AssessmentNumbers.text($0.required))") }.max() ?? 12)), 24)
            func row(_ cells: [String], style: Style) -> StyledLine {
                StyledLine(spans: [Span("   " + TextWrap.pad(TextWrap.truncate(cells[0], width: titleWidth, ellipsis: glyphs.ellipsis), to: titleWidth)
                    + "  " + TextWrap.pad(cells[1], to: needsWidth) + "  " + TextWrap.pad(cells[2], to: 12) + "  " + cells[3], style: style)])
            }
            lines.append(row(["Skill", "Role needs", "You", "Gap"], style: .dim))
            for skill in fit.skills {
                lines.append(row([skill.title, "\(skill.level) = \(AssessmentNumbers.text(skill.required))",
                                  "\(skill.yours.title) = \(skill.yours.rawValue)", AssessmentNumbers.text(skill.gap)], style: .normal))
            }
            lines.append(row(["Total", AssessmentNumbers.text(fit.totalRequired), "", AssessmentNumbers.text(fit.totalGap)], style: Style.normal.bold()))
            wrapped("fit = 100 × (1 − \(AssessmentNumbers.text(fit.totalGap)) ÷ \(AssessmentNumbers.text(fit.totalRequired))) = \(percent)",
                    style: .accent, indent: "   ")
        }
        if !fit.unrated.isEmpty {
            lines.append(.empty)
            let titles = fit.unrated.map { id in skills.first { $0.id == id }?.title ?? id }
            lines.append(StyledLine(spans: [Span(" Left out, not rated (\(titles.count))", style: Style.heading.bold())]))
            wrapped(titles.joined(separator: ", "), style: .dim, indent: "   ")
        }
        lines.append(.empty)
        lines.append(StyledLine(spans: [Span(" How fit is computed", style: Style.heading.bold())]))
        for rule in SelfAssessment.formula { wrapped(rule, style: .dim, indent: "   ") }
        return lines
    }
}

/// How the working's figures are written: 4, 2.67, 0.33 (as the exports write them).
enum AssessmentNumbers {
    static func text(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(Int((rounded * 100).rounded()))
        while text.count < 3 { text = "0" + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -2))
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
