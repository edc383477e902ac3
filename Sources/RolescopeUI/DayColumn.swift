import RoleModel
import TerminalKit

/// The vertical axis the timeline screen draws days and weeks on: time (minutes since
/// midnight for a day, half-days for a week) mapped to rows. Two days laid on one axis
/// line up by clock time, because both map through the same `row(_:)`.
struct TimeAxis: Hashable, Sendable {
    var kind: TimelineKind
    /// The first and last unit the axis covers.
    var start: Int
    var end: Int
    /// `rowsPerStep` rows stand for `unitsPerStep` units: a day has one or two rows per
    /// quarter hour, a week two to four rows per half-day.
    var rowsPerStep: Int
    var unitsPerStep: Int

    /// A quarter hour per row keeps every block of the built-in days a whole number of
    /// rows (their times are on quarter hours), so heights are exactly proportional.
    static let minutesPerStep = 15

    /// An axis covering `timelines` (all of one kind), scaled up when `rows` has room.
    init(kind: TimelineKind, timelines: [Timeline], rows: Int) {
        self.kind = kind
        let spans = timelines.compactMap(\.span)
        let first = spans.map(\.lowerBound).min() ?? 0
        let last = spans.map(\.upperBound).max() ?? first
        switch kind {
        case .day:
            // From the hour the day starts in, so the first row carries an hour label.
            start = max(0, first) / 60 * 60
            end = max(last, start + 60)
            unitsPerStep = Self.minutesPerStep
            let steps = (end - start + Self.minutesPerStep - 1) / Self.minutesPerStep
            rowsPerStep = min(2, max(1, rows / max(1, steps)))
        case .week:
            // Whole days, Monday morning first when the week starts then.
            start = max(0, first) / 2 * 2
            end = max((last + 1) / 2 * 2, start + 2)
            unitsPerStep = 1
            rowsPerStep = min(4, max(2, rows / max(1, end - start)))
        }
    }

    /// The row a unit falls on (rounded to the nearest row boundary).
    func row(_ unit: Int) -> Int {
        let scaled = (unit - start) * rowsPerStep
        return (scaled * 2 + unitsPerStep) / (2 * unitsPerStep)
    }

    var rowCount: Int { row(end) }

    /// Cells the labels take: "09:00" or "Mon am".
    var labelWidth: Int { kind == .day ? 5 : 6 }

    /// The labels down the left: every hour of a day, every half-day of a week.
    var labels: [(row: Int, text: String)] {
        switch kind {
        case .day:
            return stride(from: start, through: end, by: 60).map { (row($0), TimeSlot.clockText($0)) }
                .filter { $0.0 < rowCount }
        case .week:
            return (start..<end).map { unit in
                let day = Weekday.allCases[min(unit / 2, Weekday.allCases.count - 1)]
                return (row(unit), unit % 2 == 0 ? String(day.title.prefix(3)) + " am" : "    pm")
            }
        }
    }

    /// Each entry's rows. Heights follow duration, at least one row each; should rounding
    /// ever make two blocks meet, the later one is pushed down rather than drawn over.
    func blocks(for timeline: Timeline) -> [AxisBlock] {
        var result: [AxisBlock] = []
        var floor = 0
        for (index, entry) in timeline.entries.enumerated() {
            let top = max(row(entry.slot.start), floor)
            let bottom = max(row(entry.slot.end), top + 1)
            result.append(AxisBlock(entry: index, top: top, height: bottom - top))
            floor = bottom
        }
        return result
    }
}

/// The rows one timeline entry takes on a `TimeAxis`.
struct AxisBlock: Hashable, Sendable {
    var entry: Int
    var top: Int
    var height: Int
    var bottom: Int { top + height }

    func contains(row: Int) -> Bool { row >= top && row < bottom }
}

/// One timeline's blocks drawn down a column beside the axis. Each block starts with
/// its category's mark ("[B]") and keeps the letter down its left edge, both in the
/// category's style, so a block is told apart by letter even without colour; the
/// entry's title comes first and the detail fills what rows remain.
struct DayColumn {
    var timeline: Timeline
    var blocks: [AxisBlock]
    var catalog: Catalog
    /// The selected entry of this column, if the selection is in it.
    var selected: Int?

    /// Pointer, mark and a space before the text.
    static let textIndent = 5

    func render(into buffer: inout Buffer, area: Rect, offset: Int) {
        guard !area.isEmpty else { return }
        let textX = area.x + Self.textIndent
        let textWidth = area.right - textX
        for block in blocks {
            let visibleTop = max(block.top, offset), visibleBottom = min(block.bottom, offset + area.height)
            guard visibleTop < visibleBottom else { continue }
            let entry = timeline.entries[block.entry]
            let mark = CategoryMark(catalog: catalog, id: entry.category)
            let isSelected = block.entry == selected
            let lines = textLines(entry, width: textWidth, rows: block.height, selected: isSelected,
                                  ellipsis: buffer.glyphs.ellipsis)
            for row in visibleTop..<visibleBottom {
                let y = area.y + row - offset
                let markText = row == block.top ? mark.bracketed : " " + mark.letter + " "
                buffer.put(TextWrap.pad(markText, to: 3), x: area.x + 1, y: y, style: mark.style, maxWidth: min(3, area.width - 1))
                guard textWidth > 0 else { continue }
                if isSelected {
                    buffer.fill(Rect(x: textX - 1, y: y, width: textWidth + 1, height: 1), style: .selected)
                    if row == visibleTop { buffer.put(buffer.glyphs.pointer, x: area.x, y: y, style: .selected, maxWidth: 1) }
                }
                let index = row - block.top
                if index < lines.count { buffer.put(lines[index], x: textX, y: y, maxWidth: textWidth) }
            }
        }
    }

    /// The title, then the detail, wrapped into at most `rows` lines of `width` cells; the
    /// last line ends with an ellipsis when text was left out.
    func textLines(_ entry: TimelineEntry, width: Int, rows: Int, selected: Bool, ellipsis: String) -> [StyledLine] {
        guard width > 0, rows > 0 else { return [] }
        let titleStyle: Style = selected ? Style.selected.bold() : Style.normal.bold()
        let detailStyle: Style = selected ? .selected : .dim
        var lines = TextWrap.lines(Sanitizer.clean(entry.title, keepNewlines: false), width: width)
            .map { (text: $0, style: titleStyle, isDetail: false) }
        if !entry.detail.isEmpty {
            lines += TextWrap.lines(Sanitizer.clean(entry.detail, keepNewlines: false), width: width)
                .map { (text: $0, style: detailStyle, isDetail: true) }
        }
        if lines.count > rows {
            // Only a title or a detail that is cut off gets an ellipsis; a whole title
            // with no room for the detail is simply a block too short for it.
            let cutsText = lines[rows - 1].isDetail == lines[rows].isDetail
            lines = Array(lines.prefix(rows))
            if cutsText { lines[rows - 1].text = Self.cut(lines[rows - 1].text, width: width, ellipsis: ellipsis) }
        }
        return lines.map { StyledLine($0.text, style: $0.style) }
    }

    /// `text` ended with an ellipsis, to say more follows, in at most `width` cells.
    static func cut(_ text: String, width: Int, ellipsis: String) -> String {
        let ellipsisWidth = TextWidth.of(ellipsis)
        guard width > ellipsisWidth else { return TextWrap.prefix(text, fitting: width).0 }
        var head = TextWrap.prefix(text, fitting: width - ellipsisWidth).0
        while head.last == " " { head.removeLast() }
        return head + ellipsis
    }

    /// The entry whose block covers axis row `row`.
    func entry(atRow row: Int) -> Int? {
        blocks.first { $0.contains(row: row) }?.entry
    }
}
