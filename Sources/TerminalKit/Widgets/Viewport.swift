/// Scroll position of a `Viewport`, kept by the screen.
public struct ViewportState: Hashable, Sendable {
    /// The first visible line.
    public var offset: Int

    public init(offset: Int = 0) {
        self.offset = max(0, offset)
    }

    /// The largest offset that still fills the view (0 when everything fits).
    public static func maxOffset(contentHeight: Int, visibleRows: Int) -> Int {
        max(0, contentHeight - max(0, visibleRows))
    }

    public mutating func scroll(by lines: Int, contentHeight: Int, visibleRows: Int) {
        offset += lines
        clamp(contentHeight: contentHeight, visibleRows: visibleRows)
    }

    /// Scrolls a page down, keeping one line of context.
    public mutating func pageDown(contentHeight: Int, visibleRows: Int) {
        scroll(by: max(1, visibleRows - 1), contentHeight: contentHeight, visibleRows: visibleRows)
    }

    public mutating func pageUp(contentHeight: Int, visibleRows: Int) {
        scroll(by: -max(1, visibleRows - 1), contentHeight: contentHeight, visibleRows: visibleRows)
    }

    public mutating func scrollToTop() { offset = 0 }

    public mutating func scrollToBottom(contentHeight: Int, visibleRows: Int) {
        offset = Self.maxOffset(contentHeight: contentHeight, visibleRows: visibleRows)
    }

    /// Brings the offset back into range, e.g. after a resize made the content shorter.
    public mutating func clamp(contentHeight: Int, visibleRows: Int) {
        offset = min(max(0, offset), Self.maxOffset(contentHeight: contentHeight, visibleRows: visibleRows))
    }
}

/// A window onto lines that were wrapped beforehand (with `TextWrap.lines` or
/// `StyledLine.wrapped`, to the width the screen lays out). Shows a scrollbar in the
/// last column when the lines do not fit.
public struct Viewport: Sendable {
    public var lines: [StyledLine]
    public var showsScrollbar: Bool

    public init(_ lines: [StyledLine], showsScrollbar: Bool = true) {
        self.lines = lines
        self.showsScrollbar = showsScrollbar
    }

    public init(strings: [String], style: Style = .normal, showsScrollbar: Bool = true) {
        self.init(strings.map { StyledLine($0, style: style) }, showsScrollbar: showsScrollbar)
    }

    /// Whether `lines` need a scrollbar in `area` (so callers can wrap one column narrower).
    public func needsScrollbar(in area: Rect) -> Bool {
        showsScrollbar && lines.count > area.height && area.width > 1
    }

    public func render(into buffer: inout Buffer, area: Rect, state: ViewportState) {
        guard !area.isEmpty else { return }
        var clamped = state
        clamped.clamp(contentHeight: lines.count, visibleRows: area.height)
        let scrollbar = needsScrollbar(in: area)
        let textWidth = area.width - (scrollbar ? 1 : 0)
        for row in 0..<area.height {
            let index = clamped.offset + row
            guard index < lines.count else { break }
            buffer.put(lines[index], x: area.x, y: area.y + row, maxWidth: textWidth)
        }
        if scrollbar {
            let thumb = Viewport.thumb(offset: clamped.offset, contentHeight: lines.count, visibleRows: area.height)
            for row in 0..<area.height {
                let onThumb = thumb.contains(row)
                buffer.put(onThumb ? buffer.glyphs.scrollThumb : buffer.glyphs.scrollTrack,
                           x: area.right - 1, y: area.y + row, style: onThumb ? .accent : .border, maxWidth: 1)
            }
        }
    }

    /// Rows of the scrollbar covered by the thumb: its size is the visible fraction, its
    /// position the scrolled fraction, and it touches the bottom only at the very end.
    static func thumb(offset: Int, contentHeight: Int, visibleRows: Int) -> Range<Int> {
        guard contentHeight > visibleRows, visibleRows > 0 else { return 0..<visibleRows }
        let size = max(1, visibleRows * visibleRows / contentHeight)
        let maxOffset = contentHeight - visibleRows
        let travel = visibleRows - size
        var start = (offset * travel + maxOffset / 2) / maxOffset
        if offset < maxOffset { start = min(start, travel - (travel > 0 ? 1 : 0)) }
        if offset > 0 && travel > 1 { start = max(start, 1) }
        return start..<(start + size)
    }
}
