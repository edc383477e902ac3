import RoleModel
import TerminalKit

/// The panel that shows one row of the comparison in full: every role's values at the
/// panel's width, with notes, the articles' own labels, ladder focus and the full title
/// of every source cited. It is where a cell cut short at a small size can be read.
struct CompareDetail: Hashable, Sendable {
    /// The row shown, as `CompareLayout.Row.key` names it.
    var key: String
    var scroll = ViewportState()

    static let commands = [
        Command(.down, "scroll down", hint: false), Command(.up, "scroll up", hint: false),
        Command(.pageDown, "page down"), Command(.pageUp, "page up"),
        Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
        Command(.first, "top", hint: false), Command(.last, "bottom", hint: false),
        Command(.back, "close"), Command(.quit, "close", hint: false), Command(.open, "close", hint: false),
    ]

    /// The panel covers the screen's area; the text sits inside its border after a
    /// column of padding, and the scrollbar runs down the border's inside edge.
    static func textArea(in area: Rect) -> Rect {
        let inner = Box.inner(area)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    }

    /// Text is wrapped one cell short of the scrollbar, so it never touches it.
    static func textWidth(in area: Rect) -> Int { max(1, textArea(in: area).width - 2) }

    /// Applies an action; false when the panel should close.
    mutating func perform(_ action: Action, lineCount: Int, visible: Int) -> Bool {
        if let movement = action.movement {
            scroll.apply(movement, contentHeight: lineCount, visibleRows: visible)
            return true
        }
        return ![.back, .quit, .open].contains(action)
    }

    // MARK: Content

    static func title(key: String, catalog: Catalog) -> String {
        if let dimension = dimension(key, catalog) { return dimension.title }
        if let overlap = overlap(key, catalog) { return overlap.title }
        return "Details"
    }

    static func dimension(_ key: String, _ catalog: Catalog) -> Dimension? {
        key.hasPrefix("dimension:") ? catalog.dimension(String(key.dropFirst("dimension:".count))) : nil
    }

    static func overlap(_ key: String, _ catalog: Catalog) -> Overlap? {
        guard key.hasPrefix("overlap:") else { return nil }
        let id = String(key.dropFirst("overlap:".count))
        return catalog.overlaps.first { $0.id == id }
    }

    static func lines(key: String, catalog: Catalog, roles: [Role], width: Int, glyphs: Glyphs) -> [StyledLine] {
        let writer = CellWriter(catalog: catalog, glyphs: glyphs, showSources: true, detailed: true)
        var lines: [StyledLine] = []
        var cited: [String] = []
        if let dimension = dimension(key, catalog) {
            if let help = dimension.help {
                lines += writer.wrap([Span(help, style: .dim)], width: width)
                lines.append(.empty)
            }
            switch catalog.comparison(dimension.id, among: roles) {
            case .differ: lines.append(StyledLine("The roles differ here.", style: .accent))
            case .same: lines.append(StyledLine("The same for every role shown.", style: .dim))
            case .uncovered: lines.append(StyledLine("The sources do not cover every role shown here.", style: .dim))
            }
            let axis = dimension.kind == .money
                ? PayAxis(roles.flatMap { $0.values(for: dimension.id).compactMap(\.money) }) : nil
            for role in roles {
                lines.append(.empty)
                lines.append(StyledLine(role.title, style: Style.heading.bold()))
                let values = role.values(for: dimension.id)
                cited += values.flatMap(\.sources)
                guard !values.isEmpty else {
                    lines += writer.wrap([Span("No source covers this for the role.", style: .dim)], width: width,
                                         first: "  ", rest: "  ")
                    continue
                }
                for (index, value) in values.enumerated() {
                    if index > 0 { lines.append(.empty) }
                    if let axis, let money = value.money, axis.covers(money) {
                        let barWidth = min(max(1, width - 2), 48)
                        lines.append(StyledLine(spans: [Span("  ")] + axis.bar(money, width: barWidth, glyphs: glyphs).spans))
                    }
                    lines += writer.lines(for: value, width: max(1, width - 2)).map { StyledLine(spans: [Span("  ")] + $0.spans) }
                }
                if let axis, values.contains(where: { $0.money.map(axis.covers) ?? false }) {
                    let barWidth = min(max(1, width - 2), 48)
                    lines.append(StyledLine(spans: [Span("  ")] + axis.scale(width: barWidth).spans))
                }
            }
        } else if let overlap = overlap(key, catalog) {
            lines += CompareLayout.overlapLines(overlap, catalog: catalog, writer: writer, width: width)
            cited += overlap.sources
        }
        let sources = uniqued(cited).compactMap(catalog.source)
        if !sources.isEmpty {
            lines += [.empty, StyledLine("Sources", style: Style.heading.bold())]
            for source in sources {
                lines += writer.wrap([Span(source.short, style: Style.normal.bold()),
                                      Span(": " + source.title + ", " + source.publisher + ", " + source.date, style: .dim)],
                                     width: width, first: "", rest: "  ")
            }
        }
        return lines
    }

    private static func uniqued(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    func render(into buffer: inout Buffer, area: Rect, lines: [StyledLine], title: String) {
        guard area.width >= 4, area.height >= 3 else { return }
        buffer.fill(area)
        Box(title: title).render(into: &buffer, area: area)
        Viewport(lines).render(into: &buffer, area: Self.textArea(in: area), state: scroll)
    }
}
