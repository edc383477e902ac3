import RoleModel
import TerminalKit

/// The incremental search: what is typed, the hits so far and the one selected. Enter
/// opens the selected hit and leaves the list for `n` and `N` to step through.
struct SearchOverlay: Overlay {
    let index: SearchIndex
    let keymap: Keymap
    var query = ""
    var hits: [SearchHit] = []
    var list = ListState()
    var visibleRows = 1

    init(index: SearchIndex, keymap: Keymap) {
        self.index = index
        self.keymap = keymap
    }

    var section: String { "Search" }
    var editsText: Bool { true }
    var commands: [Command] {
        [Command(.down, "choose"), Command(.up, "choose", hint: false), Command(.open, "go"), Command(.back, "cancel")]
    }

    /// Printable keys type; the arrows, page keys, Enter and Esc move, go and cancel.
    mutating func type(_ key: Key) -> ScreenResult {
        switch key {
        case .escape, .ctrl("g"): return .done([.close])
        case .enter: return perform(.open)
        case .backspace:
            if query.isEmpty { return .done([.close]) }
            query.removeLast()
            refresh()
        case .ctrl("u"):
            query = ""
            refresh()
        case .down, .ctrl("n"), .tab: return perform(.down)
        case .up, .ctrl("p"), .backTab: return perform(.up)
        case .pageDown: return perform(.pageDown)
        case .pageUp: return perform(.pageUp)
        case .char(let c):
            query.append(c)
            refresh()
        default: break
        }
        return .handled
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        if let movement = action.movement {
            list.apply(movement, count: hits.count, visibleRows: visibleRows)
            return .handled
        }
        switch action {
        case .open:
            guard let selected = list.selected, hits.indices.contains(selected) else { return .done([.close]) }
            return .done([.close, .searched(hits, selected: selected)])
        case .back: return .done([.close])
        default: return .ignored
        }
    }

    /// The wheel moves through the hits.
    mutating func wheel(_ delta: Int) { list.move(by: delta, count: hits.count, visibleRows: visibleRows) }

    private mutating func refresh() {
        hits = index.search(query, limit: 500, prefixLast: true).filter { $0.target.place != .source }
        list = ListState(selected: hits.isEmpty ? nil : 0)
    }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        let hintRow = Rect(x: frame.x, y: frame.bottom - 1, width: frame.width, height: 1)
        let width = frame.width
        buffer.fill(hintRow)
        let prompt = "/" + query
        let used = buffer.put(prompt, x: 0, y: hintRow.y, style: .accent, maxWidth: width)
        if used < width { buffer.put("█", x: used, y: hintRow.y, style: .accent, maxWidth: 1) }
        let position = list.selected.map { "\($0 + 1) of \(hits.count)" } ?? "0 of 0"
        let count = query.isEmpty ? "type to search everything · role:de in:timeline narrow it"
            : "\(position) · ↑↓ choose · Enter go · Esc cancel"
        let countWidth = TextWidth.of(count)
        if width - countWidth - 1 > used + 2 { buffer.put(count, x: width - countWidth - 1, y: hintRow.y, style: .hint, maxWidth: countWidth) }
        guard !query.isEmpty else { return }
        let area = listOverlayArea(frame)
        clearBehind(area, frame: frame, in: &buffer)
        Box(title: "Search: \(query)").render(into: &buffer, area: area)
        let inner = Box.inner(area)
        if hits.isEmpty {
            buffer.put("No matches. Try a shorter or different word.", x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
            return
        }
        let rows = self.rows
        let offset = rowOffset(rows: rows, visible: inner.height)
        let titleWidth = min(40, inner.width / 3)
        for (line, row) in rows.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + line
            switch row {
            case .heading(let place):
                buffer.putTruncated(StyledLine(place.title, style: Style.heading.bold()), x: inner.x, y: y, maxWidth: inner.width)
            case .hit(let index):
                let hit = hits[index]
                let selected = index == list.selected
                if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .selected) }
                let base: Style = selected ? .selected : .normal
                buffer.putTruncated(StyledLine(spans: [Span(TextWrap.pad(TextWrap.truncate(" " + hit.title, width: titleWidth - 1), to: titleWidth),
                                                          style: selected ? .selected : .heading)]),
                                    x: inner.x, y: y, maxWidth: titleWidth)
                let excerpt = Self.excerpt(hit, width: inner.width - titleWidth - 1, base: base)
                buffer.putTruncated(excerpt, x: inner.x + titleWidth, y: y, maxWidth: inner.width - titleWidth)
            }
        }
    }

    enum Row: Hashable { case heading(SearchPlace), hit(Int) }

    /// The results as drawn: a heading where the kind of place changes, then its hits.
    var rows: [Row] {
        var rows: [Row] = []
        var place: SearchPlace?
        for (index, hit) in hits.enumerated() {
            if hit.target.place != place {
                place = hit.target.place
                rows.append(.heading(hit.target.place))
            }
            rows.append(.hit(index))
        }
        return rows
    }

    /// The first row shown: as little scrolled as keeps the selected hit (and its group's
    /// heading, when it is the group's first) in view.
    func rowOffset(rows: [Row], visible: Int) -> Int {
        guard let selected = list.selected, let row = rows.firstIndex(of: .hit(selected)), visible > 0 else { return 0 }
        let top = row > 0 && rows[row - 1] != .hit(selected - 1) ? row - 1 : row
        return max(0, min(top, row - visible + 1))
    }

    /// The query being typed, on the hint row.
    func focus(frame: Rect) -> Point? {
        Point(x: min(frame.width - 1, 1 + TextWidth.of(query)), y: frame.bottom - 1)
    }

    /// The hit's text around its first match, as much as fills `width` cells, with the
    /// matched words bold and underlined (a style, so `NO_COLOR` shows it too).
    static func excerpt(_ hit: SearchHit, width: Int, base: Style) -> StyledLine {
        let characters = Array(hit.text).map { $0.isNewline ? " " : $0 }
        let first = hit.ranges.first ?? 0..<0
        // A little context before the first match; the rest of the width after it.
        let start = max(0, min(first.lowerBound - max(4, width / 5), characters.count - width + 1, characters.count))
        var spans: [Span] = start > 0 ? [Span("…", style: base)] : []
        var index = start
        for range in hit.ranges where range.lowerBound >= index && range.upperBound <= characters.count {
            spans.append(Span(String(characters[index..<range.lowerBound]), style: base))
            spans.append(Span(String(characters[range]), style: base.bold().underline()))
            index = range.upperBound
        }
        spans.append(Span(String(characters[index...]), style: base))
        return StyledLine(spans: spans)
    }
}

/// The last search's hits after Enter, for `n` and `N`.
struct SearchTrail: Hashable, Sendable {
    var hits: [SearchHit]
    var index: Int
}

extension Catalog {
    /// Where a search hit opens (sources are citations, not places).
    func destination(for target: SearchTarget) -> Destination? {
        switch target {
        case .role(let role): return .profile(role: role, dimension: nil)
        case .value(let role, let dimension): return .profile(role: role, dimension: dimension)
        case .question(let q, let id): return .question(questionnaire: q, question: id)
        case .outcome(let q, let id): return .outcome(questionnaire: q, outcome: id)
        case .timelineEntry(let id, let entry):
            guard let timeline = timeline(id: id) else { return nil }
            return .timeline(role: timeline.role, kind: timeline.kind, entry: entry)
        case .overlap(let id): return .overlap(id: id)
        case .transition(let from, let to): return .plan(role: to, background: from)
        case .source: return nil
        }
    }
}
