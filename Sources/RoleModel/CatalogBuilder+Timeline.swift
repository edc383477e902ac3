

extension CatalogBuilder {
    mutating func readTimeline(_ raw: MapReader) {
        raw.allowOnly(["id", "role", "kind", "title", "provenance", "sources", "note", "entries"])
        guard let id = define("timeline", raw) else { return }
        let map = raw.named("timeline '\(id)'")
        let role = map.string("role") ?? ""
        if !role.isEmpty { reference("role", role, in: map, key: "role") }
        let kindName = map.string("kind") ?? "day"
        guard let kind = TimelineKind(rawValue: kindName) else {
            map.problem("kind", "unknown timeline kind '\(kindName)'", hint: "use day or week")
            return
        }
        let provenanceName = map.string("provenance") ?? ""
        let provenance = Provenance(rawValue: provenanceName)
        if provenance == nil && !provenanceName.isEmpty {
            map.problem("provenance", "unknown provenance '\(provenanceName)'",
                        hint: "use sourced (retold from a source) or composed (built from the role's responsibilities)")
        }
        let timelineSources = sources(map)
        var entries: [(entry: TimelineEntry, place: Place)] = []
        for (index, node) in map.list("entries", required: true).enumerated() {
            guard let entry = MapReader(node, file: map.file, log: log, what: "entry \(index + 1) of timeline '\(id)'") else { continue }
            let slotKeys = kind == .day ? ["start", "end"] : ["day", "through", "part"]
            entry.allowOnly(slotKeys + ["title", "detail", "category", "sources"])
            guard let slot = readSlot(entry, kind: kind) else { continue }
            let category = entry.string("category") ?? ""
            if !category.isEmpty { reference("category", category, in: entry, key: "category") }
            let own = entry.node("sources") != nil ? sources(entry) : timelineSources
            entries.append((TimelineEntry(slot: slot, title: entry.string("title") ?? "", detail: entry.string("detail", required: false) ?? "",
                                          category: category, sources: own), entry.place))
        }
        if map.node("entries") != nil && entries.isEmpty && map.list("entries").isEmpty {
            map.problem("entries", "timeline '\(id)' has no entries", hint: "add at least one entry")
        }
        // Entries are shown in time order; two that share time would draw over each other.
        let sorted = entries.sorted { $0.entry.slot.start < $1.entry.slot.start }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where next.entry.slot.start < previous.entry.slot.end {
            log.add(next.place.file, next.place.mark,
                    "entry '\(next.entry.title)' (\(next.entry.slot.text(for: kind))) overlaps '\(previous.entry.title)' (\(previous.entry.slot.text(for: kind)))",
                    hint: "make one end before the other starts")
        }
        catalog.timelines.append(Timeline(id: id, role: role, kind: kind, title: map.string("title") ?? id,
                                          provenance: provenance ?? .sourced, sources: timelineSources,
                                          note: map.string("note", required: false), entries: sorted.map(\.entry)))
    }

    func readSlot(_ entry: MapReader, kind: TimelineKind) -> TimeSlot? {
        switch kind {
        case .day:
            guard let startText = entry.string("start"), let endText = entry.string("end") else { return nil }
            guard let start = TimeSlot.minutes(startText) else {
                entry.problem("start", "'\(startText)' is not a time of day", hint: "write 24-hour HH:MM, e.g. 09:30")
                return nil
            }
            guard let end = TimeSlot.minutes(endText) else {
                entry.problem("end", "'\(endText)' is not a time of day", hint: "write 24-hour HH:MM, e.g. 17:00")
                return nil
            }
            guard start < end else {
                entry.problem("end", "\(entry.what) runs backwards: it ends at \(endText), not after it starts at \(startText)",
                              hint: "make 'end' later than 'start'")
                return nil
            }
            return TimeSlot(start: start, end: end)
        case .week:
            guard let dayName = entry.string("day") else { return nil }
            guard let day = Weekday(rawValue: dayName.lowercased()) else {
                entry.problem("day", "'\(dayName)' is not a weekday", hint: "write Monday, Tuesday, ... Sunday")
                return nil
            }
            var last = day
            if let throughName = entry.string("through", required: false) {
                guard let through = Weekday(rawValue: throughName.lowercased()) else {
                    entry.problem("through", "'\(throughName)' is not a weekday", hint: "write Monday, Tuesday, ... Sunday")
                    return nil
                }
                guard through.index >= day.index else {
                    entry.problem("through", "\(entry.what) runs backwards: \(through.title) comes before \(day.title)",
                                  hint: "'through' names a later day than 'day'")
                    return nil
                }
                last = through
            }
            let partName = entry.string("part", required: false) ?? "all-day"
            guard let part = DayPart(rawValue: partName) else {
                entry.problem("part", "unknown part of day '\(partName)'", hint: "use morning, afternoon or all-day")
                return nil
            }
            let start = day.index * 2 + (part == .afternoon ? 1 : 0)
            let end = last.index * 2 + (part == .morning ? 1 : 2)
            return TimeSlot(start: start, end: end)
        }
    }
}
