import RoleModel
import RoleReports
import TerminalKit

/// A role's full profile laid out as lines for one width: the role, then every dimension
/// group with its values and their sources, then overlaps, ways in, related titles and
/// timelines. It also records where each section and dimension starts, so the Roles
/// screen can jump between sections and open the profile at a dimension.
///
/// Layout: section headings at the left edge with a rule, dimension titles indented two
/// cells, values four. Levels are rows of a small table (title, level, bar, source) so a
/// skills group reads as one aligned block; everything else is a titled block.
struct ProfileDocument {
    /// Anchors for the parts after the dimensions, for `RolesScreen.showProfile`.
    static let overlapsAnchor = "overlaps"
    static let waysInAnchor = "ways-in"
    static let relatedAnchor = "related"
    static let timelinesAnchor = "timelines"

    private(set) var lines: [StyledLine] = []
    /// Line index of each section heading, top to bottom.
    private(set) var sections: [Int] = []
    /// Line index of each dimension's title (or level row), by dimension id, and of the
    /// closing sections by the anchors above.
    private(set) var anchors: [String: Int] = [:]

    /// The role and text width it was laid out for.
    let roleID: String
    let width: Int
    private let catalog: Catalog
    private let glyphs: Glyphs

    /// Values sit this far in, under their dimension's title.
    private static let valueIndent = 4

    /// Lays out the same `RoleProfile` that `rolescope show` renders as text, Markdown and
    /// JSON: what a profile holds is gathered in one place, and only the layout is the screen's.
    init(catalog: Catalog, role: Role, width: Int, glyphs: Glyphs = .unicode) {
        self.catalog = catalog
        self.roleID = role.id
        self.width = max(1, width)
        self.glyphs = glyphs
        let profile = RoleProfile(role, in: catalog)
        addRole(role)
        for (group, dimensions) in profile.groups {
            addSection(group.title)
            addGroup(dimensions, of: role, title: group.title)
        }
        addOverlaps(profile.overlaps)
        addWaysIn(profile.transitions)
        addRelated(role)
        addTimelines(profile.timelines)
    }

    /// The anchor a line belongs to: the nearest dimension or section start at or above
    /// it, with how far below that start the line is (for keeping place on a resize).
    func anchor(atLine line: Int) -> (id: String, delta: Int)? {
        anchors.filter { $0.value <= line }.max { $0.value < $1.value }.map { ($0.key, line - $0.value) }
    }

    // MARK: The role

    private mutating func addRole(_ role: Role) {
        add(RoleText.wrap(StyledLine(role.title, style: Style.title.bold()), width: width))
        if !role.aliases.isEmpty {
            add(RoleText.wrap(StyledLine("Short names: " + role.aliases.joined(separator: ", "), style: .dim), width: width))
        }
        add(RoleText.wrap(StyledLine(role.summary), width: width))
    }

    private mutating func addSection(_ title: String, anchor: String? = nil) {
        if !lines.isEmpty { add(.empty) }
        if let anchor, anchors[anchor] == nil { anchors[anchor] = lines.count }
        sections.append(lines.count)
        let heading = TextWrap.truncate(title, width: width, ellipsis: glyphs.ellipsis)
        let rule = max(0, width - TextWidth.of(heading) - 1)
        add([StyledLine(spans: [Span(heading, style: .heading),
                                Span(rule > 0 ? " " + String(repeating: glyphs.horizontal, count: rule) : "", style: .border)])])
        add(.empty)
    }

    private mutating func addSubheading(_ spans: [Span]) {
        add(RoleText.indent(RoleText.fit(StyledLine(spans: spans), width: width - 2), by: 2))
    }

    // MARK: Dimensions

    private mutating func addGroup(_ dimensions: [RoleModel.Dimension], of role: Role, title groupTitle: String) {
        let heading = sections.last ?? lines.count
        // Level rows share one title column per group, so their bars line up.
        let levelTitles = dimensions.filter { $0.kind == .level }.map { TextWidth.of($0.title) }
        let titleColumn = min((levelTitles.max() ?? 0) + 2, (width - 2) / 2)
        var previousWasLevel = false
        for (index, dimension) in dimensions.enumerated() {
            let values = role.values(for: dimension.id)
            let isLevel = dimension.kind == .level
            if index > 0 && !(isLevel && previousWasLevel) { add(.empty) }
            // A dimension named like its group ("Pay" under "Pay") is introduced by the
            // group's heading rather than by a second heading saying the same.
            let untitled = dimension.title.equalsIgnoringCase(groupTitle)
            if anchors[dimension.id] == nil { anchors[dimension.id] = untitled && index == 0 ? heading : lines.count }
            if isLevel {
                addLevelRows(dimension, values: values, titleColumn: titleColumn)
            } else {
                addBlock(dimension, values: values, titled: !(untitled && index == 0))
            }
            previousWasLevel = isLevel
        }
    }

    /// `Model development   Advanced ███ 3/3 [H2K]`, one row per value, notes beneath.
    private mutating func addLevelRows(_ dimension: RoleModel.Dimension, values: [DimensionValue], titleColumn: Int) {
        let title = dimension.title
        let titleFits = TextWidth.of(title) + 2 <= titleColumn
        if !titleFits { addSubheading([Span(title, style: Style.normal.bold())]) }
        let valueWidth = width - 2 - titleColumn
        let nameWidth = catalog.scale(dimension.scale ?? "")?.levels.map { TextWidth.of($0) }.max() ?? 0
        for (index, value) in values.enumerated() {
            guard case .level(let rating) = value.content else {
                add(RoleText.indent(valueLines(value, dimension: dimension, width: valueWidth), by: 2 + titleColumn))
                continue
            }
            let body = StyledLine(spans: RoleText.level(rating, nameWidth: nameWidth, glyphs: glyphs))
            let cite = StyledLine(RoleText.citation(value.sources, in: catalog), style: .dim)
            var rows = RoleText.wrap(body, trailer: cite, width: valueWidth)
            if let label = rating.label, RoleText.labelDiffers(label, from: title) {
                // The article's own name for the skill: after the source when it fits, else beneath.
                let named = StyledLine("listed as \"\(label)\"", style: .dim)
                if rows.count == 1, rows[0].width + 1 + named.width <= valueWidth {
                    rows[0] = StyledLine(spans: rows[0].spans + [Span(" ")] + named.spans)
                } else {
                    rows += RoleText.wrap(named, width: valueWidth)
                }
            }
            rows += noteLines(value.note, width: valueWidth)
            let label = titleFits && index == 0 ? TextWrap.pad(title, to: titleColumn) : String(repeating: " ", count: titleColumn)
            add(RoleText.hang(rows, prefix: [RoleText.spaces(2), Span(label, style: Style.normal.bold())], width: 2 + titleColumn))
        }
    }

    /// A dimension's title, what it means, then each value; values are set apart by a
    /// blank line when any of them takes more than one line.
    private mutating func addBlock(_ dimension: RoleModel.Dimension, values: [DimensionValue], titled: Bool = true) {
        if titled { addSubheading([Span(dimension.title, style: Style.normal.bold())]) }
        let valueWidth = width - Self.valueIndent
        if let help = dimension.help {
            add(RoleText.indent(RoleText.wrap(StyledLine(help, style: .dim), width: valueWidth), by: Self.valueIndent))
        }
        let figureWidth = values.compactMap { value -> Int? in
            if case .money(let money) = value.content { return TextWidth.of(RoleText.figure(money)) }
            return nil
        }.max() ?? 0
        let blocks = values.map { valueLines($0, dimension: dimension, width: valueWidth, figureWidth: figureWidth) }
        let spaced = blocks.count > 1 && blocks.contains { $0.count > 1 }
        for (index, block) in blocks.enumerated() {
            if index > 0 && spaced { add(.empty) }
            add(RoleText.indent(block, by: Self.valueIndent))
        }
    }

    /// One value, its sources and its note, in `width` cells.
    private func valueLines(_ value: DimensionValue, dimension: RoleModel.Dimension, width: Int,
                            figureWidth: Int = 0) -> [StyledLine] {
        let cite = StyledLine(RoleText.citation(value.sources, in: catalog), style: .dim)
        var result: [StyledLine]
        switch value.content {
        case .prose(let text):
            result = RoleText.wrap(StyledLine(text), trailer: cite, width: width)
        case .list(let items):
            result = items.flatMap { item in
                RoleText.hang(StyledLine(item).wrapped(width: width - 2), prefix: [Span(glyphs.bullet + " ", style: .dim)], width: 2)
            }
            result.append(cite)
        case .level(let rating):
            let nameWidth = catalog.scale(dimension.scale ?? "")?.levels.map { TextWidth.of($0) }.max() ?? 0
            result = RoleText.wrap(StyledLine(spans: RoleText.level(rating, nameWidth: nameWidth, glyphs: glyphs)),
                                   trailer: cite, width: width)
        case .money(let money):
            // The note sits under the basis with the label, inside the figure's hanging indent.
            return moneyLines(money, note: value.note, cite: cite, width: width, figureWidth: figureWidth)
        case .ladder(let steps):
            result = ladderLines(steps, width: width)
            result.append(cite)
        }
        return result + noteLines(value.note, width: width)
    }

    /// `$90,000–$115,000   entry-level salary, US, 2026 [H2K]`, the figures of one
    /// dimension in a column, the source's label for the figure beneath its basis.
    private func moneyLines(_ money: MoneyRange, note: String?, cite: StyledLine, width: Int, figureWidth: Int) -> [StyledLine] {
        let figure = RoleText.figure(money)
        let column = max(TextWidth.of(figure), figureWidth) + 2
        func details(_ width: Int) -> [StyledLine] {
            RoleText.wrap(StyledLine(money.basisText), trailer: cite, width: width)
                + (money.label.map { RoleText.wrap(StyledLine($0), width: width) } ?? [])
                + noteLines(note, width: width)
        }
        guard column <= width / 2 else {
            // Too narrow for a column: the figure, then the rest below it.
            return RoleText.wrap(StyledLine(figure), width: width) + details(width)
        }
        return RoleText.hang(details(width - column), prefix: [Span(TextWrap.pad(figure, to: column))], width: column)
    }

    /// `1. Entry MLE / ML Intern  0–2 yrs` with the step's focus beneath.
    private func ladderLines(_ steps: [LadderStep], width: Int) -> [StyledLine] {
        let numberWidth = "\(steps.count). ".count
        let stepWidth = width - numberWidth
        let titleColumn = (steps.map { TextWidth.of($0.title) }.max() ?? 0) + 2
        let aligned = titleColumn + 8 <= stepWidth
        var result: [StyledLine] = []
        for (index, step) in steps.enumerated() {
            var spans = [Span(aligned && step.yearsText != nil ? TextWrap.pad(step.title, to: titleColumn) : step.title)]
            if let years = step.yearsText { spans.append(Span((aligned ? "" : "  ") + years, style: .dim)) }
            var stepLines = RoleText.fit(StyledLine(spans: spans), width: stepWidth)
            if let focus = step.focus { stepLines += StyledLine(focus).wrapped(width: stepWidth) }
            let number = TextWrap.pad("\(index + 1).", to: numberWidth)
            result += RoleText.hang(stepLines, prefix: [Span(number, style: .dim)], width: numberWidth)
        }
        return result
    }

    private func noteLines(_ note: String?, width: Int) -> [StyledLine] {
        guard let note, !note.isEmpty else { return [] }
        return RoleText.wrap(StyledLine("Note: " + note, style: .dim), width: width)
    }

    // MARK: After the dimensions

    private mutating func addOverlaps(_ overlaps: [Overlap]) {
        guard !overlaps.isEmpty else { return }
        addSection("Overlaps with other roles", anchor: Self.overlapsAnchor)
        let width = self.width - Self.valueIndent
        for (index, overlap) in overlaps.enumerated() {
            if index > 0 { add(.empty) }
            let others = overlap.roles.filter { $0 != roleID }.map { catalog.role(id: $0)?.title ?? $0 }
            var title = [Span(overlap.title, style: Style.normal.bold())]
            if !others.isEmpty { title.append(Span("  with " + others.joined(separator: ", "), style: .dim)) }
            addSubheading(title)
            var block = RoleText.wrap(StyledLine(overlap.summary),
                                      trailer: StyledLine(RoleText.citation(overlap.sources, in: catalog), style: .dim), width: width)
            block += overlap.details.flatMap { detail in
                RoleText.hang(StyledLine(detail).wrapped(width: width - 2), prefix: [Span(glyphs.bullet + " ", style: .dim)], width: 2)
            }
            add(RoleText.indent(block, by: Self.valueIndent))
        }
    }

    private mutating func addWaysIn(_ transitions: [Transition]) {
        guard !transitions.isEmpty else { return }
        addSection("Ways in", anchor: Self.waysInAnchor)
        let width = self.width - Self.valueIndent
        for (index, transition) in transitions.enumerated() {
            if index > 0 { add(.empty) }
            addSubheading([Span("From " + (catalog.background(id: transition.from)?.title ?? transition.from),
                                style: Style.normal.bold())])
            let cite = StyledLine(RoleText.citation(transition.sources, in: catalog), style: .dim)
            var block: [StyledLine]
            if let duration = transition.duration {
                block = RoleText.wrap(StyledLine(spans: [Span("How long: ", style: .dim), Span(duration.text)]), width: width)
            } else {
                block = RoleText.wrap(StyledLine("How long: no source gives a duration", style: .dim), width: width)
            }
            if !transition.learn.isEmpty {
                block.append(StyledLine("What to learn, in order:", style: .dim))
                let numberWidth = "\(transition.learn.count). ".count
                for (step, item) in transition.learn.enumerated() {
                    block += RoleText.hang(StyledLine(item).wrapped(width: width - numberWidth),
                                           prefix: [Span(TextWrap.pad("\(step + 1).", to: numberWidth), style: .dim)], width: numberWidth)
                }
            }
            if let advice = transition.advice {
                block += RoleText.wrap(StyledLine(advice), trailer: cite, width: width)
            } else {
                block.append(cite)
            }
            add(RoleText.indent(block, by: Self.valueIndent))
        }
    }

    private mutating func addRelated(_ role: Role) {
        guard !role.related.isEmpty else { return }
        addSection("Related titles", anchor: Self.relatedAnchor)
        let width = self.width - Self.valueIndent
        for (index, related) in role.related.enumerated() {
            if index > 0 { add(.empty) }
            addSubheading([Span(related.title, style: Style.normal.bold())])
            let cite = StyledLine(RoleText.citation(related.sources, in: catalog), style: .dim)
            add(RoleText.indent(RoleText.wrap(StyledLine(related.note), trailer: cite, width: width), by: Self.valueIndent))
        }
    }

    private mutating func addTimelines(_ timelines: [Timeline]) {
        addSection("Timelines", anchor: Self.timelinesAnchor)
        let width = self.width - 2
        guard !timelines.isEmpty else {
            add(RoleText.indent(RoleText.wrap(StyledLine("No source describes a day or a week in this role.", style: .dim),
                                              width: width), by: 2))
            return
        }
        for timeline in timelines {
            let kind = TextWrap.pad(timeline.kind == .day ? "Day" : "Week", to: 6)
            // A composed day says so, unless its title already does; a sourced one shows its sources.
            var spans = [Span(timeline.title)]
            if timeline.provenance == .composed && !timeline.title.lowercased().contains("composed") {
                spans.append(Span(", composed from the role's responsibilities", style: .dim))
            }
            let line = StyledLine(spans: spans)
            let cite = StyledLine(RoleText.citation(timeline.sources, in: catalog), style: .dim)
            add(RoleText.hang(RoleText.wrap(line, trailer: cite, width: width - 6),
                              prefix: [RoleText.spaces(2), Span(kind, style: Style.normal.bold())], width: 8))
        }
        if timelines.contains(where: { $0.kind == .day }) {
            add(RoleText.indent(RoleText.wrap(StyledLine("Press t to open the day in the Timeline tab.", style: .hint), width: width), by: 2))
        }
    }

    private mutating func add(_ more: [StyledLine]) { lines += more }
    private mutating func add(_ line: StyledLine) { lines.append(line) }
}
