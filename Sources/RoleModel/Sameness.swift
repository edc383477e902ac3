/// What "the same" means when two roles' values on one dimension are compared, by the
/// dimension's kind. Wording differs between roles even where the facts agree, so text is
/// compared as a statement (folded case and spacing, trailing full stop dropped), and
/// every rule also asks that the same sources say it:
///
/// - both roles have no value: the same;
/// - one has a value and the other none: nothing to compare (`Outcome.uncovered`), which
///   is not a difference between the roles but a gap in the sources;
/// - levels: the same level from each source, on that source's own scale;
/// - lists: the same items, in any order, from the same sources;
/// - prose: the same statements cited to the same sources for both roles;
/// - pay: the same figures, basis, level and region from the same sources;
/// - ladders: the same steps with the same years.
public enum Sameness {
    /// How a row of several roles compares.
    public enum Outcome: String, Hashable, Sendable {
        /// Every role has a value and all are the same (or no role has one).
        case same
        /// At least two roles with values differ.
        case differ
        /// Some roles have no value, and the ones that have agree (or only one has any).
        case uncovered
    }

    public static func compare(_ kind: DimensionKind, _ values: [[DimensionValue]]) -> Outcome {
        let covered = values.filter { !$0.isEmpty }
        if let first = covered.first, covered.dropFirst().contains(where: { !same(kind, first, $0) }) { return .differ }
        return covered.count == values.count || covered.isEmpty ? .same : .uncovered
    }

    public static func same(_ kind: DimensionKind, _ a: [DimensionValue], _ b: [DimensionValue]) -> Bool {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
        switch kind {
        case .level: return levels(a) == levels(b)
        case .list: return items(a) == items(b)
        case .prose, .money, .ladder: return statements(a) == statements(b)
        }
    }

    /// Each source's level (and the scale's size, so two scales never match by name).
    private static func levels(_ values: [DimensionValue]) -> Set<String> {
        var result = Set<String>()
        for value in values {
            guard case .level(let rating) = value.content else { continue }
            for source in value.sources { result.insert("\(source)|\(rating.outOf)|\(statement(rating.level))") }
        }
        return result
    }

    /// Each item with each source that gives it.
    private static func items(_ values: [DimensionValue]) -> Set<String> {
        var result = Set<String>()
        for value in values {
            guard case .list(let list) = value.content else { continue }
            for item in list { for source in value.sources { result.insert(source + "|" + statement(item)) } }
        }
        return result
    }

    /// Each value as a statement with its sources: prose as text, pay by its figures and
    /// basis, a ladder by its steps.
    private static func statements(_ values: [DimensionValue]) -> Set<String> {
        Set(values.map { value in
            let sources = value.sources.sorted().joined(separator: ",")
            switch value.content {
            case .prose(let text): return sources + "|" + statement(text)
            case .money(let m):
                return sources + "|\(m.low)|\(m.high ?? -1)|\(m.openEnded)|\(m.basis.rawValue)|\(m.seniority ?? "")|\(m.region ?? "")|\(m.period)|\(m.currency)"
            case .ladder(let steps):
                return sources + "|" + steps.map { "\(statement($0.title))/\($0.minYears ?? -1)/\($0.maxYears ?? -1)" }.joined(separator: ";")
            case .list(let list): return sources + "|" + list.map(statement).sorted().joined(separator: ";")
            case .level(let rating): return sources + "|" + statement(rating.level)
            }
        })
    }

    /// Text as a statement: lower case, runs of white space as one space, no trailing full stop.
    static func statement(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.last == "." { words.removeLast() }
        return words
    }
}
