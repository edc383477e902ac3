

extension CatalogBuilder {
    static let seniorities = ["entry", "mid", "senior", "mid-to-senior", "all"]

    mutating func readRole(_ map: MapReader) {
        map.allowOnly(["id", "title", "aliases", "summary", "related", "values"])
        guard let id = define("role", map) else { return }
        let role = map.named("role '\(id)'")
        for alias in role.strings("aliases") {
            if let owner = places["role-name"]?[alias.lowercased()] {
                role.problem("aliases", "alias '\(alias)' of role '\(id)' is already used",
                             hint: "first used at \(owner.file):\(owner.mark?.line ?? 0); aliases must pick out one role")
            }
            places["role-name", default: [:]][alias.lowercased()] = role.place
        }
        var related: [RelatedTitle] = []
        for node in role.list("related") {
            guard let item = MapReader(node, file: map.file, log: log, what: "a related title of role '\(id)'") else { continue }
            item.allowOnly(["title", "note", "sources"])
            related.append(RelatedTitle(title: item.string("title") ?? "", note: item.string("note") ?? "", sources: sources(item)))
        }
        var values: [String: [DimensionValue]] = [:]
        if let valueMap = role.map("values", what: "the values of role '\(id)'") {
            for (key, node) in valueMap.mapping.pairs {
                guard let dimensionID = key.string else { continue }
                guard let dimension = dimensionsByID[dimensionID] else {
                    reference("dimension", dimensionID, in: valueMap, key: dimensionID, mark: key.mark)
                    continue
                }
                let nodes: [Node]
                if case .sequence(let sequence) = node { nodes = sequence.items } else { nodes = [node] }
                if nodes.isEmpty {
                    log.add(map.file, key.mark, "dimension '\(dimensionID)' of role '\(id)' has no values",
                            hint: "add a value or remove the key")
                }
                for (index, valueNode) in nodes.enumerated() {
                    let what = "value \(index + 1) of '\(dimensionID)' in role '\(id)'"
                    guard let valueReader = MapReader(valueNode, file: map.file, log: log, what: what),
                          let value = readValue(valueReader, dimension: dimension) else { continue }
                    values[dimensionID, default: []].append(value)
                }
            }
        } else if role.node("values") == nil {
            role.problem(nil, "role '\(id)' has no values", hint: "add `values:` with at least one dimension")
        }
        catalog.roles.append(Role(id: id, title: role.string("title") ?? id, aliases: role.strings("aliases"),
                                  summary: role.string("summary") ?? "", related: related, values: values))
    }

    /// Reads one value, checking that its shape fits its dimension's kind.
    static let commonValueKeys = ["note", "sources", "summary"]
    static let valueKeysByKind: [DimensionKind: [String]] = [
        .prose: ["text"], .list: ["items"], .level: ["level", "label"],
        .money: ["low", "high", "openEnded", "currency", "period", "basis", "seniority", "region", "asOf", "label", "published"],
        .ladder: ["steps"],
    ]

    func readValue(_ map: MapReader, dimension: Dimension) -> DimensionValue? {
        let byKind = Self.valueKeysByKind
        let allowed = Self.commonValueKeys + byKind[dimension.kind]!
        for (key, _) in map.mapping.pairs {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let owner = byKind.first { $0.value.contains(name) }?.key
            let hint = owner.map { "'\(name)' belongs to \($0.rawValue) values; '\(dimension.id)' is a \(dimension.kind.rawValue) dimension, which takes: \(allowed.joined(separator: ", "))" }
                ?? "known keys: \(allowed.joined(separator: ", "))"
            log.add(map.file, key.mark, "unknown key '\(name)' in \(map.what)", hint: hint)
        }
        let sources = self.sources(map)
        let note = map.string("note", required: false)
        let summary = map.string("summary", required: false)
        guard let value = readContent(map, dimension: dimension) else { return nil }
        checkSummary(summary, of: value, map)
        return DimensionValue(value, note: note, sources: sources, summary: summary)
    }

    /// A summary is at most `summaryLimit` characters, and a prose or list value longer
    /// than that needs one: Compare's summary view shows it in one line of a role's column
    /// when two roles are compared at 80 columns.
    func checkSummary(_ summary: String?, of content: ValueContent, _ map: MapReader) {
        let limit = DimensionValue.summaryLimit
        if let summary {
            let length = summary.count
            if length > limit {
                map.problem("summary", "the summary of \(map.what) is \(length) characters, more than the limit of \(limit)",
                            hint: "shorten it to at most \(limit) characters: one short line in your own words")
            }
            return
        }
        let full = DimensionValue(content, sources: []).fullLine ?? ""
        if full.count > limit {
            map.problem(nil, "\(map.what) is \(full.count) characters long and has no summary",
                        hint: "add `summary:` of at most \(limit) characters, in your own words, for Compare's summary view")
        }
    }

    private func readContent(_ map: MapReader, dimension: Dimension) -> ValueContent? {
        switch dimension.kind {
        case .prose:
            guard let text = map.string("text") else { return nil }
            return .prose(text)
        case .list:
            let items = map.strings("items", required: true)
            return items.isEmpty ? nil : .list(items)
        case .level:
            guard let level = map.string("level") else { return nil }
            guard let scaleID = dimension.scale, let scale = catalog.scale(scaleID) else { return nil }
            guard let rank = scale.rank(of: level) else {
                map.problem("level", "level '\(level)' is not on scale '\(scale.id)'",
                            hint: "use one of: \(scale.levels.joined(separator: ", "))")
                return nil
            }
            let rating = LevelRating(level: scale.levels[rank], rank: rank, outOf: scale.levels.count,
                                     label: map.string("label", required: false))
            return .level(rating)
        case .money:
            return readMoney(map).map { .money($0) }
        case .ladder:
            let steps = readSteps(map)
            return steps.isEmpty ? nil : .ladder(steps)
        }
    }

    func readMoney(_ map: MapReader) -> MoneyRange? {
        guard let low = map.int("low", required: true) else { return nil }
        let high = map.int("high")
        if low < 0 { map.problem("low", "pay cannot be negative (\(low))", hint: "write the amount without a minus sign") }
        if let high, low > high {
            map.problem("low", "money range runs backwards: low \(low) is more than high \(high)", hint: "swap low and high")
            return nil
        }
        let basisName = map.string("basis") ?? ""
        guard let basis = PayBasis(rawValue: basisName) else {
            if !basisName.isEmpty {
                map.problem("basis", "unknown pay basis '\(basisName)'",
                            hint: "use one of: \(PayBasis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return nil
        }
        let seniority = map.string("seniority", required: false)
        if let seniority, !Self.seniorities.contains(seniority) {
            map.problem("seniority", "unknown seniority '\(seniority)'", hint: "use one of: \(Self.seniorities.joined(separator: ", "))")
        }
        return MoneyRange(low: low, high: high, openEnded: map.bool("openEnded") ?? false,
                          currency: map.string("currency", required: false) ?? "USD",
                          period: map.string("period", required: false) ?? "year", basis: basis, seniority: seniority,
                          region: map.string("region", required: false), asOf: map.string("asOf", required: false),
                          label: map.string("label", required: false), published: map.string("published", required: false))
    }

    func readSteps(_ map: MapReader) -> [LadderStep] {
        var steps: [LadderStep] = []
        for (index, node) in map.list("steps", required: true).enumerated() {
            guard let step = MapReader(node, file: map.file, log: log, what: "step \(index + 1) of \(map.what)") else { continue }
            step.allowOnly(["title", "minYears", "maxYears", "focus"])
            let min = step.int("minYears"), max = step.int("maxYears")
            if let min, let max, min > max {
                step.problem("minYears", "years run backwards: \(min) to \(max)", hint: "swap minYears and maxYears")
            }
            if max != nil && min == nil { step.problem("maxYears", "maxYears without minYears", hint: "add minYears") }
            steps.append(LadderStep(title: step.string("title") ?? "", minYears: min, maxYears: max,
                                    focus: step.string("focus", required: false)))
        }
        return steps
    }
}
