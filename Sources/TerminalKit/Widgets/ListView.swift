/// A vertical list of one-line items with a highlighted selection.
///
/// The selected row is drawn across the whole width in `.selected` (or
/// `.selectedInactive` when the list does not have focus) and marked with the pointer
/// glyph, so the selection is visible even without colour. When the items do not all
/// fit, the last column shows arrows for "more above" and "more below".
public struct ListView: Sendable {
    public var items: [StyledLine]
    public var isFocused: Bool
    public var showsPointer: Bool

    public init(_ items: [StyledLine], isFocused: Bool = true, showsPointer: Bool = true) {
        self.items = items
        self.isFocused = isFocused
        self.showsPointer = showsPointer
    }

    public init(strings: [String], isFocused: Bool = true, showsPointer: Bool = true) {
        self.init(strings.map { StyledLine($0) }, isFocused: isFocused, showsPointer: showsPointer)
    }

    public func render(into buffer: inout Buffer, area: Rect, state: ListState) {
        guard !area.isEmpty else { return }
        let offset = state.visibleOffset(count: items.count, visibleRows: area.height)
        let overflows = items.count > area.height
        let pointerWidth = showsPointer ? TextWidth.of(buffer.glyphs.pointer) + 1 : 0
        let textWidth = area.width - pointerWidth - (overflows ? 1 : 0)
        for row in 0..<area.height {
            let index = offset + row
            guard index < items.count else { break }
            let y = area.y + row
            var line = items[index]
            if index == state.selected {
                let style: Style = isFocused ? .selected : .selectedInactive
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
                line = line.restyled(style)
                if showsPointer { buffer.put(buffer.glyphs.pointer, x: area.x, y: y, style: style, maxWidth: area.width) }
            }
            if textWidth > 0 { buffer.putTruncated(line, x: area.x + pointerWidth, y: y, maxWidth: textWidth) }
        }
        if overflows {
            let x = area.right - 1
            if offset > 0 { buffer.put(buffer.glyphs.arrowUp, x: x, y: area.y, style: .dim, maxWidth: 1) }
            if offset + area.height < items.count {
                buffer.put(buffer.glyphs.arrowDown, x: x, y: area.bottom - 1, style: .dim, maxWidth: 1)
            }
        }
    }

    /// The item drawn at screen row `y` (for mouse clicks), or nil.
    public func index(atRow y: Int, area: Rect, state: ListState) -> Int? {
        guard y >= area.y, y < area.bottom else { return nil }
        let index = state.visibleOffset(count: items.count, visibleRows: area.height) + (y - area.y)
        return index < items.count ? index : nil
    }
}
