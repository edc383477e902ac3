import RoleModel
import TerminalKit

/// The Timeline tab: a role's day hour by hour (or its week half-day by half-day) on a
/// vertical time axis, two roles' days side by side on one clock, the time each spends
/// per category, and where every timeline comes from (retold from an article, or
/// composed from the role's responsibilities).
///
/// Levels: the single timeline is the top; a comparison (`c`) and an entry's details
/// (Enter) sit below it, and Esc/q/h/Left/Backspace climb back out.
public struct TimelineScreen: Screen {
    /// An entry on screen: which column (0, or 1 for the second role of a comparison).
    struct Pick: Hashable, Sendable {
        var column: Int
        var entry: Int
    }

    enum Level: Hashable, Sendable { case single, pair, details }

    private(set) var catalog: Catalog

    /// Shows `catalog` (the app's, or its copy with pay hidden).
    public mutating func setPay(hidden: Bool, catalog: Catalog) { self.catalog = catalog }
    /// Roles with at least one timeline, in catalog order: the picker's choices.
    let roleIDs: [String]
    /// The titles of `roleIDs`, in the same order.
    let roleTitles: [String]
    /// The title of each role in `roleIDs`, and each role's first timeline of each kind (an
    /// index into `catalog.timelines`): a frame asks for these many times, and scanning a
    /// catalog of thousands of roles for each answer made a frame take tens of milliseconds.
    let titleByID: [String: String]
    let timelineIndex: [String: [TimelineKind: Int]]
    private(set) var role: String
    private(set) var kind: TimelineKind
    /// The second role while two days are compared side by side.
    private(set) var partner: String?
    /// The selected entry, an index into `picks`.
    private(set) var selection = 0
    /// The first axis row shown.
    private(set) var offset = 0
    /// Whether the axis scrolls to keep the selected entry in view; a page key or the
    /// wheel moves the view by hand and turns this off until the selection moves.
    private(set) var followsSelection = true
    /// The selected entry's details, scrolled to this line; nil when they are closed.
    private(set) var detailsOffset: Int?
    /// A one-off message about the last key ("No week for AI Engineer ..."), cleared by
    /// the next key the screen handles.
    private(set) var status: String?
    private(set) var width = 0
    private(set) var height = 0

    /// Opens on the first role that has a day.
    public init(catalog: Catalog) {
        self.catalog = catalog
        var timelineIndex: [String: [TimelineKind: Int]] = [:]
        for (index, timeline) in catalog.timelines.enumerated() where timelineIndex[timeline.role]?[timeline.kind] == nil {
            timelineIndex[timeline.role, default: [:]][timeline.kind] = index
        }
        self.timelineIndex = timelineIndex
        let roles = catalog.roles.filter { timelineIndex[$0.id] != nil }
        roleIDs = roles.map(\.id)
        roleTitles = roles.map(\.title)
        titleByID = Dictionary(roles.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let first = roleIDs.first { timelineIndex[$0]?[.day] != nil } ?? roleIDs.first ?? ""
        role = first
        kind = timelineIndex[first]?[.day] != nil ? .day : .week
    }

    /// The role's first timeline of `kind`, as `Catalog.timeline(for:kind:)` finds it.
    func timeline(for role: String, kind: TimelineKind) -> Timeline? {
        timelineIndex[role]?[kind].map { catalog.timelines[$0] }
    }

    /// Shows `role`'s day or week with `entry` selected and scrolled into view. A role
    /// without that kind shows what it has, and the status line says so.
    public mutating func show(role id: String, kind wanted: TimelineKind, entry: Int?) {
        status = nil
        detailsOffset = nil
        partner = nil
        guard let id = resolve(id) else {
            status = "No timeline for \(id)."
            settle()
            return
        }
        role = id
        if timeline(for: id, kind: wanted) != nil {
            kind = wanted
            selection = entry ?? 0
        } else {
            kind = wanted == .day ? .week : .day
            selection = 0
            status = "\(title(of: id)) has no \(wanted.rawValue); showing the \(kind.rawValue)."
        }
        offset = 0
        followsSelection = true
        settle()
    }

    /// Shows two roles' days side by side. If `second` has no day (or is `first`), the
    /// next role with one is compared instead.
    public mutating func showPair(_ first: String, _ second: String) {
        show(role: first, kind: .day, entry: nil)
        guard kind == .day, status == nil else { return }
        if let other = resolve(second), other != role, timeline(for: other, kind: .day) != nil {
            partner = other
            selection = 0
            settle()
        } else {
            enterPair()
            if let partner {
                status = resolve(second) == role
                    ? "A day is compared with another role's; comparing with \(title(of: partner))."
                    : "\(title(of: second)) has no day to compare; comparing with \(title(of: partner))."
            }
            settle()
        }
    }

    /// The role, day or week, and compared role on screen, for the state file.
    public var place: (role: String?, kind: TimelineKind, partner: String?) {
        (role.isEmpty ? nil : role, kind, partner)
    }

    // MARK: Update

    public mutating func update(_ event: Event) -> ScreenResult {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            settle()
            return .handled
        case .tick:
            return .ignored
        case .mouse(let mouse):
            let result = handleMouse(mouse)
            settle()
            return result
        case .key(let key):
            return handle(key: key)
        }
    }

    public mutating func perform(_ action: Action) -> ScreenResult {
        status = nil
        defer { settle() }
        if level == .details {
            if let movement = action.movement {
                let lines = detailsLines(width: detailsTextWidth(width)).count
                var state = ViewportState(offset: detailsOffset ?? 0)
                state.apply(movement, contentHeight: lines, visibleRows: height)
                detailsOffset = state.offset
            } else if [.back, .quit, .open].contains(action) {
                detailsOffset = nil
            }
            return .handled
        }
        switch action {
        case .up, .down: moveSelection(by: action == .up ? -1 : 1)
        case .first, .last:
            selection = action == .first ? 0 : picks.count - 1
            followsSelection = true
        case .pageUp, .pageDown: page(by: action == .pageUp ? -1 : 1, fraction: 1)
        case .halfPageUp, .halfPageDown: page(by: action == .halfPageUp ? -1 : 1, fraction: 2)
        case .previousSection, .nextSection:
            let delta = action == .previousSection ? -1 : 1
            if partner != nil { cyclePartner(by: delta) } else { cycleRole(by: delta) }
        case .week: toggleWeek()
        case .compare: if partner != nil { leavePair() } else { enterPair() }
        case .open: if selectedPick != nil { detailsOffset = 0 }
        case .back, .quit: leavePair()
        default: return .ignored
        }
        return .handled
    }

    // MARK: Moving

    mutating func moveSelection(by delta: Int) {
        let visible = visiblePicks
        if !followsSelection, let pick = selectedPick, !visible.contains(pick), let first = visible.first, let last = visible.last {
            // After scrolling by hand, start from what is on screen, not from far away.
            select(delta > 0 ? first : last)
        } else {
            selection = min(max(0, selection + delta), max(0, picks.count - 1))
        }
        followsSelection = true
    }

    mutating func select(_ pick: Pick) {
        if let index = picks.firstIndex(of: pick) { selection = index }
    }

    /// Scrolls the axis a page and, if the selection went off screen, selects the first
    /// entry still shown.
    mutating func page(by delta: Int, fraction: Int = 1) {
        let layout = self.layout(in: contentArea)
        let rows = fraction == 1 ? max(1, layout.body.height - 1) : max(1, layout.body.height / fraction)
        offset = visibleOffset(in: layout) + delta * rows
        followsSelection = false
        offset = visibleOffset(in: layout)
        let visible = visiblePicks
        if let pick = selectedPick, !visible.contains(pick), let first = delta > 0 ? visible.first : visible.last {
            select(first)
        }
    }

    mutating func scrollAxis(by rows: Int) {
        let layout = self.layout(in: contentArea)
        offset = visibleOffset(in: layout) + rows
        followsSelection = false
    }

    mutating func scrollDetails(by lines: Int) {
        // Clamped by `settle`.
        guard let current = detailsOffset else { return }
        detailsOffset = max(0, current + lines)
    }

    /// The entries whose blocks are at least partly on screen, in `picks` order.
    var visiblePicks: [Pick] {
        let layout = self.layout(in: contentArea)
        let rows = layout.body.height
        let top = visibleOffset(in: layout)
        let axis = self.axis(rows: rows)
        let blocks = columns.map { axis.blocks(for: $0) }
        return picks.filter { pick in
            guard let block = blocks[pick.column].first(where: { $0.entry == pick.entry }) else { return false }
            return block.bottom > top && block.top < top + rows
        }
    }

    // MARK: Roles, weeks, comparisons

    mutating func cycleRole(by delta: Int) {
        guard roleIDs.count > 1, let index = roleIDs.firstIndex(of: role) else {
            status = "Only \(title(of: role)) has a timeline."
            return
        }
        switchRole(to: roleIDs[(index + delta + roleIDs.count) % roleIDs.count])
    }

    /// Shows another role's timeline of the same kind when it has one, keeping the
    /// selection at the same time of day (or of the week).
    mutating func switchRole(to id: String) {
        let time = selectedEntry?.slot.start
        let keepsKind = timeline(for: id, kind: kind) != nil
        role = id
        if !keepsKind {
            let wanted = kind
            kind = wanted == .day ? .week : .day
            status = "\(title(of: id)) has no \(wanted.rawValue); showing the \(kind.rawValue)."
        }
        selectEntry(near: keepsKind ? time : nil)
        offset = 0
    }

    /// Selects the entry that covers `time` (or the first one after it), in `column`
    /// when it has one there.
    mutating func selectEntry(near time: Int?, column: Int = 0) {
        followsSelection = true
        let picks = self.picks, columns = self.columns
        guard let time else { selection = 0; return }
        let slot = { (pick: Pick) in columns[pick.column].entries[pick.entry].slot }
        let candidates = picks.indices.filter { picks[$0].column == column } + picks.indices.filter { picks[$0].column != column }
        selection = candidates.first { slot(picks[$0]).start <= time && time < slot(picks[$0]).end }
            ?? candidates.first { slot(picks[$0]).start >= time } ?? 0
    }

    mutating func toggleWeek() {
        let target: TimelineKind = partner == nil && kind == .week ? .day : .week
        guard timeline(for: role, kind: target) != nil else {
            status = target == .week ? noWeekMessage : "\(title(of: role)) has only a week, no day."
            return
        }
        partner = nil
        kind = target
        selection = 0
        offset = 0
        followsSelection = true
    }

    var noWeekMessage: String {
        let withWeeks = roleIDs.filter { timeline(for: $0, kind: .week) != nil }.map { title(of: $0) }
        let list = withWeeks.count <= 1 ? withWeeks.joined()
            : withWeeks.dropLast().joined(separator: ", ") + " and " + withWeeks.last!
        switch withWeeks.count {
        case 0: return "No week for \(title(of: role)); no role has one."
        case 1: return "No week for \(title(of: role)); only \(list) has one."
        default: return "No week for \(title(of: role)); only \(list) have one."
        }
    }

    /// Compares the current role's day with the next role's that has one.
    mutating func enterPair() {
        guard timeline(for: role, kind: .day) != nil else {
            status = "\(title(of: role)) has no day to compare, only a week."
            return
        }
        let days = dayRoles
        guard days.count > 1, let index = days.firstIndex(of: role) else {
            status = "No other role has a day to compare with."
            return
        }
        // The same entry of the first role's day stays selected.
        let entry = kind == .day ? selectedPick?.entry : nil
        partner = days[(index + 1) % days.count]
        kind = .day
        followsSelection = true
        selection = 0
        if let entry { select(Pick(column: 0, entry: entry)) }
    }

    /// Back to the first role's day, keeping the selection if it was in that day.
    mutating func leavePair() {
        let pick = selectedPick
        let time = selectedEntry?.slot.start
        partner = nil
        kind = .day
        if let pick, pick.column == 0 {
            selection = pick.entry
            followsSelection = true
        } else {
            selectEntry(near: time)
        }
    }

    mutating func cyclePartner(by delta: Int) {
        guard let partner else { return }
        guard dayRoles.filter({ $0 != role }).count > 1 else {
            status = "\(title(of: partner)) is the only other role with a day."
            return
        }
        // Step through the picker's order, skipping the first role.
        let days = dayRoles
        var index = days.firstIndex(of: partner) ?? 0
        repeat { index = (index + delta + days.count) % days.count } while days[index] == role
        cyclePartner(to: days[index])
    }

    /// Compares with `other` instead, keeping the first role's selected entry, or the
    /// time of the second's.
    mutating func cyclePartner(to other: String) {
        let pick = selectedPick, time = selectedEntry?.slot.start
        partner = other
        followsSelection = true
        if let pick, pick.column == 0 {
            select(pick)
        } else {
            selectEntry(near: time, column: 1)
        }
    }

    // MARK: Mouse

    mutating func handleMouse(_ mouse: MouseEvent) -> ScreenResult {
        guard !roleIDs.isEmpty else { return .ignored }
        if level == .details {
            if let wheel = Event.mouse(mouse).wheel { scrollDetails(by: wheel * 3) }
            return .handled
        }
        if let wheel = Event.mouse(mouse).wheel {
            scrollAxis(by: wheel * 3)
            return .handled
        }
        let layout = self.layout(in: contentArea)
        if layout.picker.contains(x: mouse.x, y: mouse.y) {
            let picker = rolePicker
            if let index = picker.index(atColumn: mouse.x, area: layout.picker) {
                status = nil
                let chosen = pickerRoles[index]
                if let partner, chosen != partner {
                    cyclePartner(to: chosen)
                } else if partner == nil, chosen != role {
                    switchRole(to: chosen)
                }
            }
            return .handled
        }
        guard layout.body.contains(x: mouse.x, y: mouse.y) else { return .handled }
        let geometry = bodyGeometry(layout.body)
        let row = visibleOffset(in: layout) + mouse.y - layout.body.y
        let axis = self.axis(rows: layout.body.height)
        for (column, area) in geometry.columns.enumerated() where area.contains(x: mouse.x, y: mouse.y) {
            guard column < columns.count,
                  let entry = axis.blocks(for: columns[column]).first(where: { $0.contains(row: row) })?.entry else { break }
            let pick = Pick(column: column, entry: entry)
            status = nil
            if pick == selectedPick {
                detailsOffset = 0
            } else {
                select(pick)
                followsSelection = true
            }
        }
        return .handled
    }

    // MARK: Keeping state consistent

    var contentArea: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Clamps the selection and the scroll positions to what the current size shows.
    mutating func settle() {
        let count = picks.count
        selection = count == 0 ? 0 : min(max(0, selection), count - 1)
        offset = visibleOffset(in: layout(in: contentArea))
        if let current = detailsOffset {
            let lines = detailsLines(width: detailsTextWidth(width)).count
            detailsOffset = ViewportState.maxOffset(contentHeight: lines, visibleRows: height) < current
                ? ViewportState.maxOffset(contentHeight: lines, visibleRows: height) : current
        }
    }
}
