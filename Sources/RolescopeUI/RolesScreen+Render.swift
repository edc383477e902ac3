import RoleModel
import TerminalKit

extension RolesScreen {
    /// Draws the list with its preview, or the open profile; a pure function of state.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        if let role = openRole {
            renderProfile(role, into: &buffer, area: area)
        } else {
            renderList(into: &buffer, area: area)
        }
    }

    private func renderProfile(_ role: Role, into buffer: inout Buffer, area: Rect) {
        let textWidth = Self.profileTextWidth(areaWidth: area.width)
        let document = cached(role, textWidth: textWidth, glyphs: buffer.glyphs)
            ?? ProfileDocument(catalog: catalog, role: role, width: textWidth, glyphs: buffer.glyphs)
        let viewport = Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: area.height)
        Viewport(document.lines).render(into: &buffer, area: viewport, state: scroll)
    }

    private func renderList(into buffer: inout Buffer, area: Rect) {
        guard !catalog.roles.isEmpty else {
            buffer.putTruncated("No roles in this catalog.", x: area.x + 1, y: area.y, style: .dim, maxWidth: area.width - 1)
            return
        }
        let panes = listLayout(area)
        for y in panes.rule.y..<panes.rule.bottom {
            buffer.put(buffer.glyphs.vertical, x: panes.rule.x, y: y, style: .border, maxWidth: 1)
        }
        renderRoles(into: &buffer, area: panes.list, rowsPerItem: panes.rowsPerItem)
        if let role = selectedRole {
            let laidOut = preview.flatMap { $0.roleID == role.id && $0.width == panes.preview.width
                && $0.height == panes.preview.height && buffer.glyphs == .unicode ? $0.lines : nil }
            RolePreview(catalog: catalog, payHidden: payHidden, role: role).render(into: &buffer, area: panes.preview, laidOut: laidOut)
        }
    }

    /// Each role as its title and, beneath it, its aliases; the selected one in the
    /// selection style over both rows and marked with the pointer.
    private func renderRoles(into buffer: inout Buffer, area: Rect, rowsPerItem: Int) {
        let roles = catalog.roles
        let visible = max(1, area.height / rowsPerItem)
        let offset = list.visibleOffset(count: roles.count, visibleRows: visible)
        let overflows = roles.count > visible
        let pointerWidth = TextWidth.of(buffer.glyphs.pointer) + 1
        let textWidth = area.width - pointerWidth - 1
        for (row, index) in (offset..<min(roles.count, offset + visible)).enumerated() {
            let role = roles[index]
            let y = area.y + row * rowsPerItem
            let selected = index == list.selected
            if selected {
                buffer.fill(Rect(x: area.x, y: y, width: area.width - 1, height: 2), style: .selected)
                buffer.put(buffer.glyphs.pointer, x: area.x, y: y, style: .selected, maxWidth: pointerWidth)
            }
            buffer.putTruncated(role.title, x: area.x + pointerWidth, y: y,
                                style: selected ? Style.selected.bold() : Style.normal.bold(), maxWidth: textWidth)
            let aliases = role.aliases.isEmpty ? role.id : role.aliases.joined(separator: ", ")
            buffer.putTruncated(aliases, x: area.x + pointerWidth, y: y + 1, style: selected ? .selected : .dim,
                                maxWidth: textWidth)
        }
        if overflows {
            let x = area.right - 1
            if offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: x, y: area.y, style: .dim, maxWidth: 1) }
            if offset + visible < roles.count {
                buffer.put(buffer.glyphs.arrowDown, x: x, y: area.bottom - 1, style: .dim, maxWidth: 1)
            }
        }
    }
}
