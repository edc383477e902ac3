#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif


/// Turns parsed sections into a `Catalog`, checking ids and references as it goes.
/// Sections are read in dependency order (sources before the roles that cite them, roles
/// before the questionnaires that recommend them), so every reference is checked with
/// the line it is on.
struct CatalogBuilder {
    let log: ProblemLog
    var catalog = Catalog()
    /// Where each id was first defined, by kind, for duplicate and late checks.
    var places: [String: [String: Place]] = [:]
    /// The dimensions read so far, by id: every value of every role looks its dimension up.
    var dimensionsByID: [String: Dimension] = [:]

    init(log: ProblemLog) { self.log = log }

    mutating func read(_ sections: [String: [(file: String, node: Node)]]) {
        for name in CatalogLoader.sections {
            for (file, node) in sections[name] ?? [] {
                switch name {
                case "sources": for item in items(node, file, "sources") { readSource(item) }
                case "groups": for item in items(node, file, "groups") { readGroup(item) }
                case "scales": for item in items(node, file, "scales") { readScale(item) }
                case "dimensions": for item in items(node, file, "dimensions") { readDimension(item) }
                case "categories": for item in items(node, file, "categories") { readCategory(item) }
                case "backgrounds": for item in items(node, file, "backgrounds") { readBackground(item) }
                case "role": if let map = MapReader(node, file: file, log: log, what: "role") { readRole(map) }
                case "overlaps": for item in items(node, file, "overlaps") { readOverlap(item) }
                case "equivalents": for item in items(node, file, "equivalents") { readEquivalent(item) }
                case "skills": for item in items(node, file, "skills") { readSkill(item) }
                case "transitions": for item in items(node, file, "transitions") { readTransition(item) }
                case "questionnaire":
                    if let map = MapReader(node, file: file, log: log, what: "questionnaire") { readQuestionnaire(map) }
                case "timeline": if let map = MapReader(node, file: file, log: log, what: "timeline") { readTimeline(map) }
                case "synonyms": for item in items(node, file, "synonyms") { readSynonyms(item) }
                default: break
                }
            }
        }
    }

    /// Reads each item of a section that is a list of mappings.
    private func items(_ node: Node, _ file: String, _ section: String) -> [MapReader] {
        guard case .sequence(let items) = node else {
            log.add(file, node.mark, "section '\(section)' should be a list, found \(node.kindName)",
                    hint: "write each entry on its own line starting with '- '")
            return []
        }
        var readers: [MapReader] = []
        let singular = section.hasSuffix("ies") ? String(section.dropLast(3)) + "y" : String(section.dropLast())
        for item in items.items {
            if let map = MapReader(item, file: file, log: log, what: "an entry of '\(section)'") {
                readers.append(map.named(describe(singular, map)))
            }
        }
        return readers
    }

    private func describe(_ kind: String, _ map: MapReader) -> String {
        if let id = map.node("id")?.string { return "\(kind) '\(id)'" }
        return kind
    }

    // MARK: Ids and references

    /// Checks an id's form and uniqueness within its kind; returns it when usable.
    mutating func define(_ kind: String, _ map: MapReader, key: String = "id") -> String? {
        guard let id = map.string(key) else { return nil }
        let place = Place(file: map.file, mark: map.mark(key))
        if !Self.isSlug(id) {
            map.problem(key, "\(kind) id '\(id)' is not a slug", hint: "use lower-case letters, digits and single hyphens, e.g. 'ml-engineer'")
        }
        if let first = places[kind]?[id] {
            map.problem(key, "duplicate \(kind) id '\(id)'",
                        hint: "first defined at \(first.file):\(first.mark?.line ?? 0); rename one of them")
            return nil
        }
        places[kind, default: [:]][id] = place
        return id
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`, checked by hand: a regular expression per id was a sixth
    /// of the load time of a large file.
    static func isSlug(_ id: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    func known(_ kind: String) -> [String] { (places[kind] ?? [:]).keys.sorted() }

    func exists(_ kind: String, _ id: String) -> Bool { places[kind]?[id] != nil }

    /// Reports `id` if no `kind` with that id is defined.
    @discardableResult
    func reference(_ kind: String, _ id: String, in map: MapReader, key: String, mark: Mark? = nil) -> Bool {
        guard !exists(kind, id) else { return true }
        let list = known(kind)
        log.add(map.file, mark ?? map.mark(key), "unknown \(kind) '\(id)' in \(map.what)",
                hint: list.isEmpty ? "no \(kind) is defined; add one" : "known \(kind)s: \(list.joined(separator: ", "))")
        return false
    }

    /// Reads a required, non-empty list of source ids and checks each.
    func sources(_ map: MapReader, key: String = "sources", required: Bool = true) -> [String] {
        let items = map.list(key, required: false)
        if map.node(key) == nil {
            if required { map.problem(nil, "\(map.what) has no sources", hint: "add `sources: [source-id]` naming where it comes from") }
            return []
        }
        if items.isEmpty && required {
            map.problem(key, "\(map.what) has an empty source list", hint: "name at least one source id")
        }
        var ids: [String] = []
        for item in items {
            guard let id = item.string, case .scalar = item else {
                log.add(map.file, item.mark, "each source in \(map.what) should be a source id, found \(item.describe)",
                        hint: "list source ids, e.g. `sources: [\(known("source").first ?? "source-id")]`")
                continue
            }
            if reference("source", id, in: map, key: key, mark: item.mark) { ids.append(id) }
        }
        return ids
    }

    func roleList(_ map: MapReader, key: String, required: Bool) -> [String] {
        let ids = map.strings(key, required: required)
        for (id, node) in zip(ids, map.list(key)) { reference("role", id, in: map, key: key, mark: node.mark) }
        return ids
    }

    // MARK: Shared sections

    mutating func readSource(_ map: MapReader) {
        map.allowOnly(["id", "title", "publisher", "short", "date", "covers"])
        guard let id = define("source", map) else { return }
        catalog.sources.append(Source(id: id, title: map.string("title") ?? id, publisher: map.string("publisher") ?? "",
                                      short: map.string("short", required: false),
                                      date: map.string("date") ?? "", covers: map.string("covers") ?? ""))
    }

    mutating func readGroup(_ map: MapReader) {
        map.allowOnly(["id", "title"])
        guard let id = define("group", map) else { return }
        catalog.groups.append(DimensionGroup(id: id, title: map.string("title") ?? id))
    }

    mutating func readScale(_ map: MapReader) {
        map.allowOnly(["id", "title", "levels", "sources"])
        guard let id = define("scale", map) else { return }
        let levels = map.strings("levels", required: true)
        if Set(levels.map { $0.lowercased() }).count != levels.count {
            map.problem("levels", "scale '\(id)' lists a level twice", hint: "each level appears once, lowest first")
        }
        catalog.scales.append(Scale(id: id, title: map.string("title") ?? id, levels: levels, sources: sources(map)))
    }

    mutating func readDimension(_ map: MapReader) {
        map.allowOnly(["id", "title", "group", "kind", "scale", "help"])
        guard let id = define("dimension", map) else { return }
        let group = map.string("group") ?? ""
        if !group.isEmpty { reference("group", group, in: map, key: "group") }
        let kindName = map.string("kind") ?? ""
        let kind = DimensionKind(rawValue: kindName)
        if kind == nil && !kindName.isEmpty {
            map.problem("kind", "unknown dimension kind '\(kindName)'",
                        hint: "use one of: \(DimensionKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let scale = map.string("scale", required: kind == .level)
        if let scale {
            if kind != .level { map.problem("scale", "only level dimensions have a scale", hint: "remove 'scale' or use kind: level") }
            reference("scale", scale, in: map, key: "scale")
        }
        let dimension = Dimension(id: id, title: map.string("title") ?? id, group: group,
                                  kind: kind ?? .prose, scale: scale, help: map.string("help", required: false))
        catalog.dimensions.append(dimension)
        dimensionsByID[id] = dimension
    }

    mutating func readCategory(_ map: MapReader) {
        map.allowOnly(["id", "title", "letter", "help"])
        guard let id = define("category", map) else { return }
        let letter = map.string("letter") ?? "?"
        if letter.count != 1 {
            map.problem("letter", "a category's letter is one character, found '\(letter)'",
                        hint: "pick a single letter that is not used by another category")
        } else if letter.unicodeScalars.contains(where: { Self.invisible.contains($0.properties.generalCategory) }) {
            // It marks every block of the timeline: a control or blank there would draw nothing.
            map.problem("letter", "a category's letter must be visible, found U+\(letter.unicodeScalars.first!.value.hexDigits(width: 4))",
                        hint: "pick a letter, digit or mark such as '-'")
        }
        catalog.categories.append(Category(id: id, title: map.string("title") ?? id, letter: letter,
                                           help: map.string("help", required: false)))
    }

    static let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .spaceSeparator, .lineSeparator,
                                                           .paragraphSeparator, .privateUse, .surrogate, .unassigned]

    mutating func readBackground(_ map: MapReader) {
        map.allowOnly(["id", "title", "aliases"])
        guard let id = define("background", map) else { return }
        catalog.backgrounds.append(Background(id: id, title: map.string("title") ?? id, aliases: map.strings("aliases")))
    }

    /// A group of words or phrases search treats as one ("k8s", "Kubernetes"). A term may
    /// belong to one group only, or search could not tell which group it means.
    mutating func readSynonyms(_ map: MapReader) {
        map.allowOnly(["terms"])
        let terms = map.strings("terms", required: true)
        guard !terms.isEmpty else { return }
        if terms.count < 2 {
            map.problem("terms", "a synonym group needs at least two terms, found \(terms.count)",
                        hint: "list the word and what it is the same as, e.g. terms: [k8s, Kubernetes]")
            return
        }
        for term in terms {
            let key = SearchIndex.fold(term)
            guard !SearchIndex.words(key).isEmpty else {
                map.problem("terms", "the synonym '\(term)' has no letters or digits", hint: "write a word or a phrase")
                return
            }
            if let first = places["synonym"]?[key] {
                map.problem("terms", "'\(term)' is already in a synonym group",
                            hint: "first listed at \(first.file):\(first.mark?.line ?? 0); put its synonyms in that one group")
                return
            }
            places["synonym", default: [:]][key] = Place(file: map.file, mark: map.mark("terms"))
        }
        catalog.synonyms.append(terms)
    }

    mutating func readOverlap(_ map: MapReader) {
        map.allowOnly(["id", "title", "roles", "summary", "details", "sources"])
        guard let id = define("overlap", map) else { return }
        let roles = roleList(map, key: "roles", required: true)
        if roles.count < 2 && map.node("roles") != nil {
            map.problem("roles", "an overlap joins at least two roles, found \(roles.count)", hint: "list the roles that share this work")
        }
        catalog.overlaps.append(Overlap(id: id, title: map.string("title") ?? id, roles: roles,
                                        summary: map.string("summary") ?? "", details: map.strings("details"),
                                        sources: sources(map)))
    }

    mutating func readTransition(_ map: MapReader) {
        map.allowOnly(["from", "to", "duration", "learn", "advice", "sources"])
        guard let from = map.string("from"), let to = map.string("to") else { return }
        reference("background", from, in: map, key: "from")
        reference("role", to, in: map, key: "to")
        let key = "\(from)->\(to)"
        if let first = places["transition"]?[key] {
            map.problem(nil, "a second transition from '\(from)' to '\(to)'",
                        hint: "first defined at \(first.file):\(first.mark?.line ?? 0); merge them")
            return
        }
        places["transition", default: [:]][key] = map.place
        var duration: TransitionDuration?
        if let d = map.map("duration", what: "the duration of \(from) -> \(to)") {
            d.allowOnly(["text", "minMonths", "maxMonths"])
            let min = d.int("minMonths"), max = d.int("maxMonths")
            if let min, let max, min > max {
                d.problem("minMonths", "minMonths (\(min)) is more than maxMonths (\(max))", hint: "swap them")
            }
            duration = TransitionDuration(text: d.string("text") ?? "", minMonths: min, maxMonths: max)
        }
        let steps = learnSteps(map)
        catalog.transitions.append(Transition(from: from, to: to, duration: duration, learn: steps.map(\.text),
                                              learnSkills: steps.map(\.skills), advice: map.string("advice", required: false),
                                              sources: sources(map)))
    }
}
