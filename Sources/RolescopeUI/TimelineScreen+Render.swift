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
        let roles = pickerRoles
        return RolePicker(label: partner != nil ? title(of: role) + " vs" : "Role:", titles: roles.map { title(of: $0) },
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
        return glyphs.isUnicode ? text : text.replacingOccurrences(of: "–", with: "-")
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

    // MARK: Selected entry, legend, note

    /// The selected entry for the side panel: time, category, title, detail, sources.
    func entryLines(width: Int, glyphs: Glyphs) -> [StyledLine] {
        guard let entry = selectedEntry, width > 0 else { return [] }
        let mark = CategoryMark(catalog: catalog, id: entry.category)
        // "[O] 09:00–09:45 · 45m", with the category's name when it fits.
        var head = StyledLine(spans: [Span(mark.bracketed, style: mark.style), Span(" " + timeText(entry, glyphs: glyphs), style: .heading)])
        let named = StyledLine(spans: head.spans + [Span(glyphs.dot + mark.title, style: .heading)])
        if named.width <= width { head = named }
        var lines = head.wrapped(width: width)
        lines += TextWrap.lines(Sanitizer.clean(entry.title, keepNewlines: false), width: width).map { StyledLine($0, style: Style.normal.bold()) }
        if !entry.detail.isEmpty {
            lines += TextWrap.lines(Sanitizer.clean(entry.detail, keepNewlines: false), width: width).map { StyledLine($0) }
        }
        lines += TextWrap.lines("Sources: " + sourceNames(entry.sources), width: width).map { StyledLine($0, style: .dim) }
        return lines
    }

    func renderPanel(into buffer: inout Buffer, layout: TimelineLayout, timeline: Timeline) {
        let area = layout.panel
        if let x = layout.panelSeparatorX {
            for y in area.y..<area.bottom { buffer.put(buffer.glyphs.vertical, x: x, y: y, style: .border, maxWidth: 1) }
        }
        guard !area.isEmpty else { return }
        let width = area.width
        let status = self.status.map { TextWrap.lines($0, width: width).map { StyledLine($0, style: .warning) } + [.empty] } ?? []
        let entry = entryLines(width: width, glyphs: buffer.glyphs)
        let legend = CategoryLegend(timeline: timeline, catalog: catalog)
        let legendLines = legend.lines(width: width)
        let note = Sanitizer.clean(timeline.note ?? "", keepNewlines: false)
        let notes = note.isEmpty ? [] : TextWrap.lines(note, width: width)
        // Share the rows: the status, at least four lines of the entry, the whole legend
        // and at least two lines of the note; then the rest of the entry, then the note.
        let legendRows = 2 + legendLines.count
        var entryRows = min(entry.count, 4)
        var noteRows = notes.isEmpty ? 0 : min(notes.count + 1, 3)
        var spare = area.height - status.count - entryRows - 1 - legendRows - (noteRows > 0 ? 1 : 0) - noteRows
        let moreEntry = min(max(0, spare), entry.count - entryRows)
        entryRows += moreEntry
        spare -= moreEntry
        if noteRows > 0 { noteRows += min(max(0, spare), notes.count + 1 - noteRows) }

        var y = area.y
        func put(_ line: StyledLine) {
            guard y < area.bottom else { return }
            buffer.put(line, x: area.x, y: y, maxWidth: width)
            y += 1
        }
        status.forEach(put)
        if entryRows < entry.count, entryRows >= 2 {
            // Keep the sources line; cut the detail above it.
            var shown = Array(entry.prefix(entryRows - 1))
            let last = shown[shown.count - 1]
            shown[shown.count - 1] = StyledLine(DayColumn.cut(last.text, width: width, ellipsis: buffer.glyphs.ellipsis),
                                                style: last.spans.first?.style ?? .normal)
            (shown + [entry[entry.count - 1]]).forEach(put)
        } else {
            entry.prefix(entryRows).forEach(put)
        }
        y += 1
        put(StyledLine(spans: [Span("Time by category", style: .heading),
                               Span(buffer.glyphs.dot + CategoryLegend.amountText(legend.total, kind: timeline.kind), style: .dim)]))
        if y < area.bottom {
            legend.renderBar(into: &buffer, area: Rect(x: area.x, y: y, width: width, height: 1))
            y += 1
        }
        legendLines.forEach(put)
        guard noteRows > 0, y + 1 < area.bottom else { return }
        y += 1
        let shownNotes = min(noteRows - 1, area.bottom - y - 1)
        let cut = shownNotes < notes.count
        put(StyledLine(spans: [Span("About this \(timeline.kind.rawValue)", style: .heading)]
                       + (cut ? [Span(buffer.glyphs.dot + "Enter for all", style: .dim)] : [])))
        for (index, text) in notes.prefix(shownNotes).enumerated() {
            let shown = cut && index == shownNotes - 1 ? DayColumn.cut(text, width: width, ellipsis: buffer.glyphs.ellipsis) : text
            put(StyledLine(shown, style: .dim))
        }
    }

    /// The narrow views' entry pane: mark, time and title; a line of detail when there is
    /// room; and the sources on the last row.
    func renderEntryPane(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty, let pick = selectedPick, let entry = selectedEntry else { return }
        let mark = CategoryMark(catalog: catalog, id: entry.category)
        var spans = [Span(mark.bracketed, style: mark.style)]
        if partner != nil { spans.append(Span(" " + title(of: pick.column == 0 ? role : partner ?? role) + ":", style: .heading)) }
        spans += [Span(" " + slotText(entry, glyphs: buffer.glyphs), style: .dim), Span("  " + entry.title, style: Style.normal.bold())]
        buffer.putTruncated(StyledLine(spans: spans), x: area.x, y: area.y, maxWidth: area.width)
        var y = area.y + 1
        if area.height >= 3, !entry.detail.isEmpty {
            let detail = Self.wrap(entry.detail, width: area.width - 4, maxLines: area.height - 2, ellipsis: buffer.glyphs.ellipsis)
            for line in detail {
                buffer.put(line, x: area.x + 4, y: y, style: .normal, maxWidth: area.width - 4)
                y += 1
            }
        }
        if y < area.bottom {
            buffer.putTruncated("Sources: " + sourceNames(entry.sources), x: area.x + 4, y: y, style: .dim, maxWidth: area.width - 4)
        }
    }

    /// The status when there is one, else the legend of the categories on screen.
    func renderFooter(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        if let status {
            buffer.putTruncated(status, x: area.x, y: area.y, style: .warning, maxWidth: area.width)
            return
        }
        let line: StyledLine
        if partner != nil {
            let used = Set(columns.flatMap { $0.entries.map(\.category) })
            var spans: [Span] = []
            for category in catalog.categories where used.contains(category.id) {
                let mark = CategoryMark(catalog: catalog, id: category.id)
                if !spans.isEmpty { spans.append(Span("  ")) }
                spans += [Span(mark.bracketed, style: mark.style), Span(" " + mark.title)]
            }
            line = StyledLine(spans: spans)
        } else if let first = columns.first {
            line = CategoryLegend(timeline: first, catalog: catalog).inlineLine()
        } else {
            return
        }
        buffer.putTruncated(line, x: area.x, y: area.y, maxWidth: area.width)
    }

    // MARK: Details

    /// Room for the details' text: a margin on the left, a gap and the scrollbar on the right.
    func detailsTextWidth(_ width: Int) -> Int { max(1, width - 3) }

    /// Everything about the selected entry, then about its timeline: the full detail, the
    /// sources by name, the provenance and the whole note.
    func detailsLines(width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        guard let pick = selectedPick, let entry = selectedEntry, width > 0 else { return [] }
        let timeline = columns[pick.column]
        let mark = CategoryMark(catalog: catalog, id: entry.category)
        var lines: [StyledLine] = []
        /// Wraps `text`; with a `bullet`, later lines hang under the text, not the bullet.
        func add(_ text: String, _ style: Style = .normal, bullet: String? = nil) {
            let prefix = bullet.map { $0 + " " } ?? ""
            let indent = String(repeating: " ", count: TextWidth.of(prefix))
            let wrapped = TextWrap.lines(Sanitizer.clean(text, keepNewlines: false), width: max(1, width - indent.count))
            lines += wrapped.enumerated().map { StyledLine(($0.offset == 0 ? prefix : indent) + $0.element, style: style) }
        }
        add(entry.title, Style.heading)
        add(title(of: timeline.role) + glyphs.dot + timeText(entry, glyphs: glyphs), .dim)
        var category = [Span(mark.bracketed, style: mark.style), Span(" " + mark.title)]
        if let help = catalog.category(entry.category)?.help { category.append(Span(": " + help, style: .dim)) }
        lines += StyledLine(spans: category).wrapped(width: width)
        if !entry.detail.isEmpty {
            lines.append(.empty)
            add(entry.detail)
        }
        lines.append(.empty)
        add("Sources", .heading)
        for id in entry.sources {
            guard let source = catalog.source(id) else { add(id, bullet: glyphs.bullet); continue }
            add(source.short + ": " + source.title + ". " + source.publisher + ", " + source.date + ".", bullet: glyphs.bullet)
        }
        lines.append(.empty)
        add("About this \(timeline.kind.rawValue): " + timeline.title, .heading)
        let provenance = provenanceText(timeline)
        add(provenance.text, provenance.style)
        if let note = timeline.note, !note.isEmpty {
            lines.append(.empty)
            add(note)
        }
        return lines
    }

    func renderDetails(into buffer: inout Buffer, area: Rect) {
        let lines = detailsLines(width: detailsTextWidth(area.width), glyphs: buffer.glyphs)
        let viewArea = Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: area.height)
        Viewport(lines).render(into: &buffer, area: viewArea, state: ViewportState(offset: detailsOffset ?? 0))
    }
}

extension Glyphs {
    /// " · " between the parts of a line, or " - " where the terminal is ASCII only.
    var dot: String { isUnicode ? " · " : " - " }
}
