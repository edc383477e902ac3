import RoleModel
import TerminalKit

/// Drawing the Compare screen: a pure function of its state and the area.
extension CompareScreen {
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let roles = self.roles
        guard roles.count >= 2 else {
            let text = "Comparing needs at least two roles, and this catalog has \(catalog.roles.count)."
            for (index, line) in CellWriter.wrap([Span(text, style: .hint)], width: area.width - 2).enumerated()
            where index < area.height {
                buffer.put(line, x: area.x + 1, y: area.y + index, maxWidth: area.width - 2)
            }
            chooser?.render(into: &buffer, area: area, roles: catalog.roles)
            return
        }
        let layout = self.layout(width: area.width, glyphs: buffer.glyphs)
        // Scroll limits are measured against the area actually drawn (normally the size
        // the last .resize reported).
        var screen = self
        screen.height = area.height
        screen.width = area.width
        renderHeader(layout, into: &buffer, area: area)
        screen.renderBody(layout, into: &buffer, area: area)
        if let detail {
            let lines = CompareDetail.lines(key: detail.key, catalog: catalog, roles: roles,
                                            width: CompareDetail.textWidth(in: area), glyphs: buffer.glyphs)
            detail.render(into: &buffer, area: area, lines: lines, title: CompareDetail.title(key: detail.key, catalog: catalog))
        }
        if let chooser {
            chooser.render(into: &buffer, area: area, roles: catalog.roles)
        }
    }

    /// Role titles over their columns, the cursor's position over the left column, and a rule.
    private func renderHeader(_ layout: CompareLayout, into buffer: inout Buffer, area: Rect) {
        let geometry = layout.geometry
        let titleHeight = layout.headerHeight - 1
        if let index = cursorIndex(layout) {
            let position = "\(index + 1) of \(layout.focus.count)"
            buffer.putTruncated(position, x: area.x + 1, y: area.y, style: .dim, maxWidth: geometry.leftTextWidth)
        }
        for (column, lines) in layout.header.enumerated() {
            for (index, line) in lines.enumerated() where index < titleHeight {
                buffer.putTruncated(line, x: area.x + geometry.contentX(column), y: area.y + index,
                                    maxWidth: geometry.contentWidth(column))
            }
        }
        for line in 0..<titleHeight where line < area.height {
            for slot in geometry.slots {
                buffer.put(buffer.glyphs.vertical, x: area.x + slot.x, y: area.y + line, style: .border, maxWidth: 1)
            }
        }
        if titleHeight < area.height {
            let y = area.y + titleHeight
            let rule = String(repeating: buffer.glyphs.horizontal, count: area.width)
            buffer.put(rule, x: area.x, y: y, style: .border, maxWidth: area.width)
            // The toggles' state sits in the rule too, because a long breadcrumb may be cut.
            // With differences only, how many rows differ: "37 of 61 rows differ".
            let count = differencesOnly ? catalog.differenceCount(among: roles) : nil
            let flags = [count.map { "\($0.differing) of \($0.rows) rows differ" }, showsSources ? nil : "sources hidden"].compactMap { $0 }
            if !flags.isEmpty {
                let text = " " + flags.joined(separator: ", ") + " "
                let width = min(TextWidth.of(text), max(0, area.width - geometry.leftWidth - 2))
                buffer.putTruncated(text, x: area.right - 2 - width, y: y, style: .accent, maxWidth: width)
            }
        }
    }

    private func renderBody(_ layout: CompareLayout, into buffer: inout Buffer, area: Rect) {
        let geometry = layout.geometry
        let bodyY = area.y + layout.headerHeight
        let visible = min(bodyHeight(layout), max(0, area.bottom - bodyY))
        guard visible > 0 else { return }
        let offset = clampedOffset(layout)
        let cursorRow = cursorIndex(layout).map { layout.focus[$0] }
        var rowIndex = 0
        for line in offset..<(offset + visible) {
            let y = bodyY + line - offset
            while rowIndex < layout.rows.count && layout.rows[rowIndex].bottom <= line { rowIndex += 1 }
            guard rowIndex < layout.rows.count else { break }
            let row = layout.rows[rowIndex]
            // A blank line before a row belongs to no row: draw only the column rules,
            // as the row below it would.
            let inRow = line >= row.top
            if row.isRule && inRow {
                drawRule(row, into: &buffer, x: area.x, y: y, width: geometry.scrollbarX)
                continue
            }
            let separators = row.spansColumns ? Array(geometry.slots.prefix(1)) : geometry.slots
            for slot in separators {
                buffer.put(buffer.glyphs.vertical, x: area.x + slot.x, y: y, style: .border, maxWidth: 1)
            }
            guard inRow else { continue }
            let lineInRow = line - row.top
            let selected = rowIndex == cursorRow
            if selected {
                buffer.fill(Rect(x: area.x, y: y, width: geometry.leftWidth - 1, height: 1), style: .selected)
                if line == max(row.top, offset) {
                    buffer.put(buffer.glyphs.pointer, x: area.x, y: y, style: .selected, maxWidth: 1)
                }
            }
            // While a tall row is read through, its title stays on the first line shown.
            let leftShift = max(0, min(offset - row.top, row.height - row.left.count))
            let leftLine = lineInRow - leftShift
            if leftLine >= 0 && leftLine < row.left.count {
                let text = selected ? row.left[leftLine].restyled(.selected) : row.left[leftLine]
                buffer.put(text, x: area.x + 1, y: y, maxWidth: geometry.leftTextWidth)
            }
            if row.spansColumns {
                if let cell = row.cells.first, lineInRow < cell.count {
                    buffer.put(cell[lineInRow], x: area.x + geometry.spanX, y: y, maxWidth: geometry.spanWidth)
                }
            } else {
                for (column, cell) in row.cells.enumerated() where column < geometry.slots.count && lineInRow < cell.count {
                    buffer.put(cell[lineInRow], x: area.x + geometry.contentX(column), y: y,
                               maxWidth: geometry.contentWidth(column))
                }
            }
        }
        if layout.totalLines > visible, geometry.scrollbarX >= 1 {
            // An empty viewport two cells wide draws just the shared scrollbar in its last cell.
            Viewport(Array(repeating: StyledLine.empty, count: layout.totalLines))
                .render(into: &buffer, area: Rect(x: area.x + geometry.scrollbarX - 1, y: bodyY, width: 2, height: visible),
                        state: ViewportState(offset: offset))
        }
    }

    /// "── Skills ─────────": a group's title across the whole table.
    private func drawRule(_ row: CompareLayout.Row, into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        let title: String
        switch row.kind {
        case .group(let text): title = text
        case .overlapsHeading: title = "Where these roles overlap"
        default: title = ""
        }
        let g = buffer.glyphs
        var used = buffer.put(g.horizontal + g.horizontal + " ", x: x, y: y, style: .border, maxWidth: width)
        used += buffer.putTruncated(title, x: x + used, y: y, style: Style.heading.bold(), maxWidth: max(0, width - used - 2))
        used += buffer.put(" ", x: x + used, y: y, maxWidth: width - used)
        if used < width {
            buffer.put(String(repeating: g.horizontal, count: width - used), x: x + used, y: y, style: .border,
                       maxWidth: width - used)
        }
    }
}
