import RoleModel
import TerminalKit

/// Drawing the Skills tab: the ratings list with the selected skill's steps and sources
/// below it, and the results (fit by role over the shared skills, the working in words,
/// the chosen role's gaps as bars with the plan step that closes each).
extension SkillsScreen {
    /// Rows under the ratings list: a rule, the skill, the steps, the step's meaning, and
    /// one line per role saying what its sources give the skill.
    var footerHeight: Int { 4 + min(catalog.roles.count, Self.rolesShown) + (catalog.roles.count > Self.rolesShown ? 1 : 0) }
    /// Cells of a rating's bar in the list, and the widest step title after it.
    static let ratingBarWidth = 8
    static let levelWidth = SkillLevel.allCases.map { TextWidth.of($0.title) }.max() ?? 7

    var contentArea: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    var ratingArea: (summary: Rect, list: Rect, footer: Rect) {
        let (summary, rest) = contentArea.splitTop(1)
        let (list, footer) = rest.splitBottom(min(footerHeight, max(0, rest.height - 3)))
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
            let message = "This content defines no skills to rate, so there is nothing to assess."
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
            Span(" · \(ratedCount) of \(skills.count) skills rated, each once", style: .normal),
        ]), x: summary.x, y: summary.y, maxWidth: summary.width)

        let list = placed(areas.list, origin)
        let titleWidth = listTitleWidth(list.width)
        let overflows = skills.count > list.height
        let rowWidth = list.width - (overflows ? 1 : 0)
        for line in 0..<list.height {
            let index = offset + line
            guard skills.indices.contains(index) else { break }
            renderSkillRow(into: &buffer, index, x: list.x, y: list.y + line, width: rowWidth, titleWidth: titleWidth)
        }
        if overflows {
            if offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: list.right - 1, y: list.y, style: .dim, maxWidth: 1) }
            if offset + list.height < skills.count {
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
            Bar(Double(level.rawValue) / 4).render(into: &buffer, area: Rect(x: column, y: y, width: barWidth, height: 1))
            column += barWidth + 1
            if column < end { buffer.put(level.title, x: column, y: y, style: selected ? .selected : .accent, maxWidth: end - column) }
        } else {
            buffer.put("not rated", x: column, y: y, style: selected ? .selected : .dim, maxWidth: end - column)
        }
        // What the roles need, when there is room for it to say something.
        column = x + 2 + titleWidth + 1 + Self.ratingBarWidth + 1 + Self.levelWidth + 2
        if end - column >= 30 {
            let needs = needs(index)
            let text = needs.isEmpty ? "no source rates it" : needs.joined(separator: ", ")
            buffer.putTruncated(text, x: column, y: y, style: selected ? .selected : .dim, maxWidth: end - column)
        }
    }

    func renderFooter(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty, let skill = selectedSkill else { return }
        buffer.put(String(repeating: buffer.glyphs.horizontal, count: area.width), x: area.x, y: area.y, style: .border, maxWidth: area.width)
        var y = area.y + 1
        guard y < area.bottom else { return }
        buffer.putTruncated(StyledLine(spans: [
            Span(" " + skill.title, style: Style.title.bold()),
            Span(" · " + skill.summary, style: .dim),
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
        let meaning = current.map { "\($0.title): \(skill.meaning(of: $0))" }
            ?? "Not rated: left out of every fit until you raise it to a step."
        buffer.putTruncated(" " + meaning, x: area.x, y: y, style: current == nil ? .hint : .normal, maxWidth: area.width)
        y += 1
        let coverage = AssessmentWords.coverage(skill, in: catalog, roles: Array(catalog.roles.prefix(Self.rolesShown)))
        let titleWidth = coverage.map { TextWidth.of($0.role) }.max() ?? 10
        if catalog.roles.count > Self.rolesShown, y + coverage.count < area.bottom {
            buffer.put(" and \(catalog.roles.count - Self.rolesShown) more roles: rolescope assess --list shows them all",
                       x: area.x, y: y + coverage.count, style: .dim, maxWidth: area.width)
        }
        for line in coverage {
            guard y < area.bottom else { return }
            buffer.putTruncated(StyledLine(spans: [
                Span(" " + TextWrap.pad(line.role, to: titleWidth) + "  ", style: .normal),
                Span(line.text, style: .dim),
            ]), x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
    }

    // MARK: Results

    func renderResults(into buffer: inout Buffer, origin: Rect) {
        let areas = resultsArea
        let roles = placed(areas.roles, origin)
        let shared = sharedCount
        buffer.putTruncated(StyledLine(spans: [
            Span(" Fit by role", style: .heading),
            Span(" · \(ratedCount) of \(skills.count) skills rated", style: .normal),
            Span(" · every role scored over the same \(shared) skills", style: .hint),
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
                buffer.putTruncated(AssessmentWords.noScore(fit), x: x, y: y, style: selected ? .selected : .dim, maxWidth: roles.right - x)
                continue
            }
            x += buffer.put(TextWrap.pad(String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%", to: 5),
                            x: x, y: y, style: selected ? style : Style.accent.bold(), maxWidth: roles.right - x)
            let bar = min(barWidth, roles.right - x)
            Bar(Double(percent) / 100).render(into: &buffer, area: Rect(x: x, y: y, width: bar, height: 1))
            x += bar + 2
            guard x < roles.right else { continue }
            buffer.putTruncated("\(fit.metLevels) of the \(fit.neededLevels) levels needed", x: x, y: y, style: style, maxWidth: roles.right - x)
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

    /// The chosen role's gaps as bars with the plan step that closes each, then the
    /// working over the shared skills, what the sources cover for the role, and the rules.
    /// The number of lines does not depend on `glyphs`.
    func detailLines(width: Int, glyphs: Glyphs) -> [StyledLine] {
        guard page == .results, fits.indices.contains(roleSelection), width > 4 else { return [] }
        let fit = fits[roleSelection]
        let inner = width - 3 // a margin, and room for the scrollbar
        var lines: [StyledLine] = []
        let titleWidth = min(fit.gaps.map { TextWidth.of($0.title) }.max() ?? 10, max(10, inner / 3))
        let barWidth = 4
        func wrapped(_ text: String, style: Style, indent: String = " ") {
            lines += TextWrap.lines(text, width: max(1, inner - TextWidth.of(indent))).map { StyledLine(spans: [Span(indent + $0, style: style)]) }
        }
        func heading(_ text: String) { lines.append(StyledLine(spans: [Span(" " + text, style: Style.heading.bold())])) }

        heading("Gaps to close for \(fit.title), largest first")
        if fit.gaps.isEmpty {
            wrapped(ratedCount == 0 ? "Rate some skills to see what to close." : "None: your ratings meet every level the sources give \(fit.title) in the skills you rated.",
                    style: .hint, indent: "   ")
        }
        for gap in fit.gaps {
            let (cells, filled) = Bar.cells(fraction: Double(gap.short) / 4, width: barWidth, glyphs: glyphs)
            lines.append(StyledLine(spans: [
                Span("   " + TextWrap.pad(TextWrap.truncate(gap.title, width: titleWidth, ellipsis: glyphs.ellipsis), to: titleWidth) + " "),
                Span(cells[..<filled].joined(), style: .bar),
                Span(cells[filled...].joined(), style: .barEmpty),
                Span(" " + AssessmentWords.gap(gap.short, atLeast: gap.atLeast), style: Style.accent.bold()),
            ]))
            wrapped(AssessmentWords.gapReason(gap, role: fit.title, sayingTheGap: false), style: .dim, indent: "     ")
            wrapped(AssessmentWords.planLink(gap).map { "Closed by \($0)" } ?? "No plan into \(fit.title) teaches it.", style: .dim, indent: "     ")
        }
        lines.append(.empty)
        if fit.skills.isEmpty {
            heading("No score for \(fit.title)")
            wrapped(fit.scored ? "You rated none of the shared skills; rate some to see a score." : "No source rates \(fit.title)'s skills on a scale, so it gets no score; its gaps above come from what the sources list for it.",
                    style: .hint, indent: "   ")
        } else {
            heading("How \(fit.percent.map { "\($0)%" } ?? "the score") was worked out, over the shared skills")
            for skill in fit.skills { wrapped("\(skill.title): " + AssessmentWords.working(skill, role: fit.title), style: .normal, indent: "   ") }
            wrapped("Levels needed \(AssessmentWords.sum(fit.skills.map(\.needs.rawValue))); "
                    + "short \(AssessmentWords.sum(fit.skills.map(\.short))); "
                    + "met \(fit.metLevels) of \(fit.neededLevels) = \(fit.percent.map { "\($0)%" } ?? "—")", style: .accent, indent: "   ")
        }
        if !fit.unrated.isEmpty {
            let titles = fit.unrated.map { id in skills.first { $0.id == id }?.title ?? id }
            wrapped("Shared skills not rated, left out: " + titles.joined(separator: ", "), style: .dim, indent: "   ")
        }
        lines.append(.empty)
        heading("What the sources cover for \(fit.title)")
        var byCoverage: [SkillNeed.Coverage: [String]] = [:]
        if let role = catalog.role(id: fit.role) {
            for skill in skills { byCoverage[SelfAssessment.need(of: role, skill: skill, in: catalog).coverage, default: []].append(skill.title) }
        }
        for (coverage, label) in [(SkillNeed.Coverage.rated, "Rated on a scale"), (.listed, "Listed without a level"), (.notCovered, "Not covered")] {
            if let titles = byCoverage[coverage], !titles.isEmpty { wrapped("\(label): " + titles.joined(separator: ", "), style: .dim, indent: "   ") }
        }
        lines.append(.empty)
        heading("How fit is worked out")
        for rule in SelfAssessment.formula(in: catalog) { wrapped(rule, style: .dim, indent: "   ") }
        return lines
    }
}
