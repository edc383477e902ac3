import RoleModel
import TerminalKit

/// The incremental search overlay: what is typed, the hits so far, the one selected, and
/// after Enter the list that n and N step through.
struct SearchState: Hashable, Sendable {
    var query = ""
    var hits: [SearchHit] = []
    var list = ListState()
    /// The last confirmed search, for n/N.
    var lastHits: [SearchHit] = []
    var lastIndex = 0

    mutating func begin() {
        query = ""
        hits = []
        list = ListState()
    }
}

extension AppModel {
    /// The hits the app can jump to (sources are citations, not places).
    mutating func appHits(_ query: String) -> [SearchHit] {
        ensureSearchIndex()
        return searchIndex!.search(query, limit: 500).filter { if case .source = $0.target { return false }; return true }
    }

    mutating func updateSearch(_ event: Event) -> AppEffect {
        let visible = max(1, searchArea.height - 3)
        if let wheel = event.wheel {
            search.list.move(by: wheel, count: search.hits.count, visibleRows: visible)
            return .none
        }
        switch event {
        case .key(.escape), .key(.ctrl("g")):
            overlay = nil
        case .key(.enter):
            overlay = nil
            guard let index = search.list.selected, search.hits.indices.contains(index) else { return .none }
            search.lastHits = search.hits
            search.lastIndex = index
            jump(to: search.hits[index])
        case .key(.backspace):
            if search.query.isEmpty { overlay = nil } else {
                search.query.removeLast()
                refreshHits()
            }
        case .key(.ctrl("u")):
            search.query = ""
            refreshHits()
        case .key(.down), .key(.ctrl("n")), .key(.tab):
            search.list.move(by: 1, count: search.hits.count, visibleRows: visible)
        case .key(.up), .key(.ctrl("p")), .key(.backTab):
            search.list.move(by: -1, count: search.hits.count, visibleRows: visible)
        case .key(.pageDown): search.list.page(by: 1, count: search.hits.count, visibleRows: visible)
        case .key(.pageUp): search.list.page(by: -1, count: search.hits.count, visibleRows: visible)
        case .key(.char(let c)):
            search.query.append(c)
            refreshHits()
        default: break
        }
        return .none
    }

    private mutating func refreshHits() {
        search.hits = appHits(search.query)
        search.list = ListState(selected: search.hits.isEmpty ? nil : 0)
    }

    mutating func stepHit(by delta: Int) {
        guard !search.lastHits.isEmpty else { return }
        search.lastIndex = (search.lastIndex + delta + search.lastHits.count) % search.lastHits.count
        jump(to: search.lastHits[search.lastIndex])
    }

    mutating func jump(to hit: SearchHit) {
        guard let destination = destination(for: hit.target) else { return }
        open(destination)
    }

    func destination(for target: SearchTarget) -> Destination? {
        switch target {
        case .role(let role): return .profile(role: role, dimension: nil)
        case .value(let role, let dimension): return .profile(role: role, dimension: dimension)
        case .question(let q, _), .outcome(let q, _): return .questionnaire(id: q)
        case .timelineEntry(let id, let entry):
            guard let timeline = catalog.timeline(id: id) else { return nil }
            return .timeline(role: timeline.role, kind: timeline.kind, entry: entry)
        case .overlap(let id):
            guard let overlap = catalog.overlaps.first(where: { $0.id == id }) else { return nil }
            return .compare(roles: overlap.roles)
        case .transition(_, let to): return .profile(role: to, dimension: "ways-in")
        case .source: return nil
        }
    }
}
