/// A column of a `Table`: its header, how wide it may be, and how its text aligns.
public struct TableColumn: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, right }

    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint = .fill(1), alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a `Table` row: text that wraps within its column, in one style.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// Rows of text in aligned columns (side-by-side role comparisons, source lists).
///
/// Column widths come from the columns' constraints, as in `Layout.horizontal`. Each
/// cell wraps within its column and a row is as tall as its tallest cell, so a long
/// description never pushes its neighbours out of line. Selection and scrolling use a
/// `ListState` over rows (its offset is the first visible row); a row is never drawn
/// cut at the top, and the selected row is scrolled fully into view when it fits.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    /// Cells between columns.
    public var spacing: Int
    public var showsHeader: Bool
    public var headerStyle: Style
    public var isFocused: Bool

    public init(columns: [TableColumn], rows: [[TableCell]], spacing: Int = 2, showsHeader: Bool = true,
                headerStyle: Style = .heading, isFocused: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.spacing = spacing
        self.showsHeader = showsHeader
        self.headerStyle = headerStyle
        self.isFocused = isFocused
    }

    /// The width of each column when the table is `width` cells wide.
    public func columnWidths(for width: Int) -> [Int] {
        Layout.sizes(columns.map(\.width), total: width, spacing: spacing)
    }

    /// Each row's cells wrapped to their column widths: `[row][column][line]`.
    public func wrappedRows(width: Int) -> [[[String]]] {
        let widths = columnWidths(for: width)
        return rows.map { row in
            widths.indices.map { column in
                guard column < row.count, widths[column] > 0 else { return [] }
                return TextWrap.lines(Sanitizer.clean(row[column].text, keepNewlines: true), width: widths[column])
            }
        }
    }

    /// Each row's height in lines (at least 1) at `width`.
    public func rowHeights(width: Int) -> [Int] {
        wrappedRows(width: width).map { max(1, $0.map(\.count).max() ?? 1) }
    }

    /// The first row drawn for `state` in `area`: the stored offset, moved so the
    /// selected row is fully visible when it can be.
    public func visibleOffset(state: ListState, area: Rect) -> Int {
        let heights = rowHeights(width: area.width)
        let room = area.height - (showsHeader ? 1 : 0)
        guard !heights.isEmpty, room > 0 else { return 0 }
        var offset = min(max(0, state.offset), heights.count - 1)
        if let selected = state.selected, selected < heights.count {
            if selected < offset { offset = selected }
            while offset < selected && heights[offset...selected].reduce(0, +) > room { offset += 1 }
        }
        return offset
    }

    public func render(into buffer: inout Buffer, area: Rect, state: ListState = ListState(selected: nil)) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(for: area.width)
        let starts = widths.indices.map { index in area.x + widths[..<index].reduce(0, +) + index * spacing }
        var y = area.y
        if showsHeader {
            for (index, column) in columns.enumerated() where widths[index] > 0 {
                let title = TextWrap.truncate(Sanitizer.clean(column.title, keepNewlines: false), width: widths[index],
                                              ellipsis: buffer.glyphs.ellipsis)
                draw(title, in: &buffer, x: starts[index], y: y, width: widths[index], alignment: column.alignment,
                     style: headerStyle)
            }
            y += 1
        }
        let wrapped = wrappedRows(width: area.width)
        var rowIndex = visibleOffset(state: state, area: area)
        while rowIndex < wrapped.count && y < area.bottom {
            let cells = wrapped[rowIndex]
            let height = max(1, cells.map(\.count).max() ?? 1)
            let selected = rowIndex == state.selected
            let selectionStyle: Style = isFocused ? .selected : .selectedInactive
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: height), style: selectionStyle) }
            for (column, lines) in cells.enumerated() {
                let style = selected ? selectionStyle : rows[rowIndex][column].style
                for (offset, line) in lines.enumerated() where y + offset < area.bottom {
                    draw(line, in: &buffer, x: starts[column], y: y + offset, width: widths[column],
                         alignment: columns[column].alignment, style: style)
                }
            }
            y += height
            rowIndex += 1
        }
    }

    /// The row drawn at screen row `y` (for mouse clicks), or nil.
    public func row(atRow y: Int, area: Rect, state: ListState) -> Int? {
        var top = area.y + (showsHeader ? 1 : 0)
        guard y >= top, y < area.bottom else { return nil }
        let heights = rowHeights(width: area.width)
        var index = visibleOffset(state: state, area: area)
        while index < heights.count {
            if y < top + heights[index] { return index }
            top += heights[index]
            index += 1
        }
        return nil
    }

    private func draw(_ text: String, in buffer: inout Buffer, x: Int, y: Int, width: Int,
                      alignment: TableColumn.Alignment, style: Style) {
        let textWidth = TextWidth.of(text)
        let start = alignment == .right ? x + max(0, width - textWidth) : x
        buffer.put(text, x: start, y: y, style: style, maxWidth: width - (start - x))
    }
}
