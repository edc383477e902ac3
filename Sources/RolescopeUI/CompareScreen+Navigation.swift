import RoleModel
import TerminalKit

/// Moving the cursor and scrolling. Rows have different heights, so the rules are in
/// body lines: a row that fits is always shown whole (with its group's title when that
/// fits too); a row taller than the screen is read through before the cursor leaves it.
extension CompareScreen {
    func layout(glyphs: Glyphs = .unicode) -> CompareLayout {
        layout(width: width, glyphs: glyphs)
    }

    /// The table for these inputs: the one `update` laid out when it is for them (every
    /// frame after a key), else laid out now (an ASCII terminal, a screen not yet shown).
    func layout(width: Int, glyphs: Glyphs = .unicode) -> CompareLayout {
        let key = CompareLayoutKey(roleIDs: roleIDs, differencesOnly: differencesOnly, showsSources: showsSources,
                                   width: width, glyphs: glyphs, payHidden: payHidden, fullText: fullText)
        if let table, table.key == key { return table.layout }
        return CompareLayout(catalog: catalog, roles: roles, differencesOnly: differencesOnly, showSources: showsSources,
                             width: width, glyphs: glyphs, summary: !fullText)
    }

    /// Lays the table out for the current state, once, for the keys and the frame after.
    mutating func layOut() {
        let key = CompareLayoutKey(roleIDs: roleIDs, differencesOnly: differencesOnly, showsSources: showsSources,
                                   width: width, glyphs: .unicode, payHidden: payHidden, fullText: fullText)
        if table?.key != key { table = (key, layout()) }
    }

    /// `]` to the next section's first row; `[` to the start of this section, or of the
    /// one before when already there.
    mutating func jumpSection(forward: Bool, _ layout: CompareLayout) {
        let sections = layout.sections
        guard let index = cursorIndex(layout), let current = sections.firstIndex(where: { $0.first <= index && index <= $0.last })
        else { return }
        let target: Int
        if forward {
            guard current + 1 < sections.count else { return }
            target = sections[current + 1].first
        } else {
            target = index > sections[current].first ? sections[current].first : sections[max(0, current - 1)].first
        }
        cursorKey = layout.rows[layout.focus[target]].key
        reveal(layout.focus[target], movingDown: true, layout)
        // The section's title on top, as far as the table scrolls.
        offset = min(layout.topWithHeading(layout.focus[target]), layout.maxOffset(visible: bodyHeight(layout)))
    }

    func bodyHeight(_ layout: CompareLayout) -> Int { max(1, height - layout.headerHeight) }

    /// The cursor's index into `layout.focus` (the first row when none was chosen or the
    /// chosen one is not shown), or nil when no row can take the cursor.
    func cursorIndex(_ layout: CompareLayout) -> Int? {
        guard !layout.focus.isEmpty else { return nil }
        return layout.focusIndex(of: cursorKey) ?? 0
    }

    func currentKey(_ layout: CompareLayout) -> String? {
        cursorIndex(layout).flatMap { layout.rows[layout.focus[$0]].key }
    }

    /// The offset actually drawn: the stored one, clamped to the content.
    func clampedOffset(_ layout: CompareLayout) -> Int {
        min(max(0, offset), layout.maxOffset(visible: bodyHeight(layout)))
    }

    mutating func moveDown(_ layout: CompareLayout) {
        let visible = bodyHeight(layout)
        guard let index = cursorIndex(layout) else { return scroll(by: 1, layout) }
        let row = layout.rows[layout.focus[index]]
        if row.bottom > offset + visible {
            // Read on through a row taller than the screen, half a screen at a time.
            offset = min(row.bottom - visible, offset + max(1, visible / 2))
            return
        }
        guard index + 1 < layout.focus.count else {
            offset = layout.maxOffset(visible: visible)
            return
        }
        cursorKey = layout.rows[layout.focus[index + 1]].key
        reveal(layout.focus[index + 1], movingDown: true, layout)
    }

    mutating func moveUp(_ layout: CompareLayout) {
        let visible = bodyHeight(layout)
        guard let index = cursorIndex(layout) else { return scroll(by: -1, layout) }
        let row = layout.rows[layout.focus[index]]
        if row.top < offset {
            offset = max(row.top, offset - max(1, visible / 2))
            return
        }
        guard index > 0 else {
            offset = 0
            return
        }
        cursorKey = layout.rows[layout.focus[index - 1]].key
        reveal(layout.focus[index - 1], movingDown: false, layout)
    }

    /// Scrolls as little as needed to show row `index`. A row taller than the screen
    /// shows its start when reached going down and its end when reached going up.
    mutating func reveal(_ index: Int, movingDown: Bool, _ layout: CompareLayout) {
        let visible = bodyHeight(layout)
        let row = layout.rows[index]
        let top = layout.topWithHeading(index)
        if row.bottom - top <= visible || row.height <= visible {
            let start = row.bottom - top <= visible ? top : row.top
            if start < offset { offset = start } else if row.bottom > offset + visible { offset = row.bottom - visible }
        } else {
            offset = movingDown ? top : row.bottom - visible
        }
        offset = clampedOffset(layout)
    }

    /// Scrolls a page and puts the cursor on the first row that starts on the new page
    /// (or the row that fills it); at either end the cursor goes to the first or last row.
    mutating func page(by direction: Int, _ layout: CompareLayout) {
        let visible = bodyHeight(layout)
        let before = clampedOffset(layout)
        offset = before + direction * max(1, visible - 1)
        offset = clampedOffset(layout)
        if offset == before {
            let end = direction > 0 ? layout.focus.last : layout.focus.first
            cursorKey = end.flatMap { layout.rows[$0].key }
            return
        }
        placeCursorInView(layout, preferLast: false)
    }

    mutating func wheel(by lines: Int, _ layout: CompareLayout) {
        scroll(by: lines, layout)
        let visible = bodyHeight(layout)
        guard let index = cursorIndex(layout) else { return }
        let row = layout.rows[layout.focus[index]]
        if row.bottom <= offset || row.top >= offset + visible {
            placeCursorInView(layout, preferLast: lines < 0)
        }
    }

    mutating func scroll(by lines: Int, _ layout: CompareLayout) {
        offset = clampedOffset(layout) + lines
        offset = clampedOffset(layout)
    }

    /// Moves the cursor onto a row on screen: the first (or last) that starts in view,
    /// else the one that covers the whole view.
    mutating func placeCursorInView(_ layout: CompareLayout, preferLast: Bool) {
        let visible = bodyHeight(layout)
        let starting = layout.focus.filter { layout.rows[$0].top >= offset && layout.rows[$0].top < offset + visible }
        let touching = layout.focus.filter { layout.rows[$0].bottom > offset && layout.rows[$0].top < offset + visible }
        let pick = preferLast ? (starting.last ?? touching.last) : (starting.first ?? touching.first)
        if let pick { cursorKey = layout.rows[pick].key }
    }

    /// Puts the first overlap at the top of the screen, under its heading.
    mutating func jumpToOverlaps(_ layout: CompareLayout) {
        guard let first = layout.focus.first(where: { if case .overlap = layout.rows[$0].kind { true } else { false } }) else {
            offset = layout.maxOffset(visible: bodyHeight(layout))
            placeCursorInView(layout, preferLast: true)
            return
        }
        jump(to: layout.rows[first].key, layout)
    }

    /// Puts the cursor on the row with `key` and scrolls that row, under its heading, to
    /// the top of the screen (as far as the end of the table allows).
    mutating func jump(to key: String?, _ layout: CompareLayout) {
        guard let index = layout.focusIndex(of: key) else { return }
        cursorKey = key
        offset = layout.topWithHeading(layout.focus[index])
        offset = clampedOffset(layout)
    }

    /// Applies a change that reflows the table (a toggle, a resize) while keeping the
    /// cursor's row where it was on screen. If the row is filtered out, the cursor goes to
    /// the next row in catalog order that is still shown (or the last one).
    mutating func keepingCursorInPlace(_ change: (inout CompareScreen) -> Void) {
        let before = layout()
        let oldKey = currentKey(before)
        let screenLine = cursorIndex(before).map { before.rows[before.focus[$0]].top - clampedOffset(before) }
        change(&self)
        layOut()
        let after = layout()
        guard let oldKey, let screenLine else {
            offset = clampedOffset(after)
            return
        }
        if after.focusIndex(of: oldKey) == nil {
            let order = catalogOrder
            let rank = order[oldKey] ?? Int.max
            let next = after.focus.first { (order[after.rows[$0].key ?? ""] ?? Int.max) > rank } ?? after.focus.last
            cursorKey = next.flatMap { after.rows[$0].key }
        } else {
            cursorKey = oldKey
        }
        guard let index = cursorIndex(after) else {
            offset = clampedOffset(after)
            return
        }
        let rowIndex = after.focus[index]
        let row = after.rows[rowIndex]
        let visible = bodyHeight(after)
        if row.height > visible {
            // Keep reading where the reader was inside a tall row.
            offset = row.top - screenLine
            if screenLine < 0 { offset = min(offset, row.bottom - visible) }
            offset = clampedOffset(after)
        } else {
            offset = row.top - max(0, screenLine)
            offset = clampedOffset(after)
            reveal(rowIndex, movingDown: true, after)
        }
    }

    /// Every row key in the order the unfiltered table would show it.
    private var catalogOrder: [String: Int] {
        var order: [String: Int] = [:]
        for dimension in catalog.dimensionsByGroup.flatMap(\.dimensions) {
            order["dimension:" + dimension.id] = order.count
        }
        for overlap in catalog.overlaps { order["overlap:" + overlap.id] = order.count }
        return order
    }
}
