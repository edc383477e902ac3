import RoleModel
import TerminalKit

extension PlanScreen {
    /// Draws the background picker and the plan; a pure function of state.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let panes = layout(area)
        let viewport = Rect(x: panes.document.x + 1, y: panes.document.y, width: max(0, panes.document.width - 1), height: panes.document.height)
        Viewport(documentLines(glyphs: buffer.glyphs)).render(into: &buffer, area: viewport, state: scroll)
        guard !panes.picker.isEmpty else { return }
        for y in panes.rule.y..<panes.rule.bottom {
            buffer.put(buffer.glyphs.vertical, x: panes.rule.x, y: y, style: .border, maxWidth: 1)
        }
        renderPicker(into: &buffer, area: panes.picker)
    }

    /// "Coming from", every background (the shown one selected, those with a plan into the
    /// role marked, the others dimmed), and what the mark means.
    private func renderPicker(into buffer: inout Buffer, area: Rect) {
        buffer.putTruncated("Coming from", x: area.x + 1, y: area.y, style: .heading, maxWidth: area.width - 2)
        let list = pickerList(area)
        let rows = pickerRows(width: area.width, glyphs: buffer.glyphs)
        let offset = pickerOffset(rows: rows, visibleRows: list.height)
        let pointerWidth = TextWidth.of(buffer.glyphs.pointer)
        for row in 0..<list.height {
            let index = offset + row
            guard rows.indices.contains(index) else { break }
            let (item, line, first) = rows[index]
            let y = list.y + row
            let isSelected = item == selected
            if isSelected {
                buffer.fill(Rect(x: area.x, y: y, width: area.width - 1, height: 1), style: .selected)
                if first { buffer.put(buffer.glyphs.pointer, x: area.x, y: y, style: .selected, maxWidth: pointerWidth) }
            }
            if first, hasPlan(catalog.backgrounds[item]) {
                buffer.put(Self.mark(buffer.glyphs), x: area.x + 2, y: y, style: isSelected ? .selected : .accent, maxWidth: 1)
            }
            buffer.put(isSelected ? line.restyled(Style.selected.bold()) : line, x: area.x + Self.itemIndent, y: y,
                       maxWidth: area.width - Self.itemIndent - 1)
        }
        let x = area.right - 2
        if offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: x, y: list.y, style: .dim, maxWidth: 1) }
        if offset + list.height < rows.count { buffer.put(buffer.glyphs.arrowDown, x: x, y: list.bottom - 1, style: .dim, maxWidth: 1) }
        // The legend, a blank line under the list.
        let legend = legendLines(width: area.width, glyphs: buffer.glyphs)
        let top = list.y + min(list.height, rows.count - offset) + 1
        for (row, line) in legend.enumerated() where top + row < area.bottom {
            buffer.put(line, x: area.x + 1, y: top + row, maxWidth: area.width - 2)
        }
    }
}
