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
        hits = index.search(query, limit: 500).filter { if case .source = $0.target { return false }; return true }
        list = ListState(selected: hits.isEmpty ? nil : 0)
    }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        let hintRow = Rect(x: frame.x, y: frame.bottom - 1, width: frame.width, height: 1)
        let width = frame.width
        buffer.fill(hintRow)
        let prompt = "/" + query
        let used = buffer.put(prompt, x: 0, y: hintRow.y, style: .accent, maxWidth: width)
        if used < width { buffer.put("█", x: used, y: hintRow.y, style: .accent, maxWidth: 1) }
        let count = query.isEmpty ? "type to search everything"
            : "\(hits.count) match\(hits.count == 1 ? "" : "es") · ↑↓ choose · Enter go · Esc cancel"
        let countWidth = TextWidth.of(count)
        if width - countWidth - 1 > used + 2 { buffer.put(count, x: width - countWidth - 1, y: hintRow.y, style: .hint, maxWidth: countWidth) }
        guard !query.isEmpty else { return }
        let area = listOverlayArea(frame)
        buffer.fill(area)
        Box(title: "Search: \(query)").render(into: &buffer, area: area)
        let inner = Box.inner(area)
        if hits.isEmpty {
            buffer.put("No matches. Try a shorter or different word.", x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
            return
        }
        let titleWidth = min(40, inner.width / 2)
        let items = hits.map { hit -> StyledLine in
            StyledLine(spans: [Span(TextWrap.pad(TextWrap.truncate(hit.title, width: titleWidth - 1), to: titleWidth), style: .heading),
                        Span(Self.excerpt(hit, width: inner.width - titleWidth - 3))])
        }
        ListView(items).render(into: &buffer, area: inner, state: list)
    }

    /// The query being typed, on the hint row.
    func focus(frame: Rect) -> Point? {
        Point(x: min(frame.width - 1, 1 + TextWidth.of(query)), y: frame.bottom - 1)
    }

    /// The matched text with a little context, fitted to `width` cells.
    static func excerpt(_ hit: SearchHit, width: Int) -> String {
        let characters = Array(hit.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "))
        let start = max(0, hit.matchOffset - 12)
        let text = (start > 0 ? "…" : "") + String(characters[min(start, characters.count)...])
        return TextWrap.truncate(text, width: max(0, width))
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
        case .question(let q, _), .outcome(let q, _): return .questionnaire(id: q)
        case .timelineEntry(let id, let entry):
            guard let timeline = timeline(id: id) else { return nil }
            return .timeline(role: timeline.role, kind: timeline.kind, entry: entry)
        case .overlap(let id):
            guard let overlap = overlaps.first(where: { $0.id == id }) else { return nil }
            return .compare(roles: overlap.roles)
        case .transition(_, let to): return .profile(role: to, dimension: "ways-in")
        case .source: return nil
        }
    }
}
