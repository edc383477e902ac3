/// A category of activity in a timeline, marked by a letter so it never relies on colour.
public struct Category: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var letter: String
    public var help: String?

    public init(id: String, title: String, letter: String, help: String? = nil) {
        self.id = id
        self.title = title
        self.letter = letter
        self.help = help
    }
}

/// A role's working day hour by hour, or its week day by day.
public struct Timeline: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var role: String
    public var kind: TimelineKind
    public var title: String
    public var provenance: Provenance
    public var sources: [String]
    /// What comes from the source and what was estimated or composed.
    public var note: String?
    /// In time order.
    public var entries: [TimelineEntry]

    public init(id: String, role: String, kind: TimelineKind, title: String,
                provenance: Provenance, sources: [String], note: String? = nil,
                entries: [TimelineEntry]) {
        self.id = id
        self.role = role
        self.kind = kind
        self.title = title
        self.provenance = provenance
        self.sources = sources
        self.note = note
        self.entries = entries
    }

    /// Time spent in each category, in the timeline's units (minutes for a day, half-days
    /// for a week), largest first; ties keep first-appearance order.
    public var timeByCategory: [(category: String, amount: Int)] {
        var order: [String] = []
        var totals: [String: Int] = [:]
        for entry in entries {
            if totals[entry.category] == nil { order.append(entry.category) }
            totals[entry.category, default: 0] += entry.slot.length
        }
        return order.map { ($0, totals[$0]!) }.enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .map { (category: $0.element.0, amount: $0.element.1) }
    }

    /// First and last unit the entries cover.
    public var span: ClosedRange<Int>? {
        guard let first = entries.map(\.slot.start).min(), let last = entries.map(\.slot.end).max(), first < last else { return nil }
        return first...last
    }
}

public enum TimelineKind: String, Codable, Hashable, Sendable {
    case day
    case week
}

/// Whether a timeline retells a source, or was composed from a role's responsibilities
/// because no source describes that role's day.
public enum Provenance: String, Codable, Hashable, Sendable {
    case sourced
    case composed
}

/// One block of a timeline.
public struct TimelineEntry: Codable, Hashable, Sendable {
    public var slot: TimeSlot
    public var title: String
    public var detail: String
    public var category: String
    /// The sources of this entry (the timeline's own when the entry names none).
    public var sources: [String]

    public init(slot: TimeSlot, title: String, detail: String, category: String, sources: [String]) {
        self.slot = slot
        self.title = title
        self.detail = detail
        self.category = category
        self.sources = sources
    }
}

/// When an entry happens. Days use minutes since midnight; weeks use half-day units
/// (Monday morning is 0, Monday afternoon 1, Tuesday morning 2, ...), so both can be laid
/// on one axis and summed by category.
public struct TimeSlot: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }

    /// A slot of a day from "HH:MM" clock times.
    public static func clock(_ start: String, _ end: String) -> TimeSlot? {
        guard let s = minutes(start), let e = minutes(end) else { return nil }
        return TimeSlot(start: s, end: e)
    }

    /// Minutes since midnight for "H:MM" or "HH:MM" (24-hour), nil if malformed.
    public static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    /// "09:30" for minutes since midnight.
    public static func clockText(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// How a slot reads in a timeline of `kind`: "09:00–09:45" or "Tuesday–Wednesday".
    public func text(for kind: TimelineKind) -> String {
        switch kind {
        case .day:
            return Self.clockText(start) + "–" + Self.clockText(end)
        case .week:
            let firstDay = Weekday.allCases[min(start / 2, 6)]
            let lastDay = Weekday.allCases[min(max(end - 1, start) / 2, 6)]
            let part: String
            switch (start % 2, end % 2) {
            case (0, 1) where firstDay == lastDay: part = " morning"
            case (1, 0) where firstDay == lastDay: part = " afternoon"
            default: part = ""
            }
            if firstDay == lastDay { return firstDay.title + part }
            return firstDay.title + "–" + lastDay.title
        }
    }
}

public enum Weekday: String, Codable, Hashable, Sendable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}

/// Which part of a day a week entry fills.
public enum DayPart: String, Codable, Hashable, Sendable, CaseIterable {
    case morning
    case afternoon
    case allDay = "all-day"
}
