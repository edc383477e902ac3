import TerminalKit

/// The row of roles above a timeline: `Role: ▶AI Engineer │ Data Engineer │ ...`. The
/// chosen role carries the pointer and the selection style, so it shows without colour.
///
/// When the titles do not fit, the chosen one stays whole and the others share what is
/// left; when even that is too tight, only the chosen role is shown with its position.
/// `render` and `index(atColumn:)` use the same segments, so a click lands where it looks.
struct RolePicker {
    var label: String
    var titles: [String]
    var selected: Int?

    struct Segment {
        var index: Int?
        var x: Int
        var text: String
        var width: Int
    }

    /// The segments, with x relative to the row's start; `index` is nil for the label,
    /// separators and the position note. `measuringEveryTitle` turns off the shortcut for
    /// many roles (tests check that both give the same).
    func segments(width: Int, glyphs: Glyphs, measuringEveryTitle: Bool = false) -> [Segment] {
        let labelText = label + " "
        let labelWidth = TextWidth.of(labelText)
        let separatorWidth = TextWidth.of(glyphs.separator)
        let padding = 2
        let separators = max(0, titles.count - 1) * separatorWidth
        /// The chosen title alone, as much of it as fits, and its position: "(3 of 40)".
        func chosenOnly(_ selected: Int, _ chosen: String) -> [Segment] {
            let note = " (\(selected + 1) of \(titles.count))"
            let room = max(0, width - labelWidth - padding - TextWidth.of(note))
            let title = TextWrap.truncate(chosen, width: room, ellipsis: glyphs.ellipsis)
            let w = TextWidth.of(title) + padding
            return [Segment(index: nil, x: 0, text: labelText, width: labelWidth),
                    Segment(index: selected, x: labelWidth, text: title, width: w),
                    Segment(index: nil, x: labelWidth + w, text: note, width: TextWidth.of(note))]
        }
        // With many roles, neither every title nor an equal share of the row for each can
        // fit, whatever the titles are (each takes at least its padding and a separator):
        // decide that from the count, without cleaning and measuring thousands of titles.
        if !measuringEveryTitle, let selected, titles.indices.contains(selected), titles.count > 1,
           labelWidth + separators + titles.count * padding > width,
           labelWidth + separators + padding + (titles.count - 1) * (padding + TextWidth.of(glyphs.ellipsis) + 3) > width {
            return chosenOnly(selected, Sanitizer.clean(titles[selected], keepNewlines: false))
        }
        let clean = titles.map { Sanitizer.clean($0, keepNewlines: false) }
        func layout(_ shown: [String]) -> [Segment] {
            var result = [Segment(index: nil, x: 0, text: labelText, width: labelWidth)]
            var x = labelWidth
            for (index, title) in shown.enumerated() {
                if index > 0 {
                    result.append(Segment(index: nil, x: x, text: glyphs.separator, width: separatorWidth))
                    x += separatorWidth
                }
                let w = TextWidth.of(title) + padding
                result.append(Segment(index: index, x: x, text: title, width: w))
                x += w
            }
            return result
        }
        let full = clean.reduce(labelWidth + separators) { $0 + TextWidth.of($1) + padding }
        if full <= width { return layout(clean) }
        if let selected, clean.indices.contains(selected), clean.count > 1 {
            let selectedWidth = TextWidth.of(clean[selected]) + padding
            let share = (width - labelWidth - separators - selectedWidth) / (clean.count - 1) - padding
            if share >= TextWidth.of(glyphs.ellipsis) + 3 {
                return layout(clean.enumerated().map { index, title in
                    index == selected ? title : TextWrap.truncate(title, width: share, ellipsis: glyphs.ellipsis)
                })
            }
            return chosenOnly(selected, clean[selected])
        }
        return layout(clean.map { TextWrap.truncate($0, width: max(1, width / max(1, clean.count) - padding - 1), ellipsis: glyphs.ellipsis) })
    }

    func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        for segment in segments(width: area.width, glyphs: buffer.glyphs) {
            let x = area.x + segment.x
            let room = area.right - x
            guard room > 0 else { break }
            guard let index = segment.index else {
                let style: Style = segment.text == buffer.glyphs.separator ? .border : .dim
                buffer.put(segment.text, x: x, y: area.y, style: style, maxWidth: room)
                continue
            }
            if index == selected {
                buffer.fill(Rect(x: x, y: area.y, width: min(segment.width, room), height: 1), style: .selected)
                buffer.put(buffer.glyphs.pointer, x: x, y: area.y, style: .selected, maxWidth: room)
                buffer.put(segment.text, x: x + 1, y: area.y, style: Style.selected.bold(), maxWidth: min(segment.width - 2, room - 1))
            } else {
                buffer.put(segment.text, x: x + 1, y: area.y, style: .normal, maxWidth: min(segment.width - 2, room - 1))
            }
        }
    }

    /// The title under column `x` of `area`, or nil.
    func index(atColumn x: Int, area: Rect, glyphs: Glyphs = .unicode) -> Int? {
        segments(width: area.width, glyphs: glyphs).first { segment in
            segment.index != nil && x >= area.x + segment.x && x < area.x + segment.x + segment.width
        }?.index
    }
}
