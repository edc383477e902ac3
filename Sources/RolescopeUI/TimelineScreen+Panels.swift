import RoleModel
import TerminalKit

// The selected entry, the time by category, the note, and the details view: the text
// beside or below the time axis.
extension TimelineScreen {
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
            // The sources on one line: when they wrap, their last line alone would be a
            // fragment with no "Sources:" before it.
            let sources = selectedEntry.map { "Sources: " + sourceNames($0.sources) } ?? ""
            let sourcesLine = StyledLine(TextWrap.truncate(Sanitizer.clean(sources, keepNewlines: false), width: width,
                                                           ellipsis: buffer.glyphs.ellipsis), style: .dim)
            (shown + [sourcesLine]).forEach(put)
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
