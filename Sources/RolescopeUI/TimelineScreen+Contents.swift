import RoleModel
import TerminalKit

// What the timeline screen shows, where it is, and which keys it takes: all read from
// its state, never changing it.
extension TimelineScreen {
    var level: Level { detailsOffset != nil ? .details : partner != nil ? .pair : .single }

    /// The timelines on screen: one, or the two days of a comparison.
    var columns: [Timeline] {
        if let partner, let first = timeline(for: role, kind: .day),
           let second = timeline(for: partner, kind: .day) { return [first, second] }
        return timeline(for: role, kind: kind).map { [$0] } ?? []
    }

    /// The kind of the timelines on screen (a comparison is always of days).
    var shownKind: TimelineKind { partner != nil ? .day : kind }

    /// Every entry on screen in the order j/k walks them: by time, the first role's entry
    /// first when two start together.
    var picks: [Pick] {
        let columns = self.columns
        var result = columns.indices.flatMap { column in columns[column].entries.indices.map { Pick(column: column, entry: $0) } }
        if columns.count > 1 {
            result.sort { a, b in
                let (sa, sb) = (columns[a.column].entries[a.entry].slot.start, columns[b.column].entries[b.entry].slot.start)
                return sa != sb ? sa < sb : a.column < b.column
            }
        }
        return result
    }

    var selectedPick: Pick? {
        let picks = self.picks
        return picks.indices.contains(selection) ? picks[selection] : nil
    }

    var selectedEntry: TimelineEntry? {
        selectedPick.map { columns[$0.column].entries[$0.entry] }
    }

    func title(of role: String) -> String { titleByID[role] ?? catalog.role(id: role)?.title ?? role }

    /// A role id, alias or title, when that role has a timeline.
    func resolve(_ name: String) -> String? {
        if roleIDs.contains(name) { return name }
        guard let found = try? catalog.role(matching: name), roleIDs.contains(found.id) else { return nil }
        return found.id
    }

    var dayRoles: [String] { roleIDs.filter { timeline(for: $0, kind: .day) != nil } }

    // MARK: Screen

    public var breadcrumb: String {
        guard !roleIDs.isEmpty else { return "Timeline" }
        var crumb: String
        if let partner {
            crumb = "Timeline › \(title(of: role)) vs \(title(of: partner)) › Days"
        } else {
            crumb = "Timeline › \(title(of: role)) › " + (kind == .day ? "Day" : "Week")
        }
        if detailsOffset != nil, let entry = selectedEntry { crumb += " › " + entry.title }
        return crumb
    }

    public var isAtTop: Bool { level == .single }

    public var keyHelp: KeyHelp { KeyHelp(keyMap) }
    public var keyHints: KeyHints { KeyHints(keyMap) }

    var keyMap: KeyMap<Action> {
        guard !roleIDs.isEmpty else { return KeyMap([]) }
        let back: [Key] = [.escape, .char("q"), .char("h"), .left, .backspace]
        switch level {
        case .details:
            return KeyMap([
                KeyBinding(back + [.enter], label: "Esc", "back to the timeline", action: .back),
                KeyBinding([.down, .up, .char("j"), .char("k")], label: "j/k", "scroll", action: .move, showsInHintBar: false),
                KeyBinding([.pageDown, .pageUp, .ctrl("d"), .ctrl("u")], label: "PgDn/PgUp", "scroll a page", action: .page, showsInHintBar: false),
                KeyBinding([.char("g"), .char("G"), .home, .end], label: "g/G", "top / bottom", action: .ends, showsInHintBar: false),
            ])
        case .pair, .single:
            let pair = level == .pair
            var bindings: [KeyBinding<Action>] = [
                KeyBinding([.down, .up, .char("j"), .char("k")], label: "j/k", "next / previous entry", action: .move, showsInHintBar: false),
                KeyBinding([.char("g"), .char("G"), .home, .end], label: "g/G", "first / last entry", action: .ends, showsInHintBar: false),
                KeyBinding([.pageDown, .pageUp, .ctrl("d"), .ctrl("u")], label: "PgDn/PgUp", "scroll a page", action: .page, showsInHintBar: false),
                KeyBinding([.char("["), .char("]")], label: "[/]", pair ? "other role" : "role", action: .role),
                // Short words, so these and the app's own hints fit in 80 columns.
                KeyBinding(.char("w"), kind == .week && !pair ? "day" : "week", action: .week, showsInHintBar: !pair),
                KeyBinding(.char("c"), pair ? "one day" : "compare", action: .compare),
                KeyBinding([.enter, .char("l"), .right], label: "Enter", "details", action: .details),
            ]
            if pair { bindings.append(KeyBinding(back, label: "Esc", "back to one day", action: .back, showsInHintBar: false)) }
            return KeyMap(bindings)
        }
    }
}
