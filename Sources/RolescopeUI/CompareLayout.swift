import RoleModel
import TerminalKit

/// Where the Compare table's columns fall at a given width: a fixed left column for the
/// dimension titles, then one slot per role. A slot starts with its separator and a
/// space and ends with a space, so text never touches a rule.
struct CompareGeometry: Sendable {
    let width: Int
    /// Pointer, title text, and a trailing space.
    let leftWidth: Int
    /// Each role's slot: where it starts (its separator) and how wide it is.
    let slots: [(x: Int, width: Int)]

    init(width: Int, columns: Int) {
        self.width = max(0, width)
        let count = max(1, columns)
        var left = min(26, max(12, self.width / 5))
        // The last cell of every row is kept for the scrollbar.
        let room = max(0, self.width - left - 1)
        // Every role gets the same width, so the pay bars share one axis cell for cell.
        // Narrow columns round up, taking a few cells from the titles if they can spare
        // them; otherwise the titles get what is left over.
        var slot = (room + count - 1) / count
        if room / count - 3 < 16 {
            // Narrow columns (four roles at 80): the titles give up cells, down to 10, so
            // that each role's column is as wide as it can be and fewer words are too
            // wide for it (14 cells a role at 80 columns instead of 13).
            slot = max(slot, (self.width - 1 - 10) / count)
            left = max(1, self.width - 1 - slot * count)
        } else {
            slot = room / count
            left += room - slot * count
        }
        let leftWidth = min(left, max(0, self.width - 1))
        self.leftWidth = leftWidth
        slots = (0..<count).map { (leftWidth + $0 * slot, slot) }
    }

    var leftTextWidth: Int { max(1, leftWidth - 2) }
    func contentX(_ column: Int) -> Int { slots[column].x + 2 }
    func contentWidth(_ column: Int) -> Int { max(1, slots[column].width - 3) }
    var contentWidths: [Int] { slots.indices.map(contentWidth) }
    /// Text that runs across every role column (an overlap's description).
    var spanX: Int { slots.isEmpty ? leftWidth : contentX(0) }
    var spanWidth: Int {
        guard let last = slots.last else { return 0 }
        return max(1, last.x + last.width - 1 - spanX)
    }
    var scrollbarX: Int { max(0, width - 1) }
}

/// The Compare table laid out at one width: its rows in order, each with its lines
/// already wrapped, where each starts, and which rows the cursor can stop on.
///
/// A pure function of the catalog, the chosen roles, the toggles and the width. `update`
/// builds it to move the cursor and scroll; `render` builds the same one to draw.
struct CompareLayout {
    enum Kind: Hashable, Sendable {
        case group(String)
        case dimension(Dimension)
        case overlapsHeading
        case overlap(Overlap)
        /// A sentence in place of rows ("no differences").
        case message(String)
    }

    struct Row {
        var kind: Kind
        var left: [StyledLine]
        /// One cell per role; for overlaps and messages, one cell across all of them.
        var cells: [[StyledLine]]
        /// The first body line of the row (after its blank line, if it has one).
        var top: Int
        var height: Int
        var bottom: Int { top + height }

        var spansColumns: Bool {
            switch kind {
            case .overlap, .message: return true
            default: return false
            }
        }

        /// What the cursor remembers the row by, so it survives filtering and reflow.
        var key: String? {
            switch kind {
            case .dimension(let dimension): return "dimension:" + dimension.id
            case .overlap(let overlap): return "overlap:" + overlap.id
            default: return nil
            }
        }

        var isRule: Bool {
            switch kind {
            case .group, .overlapsHeading: return true
            default: return false
            }
        }
    }

    let geometry: CompareGeometry
    let header: [[StyledLine]]
    var rows: [Row] = []
    /// Indices of the rows the cursor can stop on.
    var focus: [Int] = []

    /// The section (a group of dimensions, or the overlaps) of each entry of `focus`:
    /// its title, and the first and last focus index in it.
    var sections: [(title: String, first: Int, last: Int)] {
        var result: [(title: String, first: Int, last: Int)] = []
        var title = ""
        var index = 0
        for row in rows {
            switch row.kind {
            case .group(let name): title = name
            case .overlapsHeading: title = "Overlaps"
            case .dimension, .overlap:
                if let last = result.last, last.title == title, last.last == index - 1 {
                    result[result.count - 1].last = index
                } else {
                    result.append((title, index, index))
                }
                index += 1
            case .message: break
            }
        }
        return result
    }
    var totalLines = 0

    /// Lines above the body: role titles (one or two lines) and a rule.
    var headerHeight: Int { (header.map(\.count).max() ?? 1) + 1 }

    /// With `summary`, every row is one or two lines: each role's cell is
    /// `CellWriter.summaryLines` and no blank line sits between rows, so two roles' whole comparison fits a few
    /// pages at 80x24; `Enter` shows a row in full in the detail panel.
    init(catalog: Catalog, roles: [Role], differencesOnly: Bool, showSources: Bool, width: Int,
         glyphs: Glyphs = .unicode, summary: Bool = false) {
        geometry = CompareGeometry(width: width, columns: roles.count)
        let geometry = self.geometry
        let writer = CellWriter(catalog: catalog, glyphs: glyphs, showSources: showSources)
        header = roles.indices.map { index in
            Self.titleLines(roles[index].title, width: geometry.contentWidth(index), glyphs: glyphs)
        }
        let leftWidth = geometry.leftTextWidth
        var anyDimension = false
        for (group, dimensions) in catalog.dimensionsByGroup {
            let shown = dimensions.filter { dimension in
                roles.contains { !$0.values(for: dimension.id).isEmpty }
                    && (!differencesOnly || catalog.differs(dimension.id, among: roles))
            }
            guard !shown.isEmpty else { continue }
            append(Row(kind: .group(group.title), left: [], cells: [], top: 0, height: 1))
            for dimension in shown {
                anyDimension = true
                if summary {
                    // Two lines at most a row: the summaries wrap at a word rather than
                    // being cut, and the label takes the lines its row has.
                    let values = roles.map { $0.values(for: dimension.id) }
                    let oneLine = values.indices.allSatisfy { writer.summaryFitsOneLine(values[$0], width: geometry.contentWidth($0)) }
                    let cells = values.indices.map { writer.summaryLines(for: values[$0], width: geometry.contentWidth($0),
                                                                          maxLines: oneLine ? 1 : 2) }
                    var left = CellWriter.wrap([Span(dimension.title)], width: leftWidth)
                    let height = cells.map(\.count).max() ?? 1
                    if left.count > height {
                        let rest = left.dropFirst(height - 1).map(\.text).joined(separator: " ")
                        left = Array(left.prefix(height - 1)) + [StyledLine(CellWriter.truncatedAtWord(rest, width: leftWidth, ellipsis: glyphs.ellipsis))]
                    }
                    append(Row(kind: .dimension(dimension), left: left, cells: cells, top: 0, height: height))
                    continue
                }
                var left = CellWriter.wrap([Span(dimension.title)], width: leftWidth)
                let cells: [[StyledLine]]
                if dimension.kind == .money {
                    let pay = PayRow(columns: roles.map { $0.values(for: dimension.id) }, catalog: catalog)
                    cells = pay.columnLines(widths: geometry.contentWidths, writer: writer)
                    left += pay.legend(width: leftWidth, glyphs: glyphs)
                } else {
                    cells = roles.indices.map { writer.lines(for: roles[$0].values(for: dimension.id),
                                                             width: geometry.contentWidth($0)) }
                }
                appendContent(Row(kind: .dimension(dimension), left: left, cells: cells, top: 0, height: 0))
            }
        }
        if !anyDimension && !roles.isEmpty {
            let text = differencesOnly
                ? "No differences: these roles have the same values on every dimension. Press d to show all."
                : "None of the sources covers these roles."
            append(Row(kind: .message(text), left: [],
                       cells: [CellWriter.wrap([Span(text, style: .hint)], width: geometry.spanWidth)], top: 0, height: 0))
        }
        guard roles.count >= 2 else { return }
        append(Row(kind: .overlapsHeading, left: [], cells: [], top: 0, height: 1))
        let overlaps = catalog.overlaps(among: roles.map(\.id))
        if overlaps.isEmpty {
            let text = "The sources describe no overlap between these roles."
            append(Row(kind: .message(text), left: [],
                       cells: [CellWriter.wrap([Span(text, style: .hint)], width: geometry.spanWidth)], top: 0, height: 0))
        }
        for overlap in overlaps {
            if summary {
                let left = [StyledLine(CellWriter.truncatedAtWord(Sanitizer.clean(overlap.title, keepNewlines: false),
                                                                  width: leftWidth, ellipsis: glyphs.ellipsis))]
                let text = CellWriter.truncatedAtWord(Sanitizer.clean(overlap.summary, keepNewlines: false),
                                                      width: geometry.spanWidth, ellipsis: glyphs.ellipsis)
                append(Row(kind: .overlap(overlap), left: left, cells: [[StyledLine(text)]], top: 0, height: 1))
                continue
            }
            let left = CellWriter.wrap([Span(overlap.title)], width: leftWidth)
            let cell = Self.overlapLines(overlap, catalog: catalog, writer: writer, width: geometry.spanWidth)
            appendContent(Row(kind: .overlap(overlap), left: left, cells: [cell], top: 0, height: 0))
        }
    }

    /// Appends a row of content, with a blank line before it when it or the row above is
    /// more than one line tall (prose needs air; a run of one-line levels does not).
    private mutating func appendContent(_ row: Row) {
        var row = row
        row.height = max(1, max(row.left.count, row.cells.map(\.count).max() ?? 0))
        if let previous = rows.last, !previous.isRule, previous.height > 1 || row.height > 1 {
            totalLines += 1
        }
        append(row)
    }

    private mutating func append(_ row: Row) {
        var row = row
        if row.height == 0 { row.height = max(1, row.cells.map(\.count).max() ?? 0) }
        row.top = totalLines
        totalLines += row.height
        if row.key != nil { focus.append(rows.count) }
        rows.append(row)
    }

    /// A role's title in at most two lines, the second cut with an ellipsis if need be.
    static func titleLines(_ title: String, width: Int, glyphs: Glyphs) -> [StyledLine] {
        let style = Style.heading.bold()
        let clean = Sanitizer.clean(title, keepNewlines: false)
        var lines = TextWrap.lines(clean, width: width)
        if lines.count > 2 {
            let rest = lines[1...].joined(separator: " ")
            lines = [lines[0], TextWrap.truncate(rest, width: width, ellipsis: glyphs.ellipsis)]
        }
        return lines.map { StyledLine($0, style: style) }
    }

    static func overlapLines(_ overlap: Overlap, catalog: Catalog, writer: CellWriter, width: Int) -> [StyledLine] {
        let names = overlap.roles.map { catalog.role(id: $0)?.title ?? $0 }.joined(separator: " + ")
        var lines = writer.wrap([Span(names, style: .dim)], width: width)
        lines += writer.wrap([Span(overlap.summary)], width: width)
        for detail in overlap.details {
            lines += writer.wrap([Span(detail)], width: width, first: writer.glyphs.bullet + " ", rest: "  ")
        }
        if writer.showSources || writer.detailed {
            let label = "[" + overlap.sources.map { catalog.source($0)?.short ?? $0 }.joined(separator: ", ") + "]"
            lines += writer.wrap([Span(label, style: .dim)], width: width)
        }
        return lines
    }

    // MARK: Queries

    /// The index into `focus` of the row with `key`, if it is shown.
    func focusIndex(of key: String?) -> Int? {
        guard let key else { return nil }
        return focus.firstIndex { rows[$0].key == key }
    }

    /// The row that holds body line `line`, if any (blank lines between rows hold none).
    func rowIndex(atLine line: Int) -> Int? {
        rows.firstIndex { line >= $0.top && line < $0.bottom }
    }

    /// Where a row starts when the title of its group, directly above, should show too.
    func topWithHeading(_ index: Int) -> Int {
        if index > 0, rows[index - 1].isRule { return rows[index - 1].top }
        return rows[index].top
    }

    func maxOffset(visible: Int) -> Int { max(0, totalLines - max(0, visible)) }
}
