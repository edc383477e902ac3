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

    public var section: String { level == .details ? "Entry" : "Timeline" }

    /// The selected entry's block (its first row on screen), or the details' text.
    public var focus: Point? {
        if level == .details { return Point(x: 1, y: 0) }
        guard let pick = selectedPick else { return nil }
        let layout = self.layout(in: contentArea)
        let geometry = bodyGeometry(layout.body)
        guard pick.column < geometry.columns.count, pick.column < columns.count else { return nil }
        let axis = self.axis(rows: layout.body.height)
        guard let block = axis.blocks(for: columns[pick.column]).first(where: { $0.entry == pick.entry }) else { return nil }
        let y = layout.body.y + max(0, block.top - visibleOffset(in: layout))
        return Point(x: geometry.columns[pick.column].x, y: min(y, max(layout.body.y, layout.body.bottom - 1)))
    }

    public var commands: [Command] {
        guard !roleIDs.isEmpty else { return [] }
        switch level {
        case .details:
            return [
                Command(.back, "back to the timeline"), Command(.quit, "back to the timeline", hint: false),
                Command(.open, "back to the timeline", hint: false),
                Command(.down, "scroll down", hint: false), Command(.up, "scroll up", hint: false),
                Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
                Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
                Command(.first, "top", hint: false), Command(.last, "bottom", hint: false),
            ]
        case .pair, .single:
            let pair = level == .pair
            var commands = [
                Command(.down, "next entry", hint: false), Command(.up, "previous entry", hint: false),
                Command(.first, "first entry", hint: false), Command(.last, "last entry", hint: false),
                Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
                Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
                Command(.nextSection, pair ? "next other role" : "next role"),
                Command(.previousSection, pair ? "previous other role" : "previous role", hint: false),
                // Short words, so these and the app's own hints fit in 80 columns.
                Command(.week, kind == .week && !pair ? "day" : "week", hint: !pair),
                Command(.compare, pair ? "one day" : "compare"),
                Command(.open, "details"),
            ]
            if pair { commands += [Command(.back, "one day"), Command(.quit, "back to one day", hint: false)] }
            return commands
        }
    }
}
