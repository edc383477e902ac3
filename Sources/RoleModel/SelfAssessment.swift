/// How well someone says they know a skill, on the self-assessment's one plain scale. The
/// raw value counts whole levels: a gap is a number of steps, never a fraction.
public enum SkillLevel: Int, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case none = 0, basic, intermediate, advanced, expert

    public var title: String {
        switch self {
        case .none: return "none"
        case .basic: return "basic"
        case .intermediate: return "intermediate"
        case .advanced: return "advanced"
        case .expert: return "expert"
        }
    }

    /// The title as it starts a phrase: "Intermediate".
    public var name: String { title.prefix(1).uppercased() + title.dropFirst() }

    /// What the step means for any skill; each `Skill` says what it means for that skill.
    public var description: String {
        switch self {
        case .none: return "Never used it, or only heard of it."
        case .basic: return "Know the ideas; have tried it with guidance or in a tutorial."
        case .intermediate: return "Use it on real work without help."
        case .advanced: return "Handle the hard cases; others come to you with it."
        case .expert: return "Could teach it, or set how a team does it."
        }
    }

    /// The step named by `text`: its title ("intermediate"), its number (0–4), or the
    /// name it had before the scale was renamed ("working", "strong").
    public init?(named text: String) {
        let wanted = text.lowercased()
        if let found = Self.allCases.first(where: { $0.title == wanted || String($0.rawValue) == wanted }) {
            self = found
        } else if wanted == "working" {
            self = .intermediate
        } else if wanted == "strong" {
            self = .advanced
        } else {
            return nil
        }
    }

    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// "one level", "two levels": a whole number of steps in words.
    public static func levels(_ count: Int) -> String {
        let words = ["no", "one", "two", "three", "four"]
        let number = words.indices.contains(count) ? words[count] : String(count)
        return "\(number) level\(count == 1 ? "" : "s")"
    }
}

/// One source's rating of a skill for a role, on the source's own scale, and the plain
/// step that level sits on.
public struct SourceRating: Codable, Hashable, Sendable {
    /// The dimension the rating is a value of.
    public var dimension: String
    /// The article's own name for the skill, when it gives one ("MLOps & CI/CD").
    public var label: String?
    /// The level as the article names it ("Advanced").
    public var level: String
    public var scale: String
    /// The scale's levels, lowest first.
    public var scaleLevels: [String]
    public var step: SkillLevel
    public var sources: [String]
    /// The sources' short names ("H2K"), kept so a stored assessment reads without the catalog.
    public var cited: [String]

    public init(dimension: String, label: String?, level: String, scale: String, scaleLevels: [String], step: SkillLevel,
                sources: [String], cited: [String]) {
        self.dimension = dimension
        self.label = label
        self.level = level
        self.scale = scale
        self.scaleLevels = scaleLevels
        self.step = step
        self.sources = sources
        self.cited = cited
    }
}

/// A source naming a skill for a role without a level on a scale: a listing, or a table
/// cell in the source's own words ("Deep: testing hypotheses ...").
public struct SourceMention: Codable, Hashable, Sendable {
    public var text: String
    public var sources: [String]
    /// The sources' short names ("JoinAI").
    public var cited: [String]

    public init(text: String, sources: [String], cited: [String]) {
        self.text = text
        self.sources = sources
        self.cited = cited
    }
}

/// What the sources say a role needs of one skill.
public struct SkillNeed: Codable, Hashable, Sendable {
    public var ratings: [SourceRating]
    public var mentions: [SourceMention]

    public init(ratings: [SourceRating] = [], mentions: [SourceMention] = []) {
        self.ratings = ratings
        self.mentions = mentions
    }

    /// The highest plain step any source's level sits on; nil when no source gives a level.
    public var step: SkillLevel? { ratings.map(\.step).max() }

    public enum Coverage: String, Codable, Hashable, Sendable {
        /// At least one source gives a level.
        case rated
        /// Sources name the skill for the role, but give no level on a scale.
        case listed
        /// No source covers the skill for the role.
        case notCovered = "not-covered"
    }

    public var coverage: Coverage { !ratings.isEmpty ? .rated : !mentions.isEmpty ? .listed : .notCovered }
}

/// One person's ratings of the skills, and what they make of each role.
///
/// The working, in whole levels (also in the README, and in `formula` for display):
///
/// - Each article's levels sit one whole step each on the plain scale (`equivalents:`);
///   a role needs the highest step any source gives it for a skill.
/// - short = needed step − your step, or 0 when yours is at least the need.
/// - Every role is scored over the same skills: those the sources rate on a scale for
///   every role that has any rating (the shared skills). fit = levels met ÷ levels needed,
///   over the shared skills you rated, as a whole percentage.
/// - Gaps cover every skill you rated, shared or not: largest first; a skill a source
///   names for the role without a level, rated none, is short of at least one level.
public struct SelfAssessment: Codable, Hashable, Sendable {
    /// Your rating of each skill, by skill id. Skills not in here are unrated.
    public var ratings: [String: SkillLevel]

    public init(ratings: [String: SkillLevel] = [:]) { self.ratings = ratings }

    /// The skills to rate, in catalog order.
    public static func skills(in catalog: Catalog) -> [Skill] { catalog.skills }

    /// The rules of the working, in the words the app and the exports show; the first
    /// says where each of `catalog`'s article scales sits on the plain scale.
    public static func formula(in catalog: Catalog) -> [String] {
        let places = catalog.equivalents.compactMap { equivalent -> String? in
            guard let scale = catalog.scale(equivalent.scale) else { return nil }
            return "\(scale.title) " + zip(scale.levels, equivalent.steps).map { "\($0.0) = \($0.1.title)" }.joined(separator: ", ")
        }
        return ["Each source's levels sit one whole step each on the plain scale (none, basic, intermediate, advanced, expert): "
                + places.joined(separator: "; ") + "."] + rules
    }

    /// The rules that need no catalog (a stored session's export shows these).
    public static let rules = [
        "A role needs the highest step any source gives it; you are short by the steps between your rating and that need (none when yours is at least the need).",
        "Fit = levels met ÷ levels needed, over the shared skills you rated: the skills the sources rate on a scale for every scored role, so every score rests on the same skills.",
        "A skill a source names for a role without a level is not in the score; rated none, it is a gap of at least one level.",
    ]

    /// Ratings by skill id, from ratings that may name the article dimensions skills were
    /// rated by before the canonical list (`h2k-python`): each becomes its skill's rating
    /// (the highest when several map to one skill); anything else is dropped.
    public static func canonical(_ ratings: [String: SkillLevel], in catalog: Catalog) -> [String: SkillLevel] {
        var result: [String: SkillLevel] = [:]
        for (id, level) in ratings {
            let skill = catalog.skill(id: id)?.id ?? catalog.skills.first { $0.ratedBy.contains(id) }?.id
            guard let skill else { continue }
            if catalog.skill(id: id) != nil || result[skill] == nil || result[skill]! < level { result[skill] = level }
        }
        // A rating given by the skill's own id wins over one carried over from a dimension.
        for (id, level) in ratings where catalog.skill(id: id) != nil { result[id] = level }
        return result
    }

    /// What the sources say `role` needs of `skill`: every rating on a scale, then the
    /// listings and the described-by cells.
    public static func need(of role: Role, skill: Skill, in catalog: Catalog) -> SkillNeed {
        var need = SkillNeed()
        for dimensionID in skill.ratedBy {
            guard let dimension = catalog.dimension(dimensionID), let scaleID = dimension.scale, let scale = catalog.scale(scaleID),
                  let equivalent = catalog.equivalent(ofScale: scaleID) else { continue }
            for value in role.values(for: dimensionID) {
                guard let rating = value.levelRating, equivalent.steps.indices.contains(rating.rank) else { continue }
                need.ratings.append(SourceRating(dimension: dimensionID, label: rating.label, level: rating.level, scale: scale.title,
                                                 scaleLevels: scale.levels, step: equivalent.steps[rating.rank], sources: value.sources,
                                                 cited: catalog.shortNames(value.sources)))
            }
        }
        for listing in skill.listed where listing.role == role.id {
            need.mentions.append(SourceMention(text: listing.text, sources: listing.sources, cited: catalog.shortNames(listing.sources)))
        }
        for dimensionID in skill.describedBy {
            for value in role.values(for: dimensionID) {
                if case .prose(let text) = value.content { need.mentions.append(SourceMention(text: text, sources: value.sources, cited: catalog.shortNames(value.sources))) }
            }
        }
        return need
    }

    /// The roles that get a score: those the sources rate on a scale for at least one skill.
    public static func scoredRoles(in catalog: Catalog) -> [Role] {
        catalog.roles.filter { role in catalog.skills.contains { !need(of: role, skill: $0, in: catalog).ratings.isEmpty } }
    }

    /// The skills every scored role is rated on: the one set all scores rest on.
    public static func sharedSkills(in catalog: Catalog) -> [Skill] {
        let roles = scoredRoles(in: catalog)
        guard !roles.isEmpty else { return [] }
        return catalog.skills.filter { skill in roles.allSatisfy { !need(of: $0, skill: skill, in: catalog).ratings.isEmpty } }
    }

    /// The plan steps into `role` that teach `skill`, earliest step first (then catalog order).
    public static func planSteps(into role: String, teaching skill: String, in catalog: Catalog) -> [PlanStep] {
        var steps: [PlanStep] = []
        for transition in catalog.transitions(into: role) {
            guard let index = transition.learnSkills.firstIndex(where: { $0.contains(skill) }) else { continue }
            steps.append(PlanStep(from: transition.from, background: catalog.background(id: transition.from)?.title ?? transition.from,
                                  step: index + 1, text: transition.learn[index]))
        }
        return steps.enumerated().sorted { a, b in
            a.element.step != b.element.step ? a.element.step < b.element.step : a.offset < b.offset
        }.map(\.element)
    }

    /// How the ratings measure up to one role.
    public func fit(for role: Role, in catalog: Catalog) -> RoleFit {
        fit(for: role, shared: Self.sharedSkills(in: catalog), scored: Self.scoredRoles(in: catalog).contains { $0.id == role.id }, in: catalog)
    }

    func fit(for role: Role, shared: [Skill], scored: Bool, in catalog: Catalog) -> RoleFit {
        var result = RoleFit(role: role.id, title: role.title, scored: scored)
        if scored {
            for skill in shared {
                let need = Self.need(of: role, skill: skill, in: catalog)
                guard let needed = need.step else { continue }
                guard let yours = ratings[skill.id] else {
                    result.unrated.append(skill.id)
                    continue
                }
                result.skills.append(SkillFit(skill: skill.id, title: skill.title, needs: needed, yours: yours,
                                              short: max(0, needed.rawValue - yours.rawValue), ratings: need.ratings))
            }
        }
        var gaps: [(gap: SkillGap, order: Int)] = []
        for (order, skill) in catalog.skills.enumerated() {
            guard let yours = ratings[skill.id] else { continue }
            let need = Self.need(of: role, skill: skill, in: catalog)
            var gap: SkillGap?
            if let needed = need.step, needed > yours {
                gap = SkillGap(skill: skill.id, title: skill.title, yours: yours, needs: needed, short: needed.rawValue - yours.rawValue,
                               atLeast: false, ratings: need.ratings, mentions: [])
            } else if need.coverage == .listed && yours == .none {
                gap = SkillGap(skill: skill.id, title: skill.title, yours: yours, needs: nil, short: 1, atLeast: true,
                               ratings: [], mentions: need.mentions)
            }
            guard var found = gap else { continue }
            found.plan = Self.planSteps(into: role.id, teaching: skill.id, in: catalog)
            gaps.append((found, order))
        }
        result.gaps = gaps.sorted { a, b in
            if a.gap.short != b.gap.short { return a.gap.short > b.gap.short }
            if a.gap.yours != b.gap.yours { return a.gap.yours < b.gap.yours }
            let stepA = a.gap.plan.first?.step ?? Int.max, stepB = b.gap.plan.first?.step ?? Int.max
            if stepA != stepB { return stepA < stepB }
            return a.order < b.order
        }.map(\.gap)
        return result
    }

    /// Every role's fit, in catalog order (see `RoleFit.ranked` for best first).
    public func fits(in catalog: Catalog) -> [RoleFit] {
        let shared = Self.sharedSkills(in: catalog)
        let scored = Set(Self.scoredRoles(in: catalog).map(\.id))
        return catalog.roles.map { fit(for: $0, shared: shared, scored: scored.contains($0.id), in: catalog) }
    }
}

/// A step of a transition plan: "step 1 of the plan from Software engineer".
public struct PlanStep: Codable, Hashable, Sendable {
    /// The background's id.
    public var from: String
    /// The background's title.
    public var background: String
    /// 1-based.
    public var step: Int
    public var text: String

    public init(from: String, background: String, step: Int, text: String) {
        self.from = from
        self.background = background
        self.step = step
        self.text = text
    }
}

/// How one person's ratings measure up to one role, with the working shown.
public struct RoleFit: Codable, Hashable, Sendable {
    public var role: String
    public var title: String
    /// Whether the sources rate this role's skills on a scale at all.
    public var scored: Bool
    /// The shared skills you rated, in catalog order: what the score rests on.
    public var skills: [SkillFit]
    /// The shared skills you did not rate.
    public var unrated: [String]
    /// Every skill you rated where you fall short of the role, largest first.
    public var gaps: [SkillGap]

    public init(role: String, title: String, scored: Bool, skills: [SkillFit] = [], unrated: [String] = [], gaps: [SkillGap] = []) {
        self.role = role
        self.title = title
        self.scored = scored
        self.skills = skills
        self.unrated = unrated
        self.gaps = gaps
    }

    /// The levels the shared skills you rated need, added up.
    public var neededLevels: Int { skills.reduce(0) { $0 + $1.needs.rawValue } }
    /// The levels you are short of them.
    public var shortLevels: Int { skills.reduce(0) { $0 + $1.short } }
    public var metLevels: Int { neededLevels - shortLevels }

    /// Levels met ÷ levels needed, as a whole percentage (halves round up); nil when no
    /// skill could be compared.
    public var percent: Int? {
        guard neededLevels > 0 else { return nil }
        return (200 * metLevels + neededLevels) / (2 * neededLevels)
    }

    /// Fits best first; roles without a score last, in their original order.
    public static func ranked(_ fits: [RoleFit]) -> [RoleFit] {
        fits.enumerated().sorted { a, b in
            switch (a.element.percent, b.element.percent) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// One line of a fit's working: what the role needs of a shared skill, your rating, and
/// how many levels short you are.
public struct SkillFit: Codable, Hashable, Sendable {
    public var skill: String
    public var title: String
    public var needs: SkillLevel
    public var yours: SkillLevel
    public var short: Int
    /// The source ratings the need comes from.
    public var ratings: [SourceRating]

    public init(skill: String, title: String, needs: SkillLevel, yours: SkillLevel, short: Int, ratings: [SourceRating]) {
        self.skill = skill
        self.title = title
        self.needs = needs
        self.yours = yours
        self.short = short
        self.ratings = ratings
    }
}

/// A skill where you fall short of a role, with the plan steps that close it.
public struct SkillGap: Codable, Hashable, Sendable {
    public var skill: String
    public var title: String
    public var yours: SkillLevel
    /// The step the role needs; nil when the sources name the skill without a level.
    public var needs: SkillLevel?
    /// Levels short; for a skill named without a level, 1 (at least one).
    public var short: Int
    /// True when the sources give no level, so the gap is at least `short`.
    public var atLeast: Bool
    public var ratings: [SourceRating]
    public var mentions: [SourceMention]
    /// The plan steps into the role that teach the skill, earliest first.
    public var plan: [PlanStep] = []

    public init(skill: String, title: String, yours: SkillLevel, needs: SkillLevel?, short: Int, atLeast: Bool,
                ratings: [SourceRating], mentions: [SourceMention], plan: [PlanStep] = []) {
        self.skill = skill
        self.title = title
        self.yours = yours
        self.needs = needs
        self.short = short
        self.atLeast = atLeast
        self.ratings = ratings
        self.mentions = mentions
        self.plan = plan
    }
}

extension Catalog {
    /// The sources' short names ("H2K"), in the order given.
    public func shortNames(_ sources: [String]) -> [String] { sources.map { source($0)?.short ?? $0 } }
}

extension DimensionValue {
    /// The level, when the value is one.
    public var levelRating: LevelRating? {
        if case .level(let rating) = content { return rating }
        return nil
    }
}
