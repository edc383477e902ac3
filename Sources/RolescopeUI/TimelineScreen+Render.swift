import RoleModel
import TerminalKit

/// Where each part of the timeline screen goes. `update` (for paging and clicks) and
/// `render` both derive it from the same function, so they always agree.
struct TimelineLayout: Hashable, Sendable {
    var picker = Rect.zero
    var title = Rect.zero
    /// Sourced or composed: one role's, or each compared role's under its name.
    var provenance = Rect.zero
    /// The first lines of the timeline's note (narrow layouts with rows to spare).
    var note = Rect.zero
    /// The compared roles' names over their columns.
    var heads = Rect.zero
    /// The stacked bar(s) of time by category.
    var bars = Rect.zero
    /// The time axis and the block columns.
    var body = Rect.zero
    /// Wide single view: the selected entry, the time by category and the note.
    var panel = Rect.zero
    var panelSeparatorX: Int?
    /// Narrow and side-by-side views: the selected entry, then the legend or the status.
    var entry = Rect.zero
    var footer = Rect.zero
}

/// The body split into the axis labels, the axis line and one or two block columns.
struct BodyGeometry: Hashable, Sendable {
    var labels: Rect
    var lineX: Int
    var columns: [Rect]
    var separators: [Int]
}

extension TimelineScreen {
    /// From this width the single view puts the details in a panel beside the axis.
    static let wideWidth = 80

    // MARK: Layout

    func layout(in area: Rect) -> TimelineLayout {
        var layout = TimelineLayout()
        guard !area.isEmpty, let first = columns.first else { return layout }
        var rest = area
        (layout.picker, rest) = rest.splitTop(1)
        if partner != nil {
            (layout.heads, rest) = rest.splitTop(1)
            let width = bodyGeometry(Rect(x: 0, y: 0, width: area.width, height: 1)).columns[0].width - 1
            let cap = area.height >= 20 ? 3 : 2
            let rows = columns.map { provenanceLines($0, width: width, maxLines: cap).count }.max() ?? 1
            (layout.provenance, rest) = rest.splitTop(rows)
            (layout.bars, rest) = rest.splitTop(1)
            (rest, layout.footer) = rest.splitBottom(1)
            (rest, layout.entry) = rest.splitBottom(area.height >= 24 ? 3 : 2)
            layout.body = rest
        } else if area.width >= Self.wideWidth {
            (layout.title, rest) = rest.splitTop(1)
            (layout.provenance, rest) = rest.splitTop(provenanceLines(first, width: area.width, maxLines: 2).count)
            let panelWidth = min(56, max(30, area.width * 2 / 5))
            let separatorX = area.right - panelWidth - 2
            layout.panel = Rect(x: area.right - panelWidth, y: rest.y, width: panelWidth, height: rest.height)
            layout.panelSeparatorX = separatorX
            layout.body = Rect(x: rest.x, y: rest.y, width: separatorX - 1 - rest.x, height: rest.height)
        } else {
            let provenanceRows = provenanceLines(first, width: area.width, maxLines: 2).count
            // Below the picker, provenance, bar, a two-row entry and the footer, keep six
            // rows of axis; spend what is left on the title, a third entry row, the note.
            var spare = area.height - 1 - provenanceRows - 1 - 2 - 1 - 6
            let titleRows = spare >= 1 ? 1 : 0
            spare -= titleRows
            let entryRows = spare >= 4 ? 3 : 2
            spare -= entryRows - 2
            let noteRows = min(3, max(0, spare - 8), noteLines(first, width: area.width).count)
            (layout.title, rest) = rest.splitTop(titleRows)
            (layout.provenance, rest) = rest.splitTop(provenanceRows)
            (layout.note, rest) = rest.splitTop(noteRows)
            (layout.bars, rest) = rest.splitTop(1)
            (rest, layout.footer) = rest.splitBottom(1)
            (rest, layout.entry) = rest.splitBottom(entryRows)
            layout.body = rest
        }
        return layout
    }

    func bodyGeometry(_ body: Rect) -> BodyGeometry {
        let labelWidth = shownKind == .day ? 5 : 6
        let labels = Rect(x: body.x, y: body.y, width: min(labelWidth, body.width), height: body.height)
        let lineX = body.x + labelWidth + 1
        let rest = Rect(x: lineX + 1, y: body.y, width: body.right - lineX - 1, height: body.height)
        guard partner != nil else { return BodyGeometry(labels: labels, lineX: lineX, columns: [rest], separators: []) }
        // A space, then the line between the two days.
        let parts = rest.splitHorizontally([.fill(1), .length(2), .fill(1)])
        return BodyGeometry(labels: labels, lineX: lineX, columns: [parts[0], parts[2]], separators: [parts[1].x + 1])
    }

    func axis(rows: Int) -> TimeAxis {
        TimeAxis(kind: shownKind, timelines: columns, rows: rows)
    }

    /// The first axis row shown: the stored offset clamped to the content, moved to keep
    /// the selected block in view while the view follows the selection.
    func visibleOffset(in layout: TimelineLayout) -> Int {
        let visible = layout.body.height
        let axis = self.axis(rows: visible)
        let blocks = columns.map { axis.blocks(for: $0) }
        let total = max(axis.rowCount, blocks.joined().map(\.bottom).max() ?? 0)
        var top = min(max(0, offset), max(0, total - visible))
        if followsSelection, visible > 0, let pick = selectedPick,
           let block = blocks[pick.column].first(where: { $0.entry == pick.entry }) {
            if block.top < top {
                top = block.top
            } else if block.bottom > top + visible {
                top = min(block.top, block.bottom - visible)
            }
        }
        return top
    }

    // MARK: Texts

    /// The roles the picker offers: all with a timeline, or in a comparison the other
    /// roles with a day.
    var pickerRoles: [String] { partner != nil ? dayRoles.filter { $0 != role } : roleIDs }

    var rolePicker: RolePicker {
        guard partner != nil else { return RolePicker(label: "Role:", titles: roleTitles, selected: roleIDs.firstIndex(of: role)) }
        let roles = pickerRoles
        return RolePicker(label: title(of: role) + " vs", titles: roles.map { title(of: $0) },
                          selected: roles.firstIndex(of: partner ?? role))
    }

    func sourceNames(_ ids: [String]) -> String {
        ids.map { catalog.source($0)?.short ?? $0 }.joined(separator: ", ")
    }

    /// Where a timeline comes from, in words: composed ones say so plainly.
    func provenanceText(_ timeline: Timeline) -> (text: String, style: Style) {
        let names = sourceNames(timeline.sources)
        switch timeline.provenance {
        case .sourced:
            return ("Sourced from " + (names.isEmpty ? "an article" : names), .hint)
        case .composed:
            return ("Composed from the role's responsibilities, not a \(timeline.kind.rawValue) an article describes"
                        + (names.isEmpty ? "" : " (based on \(names))"), .warning)
        }
    }

    func provenanceLines(_ timeline: Timeline, width: Int, maxLines: Int, ellipsis: String = "…") -> [StyledLine] {
        let (text, style) = provenanceText(timeline)
        return Self.wrap(text, width: width, maxLines: maxLines, ellipsis: ellipsis).map { StyledLine($0, style: style) }
    }

    func noteLines(_ timeline: Timeline, width: Int) -> [String] {
        guard let note = timeline.note, !note.isEmpty else { return [] }
        return TextWrap.lines("Note: " + Sanitizer.clean(note, keepNewlines: false), width: width)
    }

    /// `text` wrapped to `width`, at most `maxLines` lines, the last ending in an ellipsis
    /// when some was left out.
    static func wrap(_ text: String, width: Int, maxLines: Int, ellipsis: String) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines = TextWrap.lines(Sanitizer.clean(text, keepNewlines: false), width: width)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = DayColumn.cut(lines[maxLines - 1], width: width, ellipsis: ellipsis)
        }
        return lines
    }

    /// "09:00–09:45 · 45m" or "Tuesday–Wednesday · 2 days".
    func timeText(_ entry: TimelineEntry, glyphs: Glyphs) -> String {
        slotText(entry, glyphs: glyphs) + glyphs.dot + CategoryLegend.amountText(entry.slot.length, kind: shownKind)
    }

    /// "09:00–09:45", with a plain hyphen where the terminal has no en dash.
    func slotText(_ entry: TimelineEntry, glyphs: Glyphs) -> String {
        let text = entry.slot.text(for: shownKind)
        return glyphs.isUnicode ? text : text.replacing("–", with: "-")
    }

    // MARK: Render

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        guard let first = columns.first else {
            buffer.putTruncated(roleIDs.isEmpty ? "This catalog has no timelines." : "No timeline for \(title(of: role)).",
                                x: area.x + 1, y: area.y, style: .hint, maxWidth: area.width - 1)
            return
        }
        if detailsOffset != nil {
            renderDetails(into: &buffer, area: area)
            return
        }
        let layout = self.layout(in: area)
        rolePicker.render(into: &buffer, area: layout.picker)
        let geometry = bodyGeometry(layout.body)
        if partner != nil {
            renderPairHeader(into: &buffer, layout: layout, geometry: geometry)
        } else {
            if !layout.title.isEmpty {
                buffer.putTruncated(first.title, x: layout.title.x, y: layout.title.y, style: Style.heading, maxWidth: layout.title.width)
            }
            let provenance = provenanceLines(first, width: layout.provenance.width, maxLines: layout.provenance.height,
                                             ellipsis: buffer.glyphs.ellipsis)
            for (index, line) in provenance.enumerated() {
                buffer.put(line, x: layout.provenance.x, y: layout.provenance.y + index, maxWidth: layout.provenance.width)
            }
            let note = Self.wrap(noteLines(first, width: layout.note.width).joined(separator: " "), width: layout.note.width,
                                 maxLines: layout.note.height, ellipsis: buffer.glyphs.ellipsis)
            for (index, line) in note.enumerated() {
                buffer.put(line, x: layout.note.x, y: layout.note.y + index, style: .dim, maxWidth: layout.note.width)
            }
            if !layout.bars.isEmpty, let column = geometry.columns.first {
                CategoryLegend(timeline: first, catalog: catalog)
                    .renderBar(into: &buffer, area: Rect(x: column.x + 1, y: layout.bars.y, width: column.width - 1, height: 1))
            }
        }
        renderBody(into: &buffer, layout: layout, geometry: geometry)
        if !layout.panel.isEmpty {
            renderPanel(into: &buffer, layout: layout, timeline: first)
        } else {
            renderEntryPane(into: &buffer, area: layout.entry)
            renderFooter(into: &buffer, area: layout.footer)
        }
    }

    func renderPairHeader(into buffer: inout Buffer, layout: TimelineLayout, geometry: BodyGeometry) {
        for (index, timeline) in columns.enumerated() where index < geometry.columns.count {
            let column = geometry.columns[index]
            let x = column.x + 1, width = column.width - 1
            let name = title(of: index == 0 ? role : partner ?? role)
            if !layout.heads.isEmpty {
                buffer.putTruncated(name, x: x, y: layout.heads.y, style: Style.heading, maxWidth: width)
            }
            let lines = provenanceLines(timeline, width: width, maxLines: layout.provenance.height, ellipsis: buffer.glyphs.ellipsis)
            for (row, line) in lines.enumerated() {
                buffer.put(line, x: x, y: layout.provenance.y + row, maxWidth: width)
            }
            CategoryLegend(timeline: timeline, catalog: catalog)
                .renderBar(into: &buffer, area: Rect(x: x, y: layout.bars.y, width: width, height: layout.bars.height))
        }
    }

    func renderBody(into buffer: inout Buffer, layout: TimelineLayout, geometry: BodyGeometry) {
        let body = layout.body
        guard !body.isEmpty else { return }
        let axis = self.axis(rows: body.height)
        let columns = self.columns
        let blocks = columns.map { axis.blocks(for: $0) }
        let total = max(axis.rowCount, blocks.joined().map(\.bottom).max() ?? 0)
        let top = visibleOffset(in: layout)
        let shownRows = min(body.height, total - top)
        for label in axis.labels where label.row >= top && label.row < top + shownRows {
            buffer.put(label.text, x: geometry.labels.x, y: body.y + label.row - top, style: .normal, maxWidth: geometry.labels.width)
        }
        for row in 0..<max(0, shownRows) {
            buffer.put(buffer.glyphs.vertical, x: geometry.lineX, y: body.y + row, style: .border, maxWidth: 1)
            for x in geometry.separators {
                buffer.put(buffer.glyphs.vertical, x: x, y: body.y + row, style: .border, maxWidth: 1)
            }
        }
        // Where the day ends, if the view reaches past it.
        if shownKind == .day, total - top < body.height, total >= top {
            buffer.put(TimeSlot.clockText(axis.end), x: geometry.labels.x, y: body.y + total - top, style: .normal,
                       maxWidth: geometry.labels.width)
            buffer.put(buffer.glyphs.bottomLeft, x: geometry.lineX, y: body.y + total - top, style: .border, maxWidth: 1)
        }
        // Arrows on the axis line say there is more of the day above or below.
        if top > 0 {
            buffer.put(buffer.glyphs.arrowUp, x: geometry.lineX, y: body.y, style: .accent, maxWidth: 1)
        }
        if top + body.height < total {
            buffer.put(buffer.glyphs.arrowDown, x: geometry.lineX, y: body.bottom - 1, style: .accent, maxWidth: 1)
        }
        let pick = selectedPick
        for (index, timeline) in columns.enumerated() where index < geometry.columns.count {
            DayColumn(timeline: timeline, blocks: blocks[index], catalog: catalog,
                      selected: pick?.column == index ? pick?.entry : nil)
                .render(into: &buffer, area: geometry.columns[index], offset: top)
        }
    }
}
