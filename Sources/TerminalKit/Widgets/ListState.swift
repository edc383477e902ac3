/// Selection and scroll position of a list, kept by the screen, not by the widget
/// (Ratatui's `ListState`): `update` moves it, `render` only reads it.
///
/// `offset` is the first visible item. Pass the list's visible row count to the moving
/// methods so the offset scrolls only as far as needed to keep the selection in view;
/// `ListView.render` applies the same rule to a stale offset, so the selection is
/// always drawn even if `update` did not know the height.
public struct ListState: Hashable, Sendable {
    public var selected: Int?
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = max(0, offset)
    }

    /// Selects `index` clamped to `0..<count` (nothing when the list is empty).
    public mutating func select(_ index: Int?, count: Int, visibleRows: Int? = nil) {
        if let index, count > 0 { selected = min(max(0, index), count - 1) } else { selected = nil }
        if let visibleRows { reveal(count: count, visibleRows: visibleRows) }
    }

    /// Moves the selection by `delta` items, stopping at the ends.
    public mutating func move(by delta: Int, count: Int, visibleRows: Int? = nil) {
        select((selected ?? (delta >= 0 ? -1 : count)) + delta, count: count, visibleRows: visibleRows)
    }

    /// Moves by a page (a negative `pages` moves up), keeping one row of context.
    public mutating func page(by pages: Int, count: Int, visibleRows: Int) {
        move(by: pages * max(1, visibleRows - 1), count: count, visibleRows: visibleRows)
    }

    public mutating func selectFirst(count: Int, visibleRows: Int? = nil) {
        select(0, count: count, visibleRows: visibleRows)
    }

    public mutating func selectLast(count: Int, visibleRows: Int? = nil) {
        select(count - 1, count: count, visibleRows: visibleRows)
    }

    /// Scrolls as little as possible to show the selection, and never past the end.
    public mutating func reveal(count: Int, visibleRows: Int) {
        offset = visibleOffset(count: count, visibleRows: visibleRows)
    }

    /// The offset `render` uses: the stored one moved just enough to show the selection
    /// and clamped so the last page is full.
    public func visibleOffset(count: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        var result = min(offset, max(0, count - visibleRows))
        if let selected {
            if selected < result { result = selected }
            if selected >= result + visibleRows { result = selected - visibleRows + 1 }
        }
        return max(0, result)
    }
}
