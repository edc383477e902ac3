/// A one-row tab bar: ` 1 Overview │ 2 Compare │ 3 Timeline `, the active tab
/// highlighted. Numbers tell the user which digit key switches to each tab.
///
/// When the titles do not fit, each is shortened with an ellipsis to an equal share of
/// the width; when even that is too narrow, only the numbers are shown.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var showsNumbers: Bool

    public init(_ titles: [String], selected: Int, showsNumbers: Bool = true) {
        self.titles = titles
        self.selected = selected
        self.showsNumbers = showsNumbers
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let y = area.y
        var x = area.x
        let separator = buffer.glyphs.separator
        for (index, segment) in segments(width: area.width, glyphs: buffer.glyphs).enumerated() {
            if index > 0 { x += buffer.put(separator, x: x, y: y, style: .border, maxWidth: area.right - x) }
            let active = index == selected
            let style: Style = active ? .tabActive : .tabInactive
            x += buffer.put(" ", x: x, y: y, style: style, maxWidth: area.right - x)
            if let number = segment.number {
                x += buffer.put(number, x: x, y: y, style: active ? style : .key, maxWidth: area.right - x)
                if !segment.title.isEmpty { x += buffer.put(" ", x: x, y: y, style: style, maxWidth: area.right - x) }
            }
            x += buffer.put(segment.title, x: x, y: y, style: style, maxWidth: area.right - x)
            x += buffer.put(" ", x: x, y: y, style: style, maxWidth: area.right - x)
            if x >= area.right { break }
        }
    }

    /// The tab under column `x` of `area` (for mouse clicks), or nil.
    public func tab(atColumn x: Int, area: Rect, glyphs: Glyphs = .unicode) -> Int? {
        var start = area.x
        let separatorWidth = TextWidth.of(glyphs.separator)
        for (index, segment) in segments(width: area.width, glyphs: glyphs).enumerated() {
            if index > 0 { start += separatorWidth }
            let end = start + segment.width
            if x >= start && x < end { return index }
            start = end
        }
        return nil
    }

    private struct Segment {
        var number: String?
        var title: String
        /// Cells including the padding space on each side.
        var width: Int {
            2 + (number.map { TextWidth.of($0) } ?? 0) + TextWidth.of(title)
                + (number != nil && !title.isEmpty ? 1 : 0)
        }
    }

    private func segments(width: Int, glyphs: Glyphs) -> [Segment] {
        let numbers = titles.indices.map { showsNumbers ? String($0 + 1) : nil }
        let full = zip(numbers, titles).map { Segment(number: $0, title: Sanitizer.clean($1, keepNewlines: false)) }
        let separators = max(0, titles.count - 1) * TextWidth.of(glyphs.separator)
        if full.reduce(separators, { $0 + $1.width }) <= width { return full }
        // Share the room left after numbers and padding equally between the titles.
        let fixed = full.reduce(separators) { $0 + $1.width - TextWidth.of($1.title) }
        let share = titles.isEmpty ? 0 : (width - fixed) / titles.count
        if share >= TextWidth.of(glyphs.ellipsis) + 2 {
            return full.map {
                Segment(number: $0.number, title: TextWrap.truncate($0.title, width: share, ellipsis: glyphs.ellipsis))
            }
        }
        if showsNumbers { return full.map { Segment(number: $0.number, title: "") } }
        return full.map { Segment(number: nil, title: TextWrap.prefix($0.title, fitting: max(1, share)).0) }
    }
}
