/// A border around an area, with an optional title set into the top edge:
/// `┌─ Compare ─────┐`. Draw the box, then draw content into `inner(area)`.
public struct Box: Sendable {
    public var title: String?
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, style: Style = .border, titleStyle: Style = .title) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let g = buffer.glyphs
        let innerWidth = area.width - 2
        let horizontal = String(repeating: g.horizontal, count: innerWidth)
        buffer.put(g.topLeft + horizontal + g.topRight, x: area.x, y: area.y, style: style, maxWidth: area.width)
        buffer.put(g.bottomLeft + horizontal + g.bottomRight, x: area.x, y: area.bottom - 1, style: style,
                   maxWidth: area.width)
        for y in (area.y + 1)..<(area.bottom - 1) {
            buffer.put(g.vertical, x: area.x, y: y, style: style, maxWidth: 1)
            buffer.put(g.vertical, x: area.right - 1, y: y, style: style, maxWidth: 1)
        }
        // The title sits after one border cell, padded by a space each side.
        if let title, !title.isEmpty, innerWidth >= 3 {
            let x = area.x + 2
            let room = innerWidth - 2
            let shown = TextWrap.truncate(Sanitizer.clean(title, keepNewlines: false), width: room - 2,
                                          ellipsis: g.ellipsis)
            guard !shown.isEmpty else { return }
            var used = buffer.put(" ", x: x, y: area.y, style: titleStyle, maxWidth: room)
            used += buffer.put(shown, x: x + used, y: area.y, style: titleStyle, maxWidth: room - used)
            buffer.put(" ", x: x + used, y: area.y, style: titleStyle, maxWidth: room - used)
        }
    }
}
