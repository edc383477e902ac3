/// What one source says about one role on one dimension.
public struct DimensionValue: Codable, Hashable, Sendable {
    public var content: ValueContent
    /// Context that belongs with the value (a caveat, an SOC code, the article's framing).
    public var note: String?
    /// The ids of the sources it comes from; never empty in a valid catalog.
    public var sources: [String]
    /// The value in one short line (at most `summaryLimit` cells), written in the content
    /// for every prose or list value longer than that; see `glance`.
    public var summary: String?

    public init(_ content: ValueContent, note: String? = nil, sources: [String], summary: String? = nil) {
        self.content = content
        self.note = note
        self.sources = sources
        self.summary = summary
    }

    /// The most characters a summary may take, and the length above which a prose or list
    /// value must have one (docs/CONTENT.md; README, "Compare"): 28, the width of a role's
    /// column when two roles are compared at 80 columns, so that two roles' summaries each
    /// fit one line there and Compare of two roles stays within a few pages at 80x24.
    public static let summaryLimit = 28

    /// The value as one line in its plain words, before any summary: prose as written,
    /// a list's items joined with "; ". Nil for levels, pay and ladders, whose short form
    /// is made from their fields (`glance`).
    public var fullLine: String? {
        switch content {
        case .prose(let text): return text
        case .list(let items): return items.joined(separator: "; ")
        default: return nil
        }
    }

    /// The value at a glance, for Compare's summary view: the content's summary, else a
    /// short form made from the facts (a level's name; pay's figure, level and basis; a
    /// ladder's steps from first to last), else the text itself.
    public var glance: String {
        if let summary { return summary }
        switch content {
        case .prose(let text): return text
        case .list(let items): return items.joined(separator: "; ")
        case .level(let rating): return rating.level
        case .money(let money):
            let level = money.seniority.map { $0 == "all" ? "" : $0 + " " } ?? ""
            return money.figure + " " + level + money.basis.shortTitle
        case .ladder(let steps):
            guard let first = steps.first, let last = steps.last else { return "" }
            return steps.count == 1 ? first.title : "\(steps.count) steps, \(first.title) to \(last.title)"
        }
    }

    /// Every human-readable string in the value, for search and comparison.
    public var texts: [String] {
        var result: [String]
        switch content {
        case .prose(let text): result = [text]
        case .list(let items): result = items
        case .level(let rating): result = [rating.level] + (rating.label.map { [$0] } ?? [])
        case .money(let money): result = [money.summary] + (money.label.map { [$0] } ?? [])
        case .ladder(let steps): result = steps.flatMap { [$0.title, $0.yearsText ?? "", $0.focus ?? ""] }.filter { !$0.isEmpty }
        }
        if let note { result.append(note) }
        return result
    }
}

/// The shape-specific part of a value; its case matches its dimension's kind.
public enum ValueContent: Codable, Hashable, Sendable {
    case prose(String)
    case list([String])
    case level(LevelRating)
    case money(MoneyRange)
    case ladder([LadderStep])
}

/// A level on a dimension's scale, with its rank so it can be drawn as a bar.
public struct LevelRating: Codable, Hashable, Sendable {
    /// The level's name as the scale spells it.
    public var level: String
    /// 0-based position on the scale.
    public var rank: Int
    /// How many levels the scale has.
    public var outOf: Int
    /// The article's own name for the skill when it differs from the dimension's title.
    public var label: String?

    public init(level: String, rank: Int, outOf: Int, label: String? = nil) {
        self.level = level
        self.rank = rank
        self.outOf = outOf
        self.label = label
    }

    /// The rating as a fraction of the scale, 1/n for the lowest level, 1 for the highest.
    public var fraction: Double { outOf > 0 ? Double(rank + 1) / Double(outOf) : 0 }
}

/// What a pay figure measures. Figures on different bases are never merged.
public enum PayBasis: String, Codable, Hashable, Sendable, CaseIterable {
    case salary
    case totalCompensation = "total-compensation"
    case medianWage = "median-wage"

    /// The basis in a word or two, for one-line forms: "salary", "total comp", "median".
    public var shortTitle: String {
        switch self {
        case .salary: return "salary"
        case .totalCompensation: return "total comp"
        case .medianWage: return "median"
        }
    }

    public var title: String {
        switch self {
        case .salary: return "salary"
        case .totalCompensation: return "total compensation"
        case .medianWage: return "median annual wage"
        }
    }
}

/// A published pay figure: a range, an open-ended range ("$170,000+") or a single figure
/// such as a national median, with everything needed to read it correctly.
public struct MoneyRange: Codable, Hashable, Sendable {
    public var low: Int
    /// Nil for a single figure.
    public var high: Int?
    /// True when the source writes the top of the range with a "+".
    public var openEnded: Bool
    public var currency: String
    public var period: String
    public var basis: PayBasis
    /// entry, mid, senior, mid-to-senior or all.
    public var seniority: String?
    public var region: String?
    public var asOf: String?
    public var label: String?
    /// The figure exactly as the source printed it ("$220K–$400K"), when that differs
    /// from the plain form; `low` and `high` still carry the amounts for drawing.
    public var published: String?

    public init(low: Int, high: Int? = nil, openEnded: Bool = false, currency: String = "USD",
                period: String = "year", basis: PayBasis, seniority: String? = nil,
                region: String? = nil, asOf: String? = nil, label: String? = nil, published: String? = nil) {
        self.low = low
        self.high = high
        self.openEnded = openEnded
        self.currency = currency
        self.period = period
        self.basis = basis
        self.seniority = seniority
        self.region = region
        self.asOf = asOf
        self.label = label
        self.published = published
    }

    /// The figure as published: "$85,000–$110,000", "$140,000–$170,000+", "$112,590",
    /// or the source's own form ("$220K–$400K") when the content records one.
    public var figure: String {
        if let published { return published }
        var text = Self.format(low, currency: currency)
        if let high, high != low { text += "–" + Self.format(high, currency: currency) }
        if openEnded { text += "+" }
        return text
    }

    /// The basis in words: "mid-level total compensation, US, 2026".
    public var basisText: String {
        var parts: [String] = []
        if let seniority { parts.append(seniority == "all" ? basis.title : "\(seniority)-level \(basis.title)") } else { parts.append(basis.title) }
        if let region { parts.append(region) }
        if let asOf { parts.append(asOf) }
        return parts.joined(separator: ", ")
    }

    /// Figure and basis together, for one-line displays.
    public var summary: String { "\(figure) per \(period) (\(basisText))" }

    /// The highest amount the figure reaches, for a shared axis.
    public var top: Int { high ?? low }

    static func format(_ amount: Int, currency: String) -> String {
        let symbol = currency == "USD" ? "$" : currency + " "
        var digits = String(amount)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return symbol + digits + grouped
    }
}

/// A step on a career ladder.
public struct LadderStep: Codable, Hashable, Sendable {
    public var title: String
    public var minYears: Int?
    /// Nil with `minYears` set means "and more" (10+).
    public var maxYears: Int?
    public var focus: String?

    public init(title: String, minYears: Int? = nil, maxYears: Int? = nil, focus: String? = nil) {
        self.title = title
        self.minYears = minYears
        self.maxYears = maxYears
        self.focus = focus
    }

    /// "0–2 yrs", "10+ yrs", or nil when the source gives no years.
    public var yearsText: String? {
        guard let minYears else { return nil }
        if let maxYears { return "\(minYears)–\(maxYears) yrs" }
        return "\(minYears)+ yrs"
    }
}
