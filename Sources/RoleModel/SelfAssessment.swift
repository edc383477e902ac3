/// How well someone says they know a skill, on the five-step scale of the self-assessment.
/// The raw value is the step's number on the 0–4 scale the fit formula uses.
public enum SkillLevel: Int, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case none = 0, basic, working, strong, expert

    public var title: String {
        switch self {
        case .none: return "none"
        case .basic: return "basic"
        case .working: return "working"
        case .strong: return "strong"
        case .expert: return "expert"
        }
    }

    /// What the step means, shown beside it so two people rate the same way.
    public var description: String {
        switch self {
        case .none: return "Never used it, or only heard of it."
        case .basic: return "Know the ideas; have tried it with guidance or in a tutorial."
        case .working: return "Use it on real work without help."
        case .strong: return "Handle the hard cases; others come to you with it."
        case .expert: return "Could teach it, or set how a team does it."
        }
    }

    /// The step as a number on the 0–4 scale.
    public var value: Double { Double(rawValue) }

    /// The step named by `text`: its title ("working") or its number (0–4).
    public init?(named text: String) {
        let wanted = text.lowercased()
        if let found = Self.allCases.first(where: { $0.title == wanted || String($0.rawValue) == wanted }) { self = found } else { return nil }
    }

    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A skill the catalog rates: a `level` dimension that at least one role has a level for,
/// such as H2K's "Model development" (Basic < Moderate < Advanced) or AI Graduate's
/// "Statistics" (Less critical < ... < Critical).
public struct RatedSkill: Codable, Hashable, Sendable, Identifiable {
    /// The dimension's id.
    public var id: String
    public var title: String
    /// The dimension group's title, which names the article's table ("Skills, H2K summary").
    public var group: String
    /// The article's scale the roles' levels are on.
    public var scale: Scale

    public init(id: String, title: String, group: String, scale: Scale) {
        self.id = id
        self.title = title
        self.group = group
        self.scale = scale
    }
}

/// One person's ratings of the skills the catalog rates, and what they make of each role.
///
/// The fit formula (also in the README, and in `SelfAssessment.formula` for display):
///
/// - required = 4 × (rank + 1) / levels, the role's level on the article's scale placed on
///   the 0–4 scale of the self-assessment (rank is the level's 0-based position, levels the
///   number of steps on that scale; it is the fraction Compare draws as the level's bar).
///   When sources give a role several levels for one skill, the highest counts.
/// - yours = your rating: none 0, basic 1, working 2, strong 3, expert 4.
/// - gap = max(0, required − yours): being stronger than needed in one skill does not make
///   up for a gap in another.
/// - fit = 100 × (1 − Σgap / Σrequired), summed over the skills the role has a level for
///   and you rated. Skills you did not rate are left out of both sums and listed.
public struct SelfAssessment: Codable, Hashable, Sendable {
    /// Your rating of each skill, by dimension id. Skills not in here are unrated.
    public var ratings: [String: SkillLevel]

    public init(ratings: [String: SkillLevel] = [:]) { self.ratings = ratings }

    /// The formula, in the words the app and the exports show beside the scores.
    public static let formula: [String] = [
        "required = 4 × (rank + 1) ÷ levels: the role's level on the article's scale, placed on the 0–4 scale (none 0, basic 1, working 2, strong 3, expert 4)",
        "gap = required − yours, or 0 when yours is at least the required level",
        "fit = 100 × (1 − total gap ÷ total required), over the skills you rated that the articles rate for the role",
    ]

    /// The skills the catalog rates, in catalog order.
    public static func skills(in catalog: Catalog) -> [RatedSkill] {
        catalog.dimensions.compactMap { dimension -> RatedSkill? in
            guard dimension.kind == .level, let scaleID = dimension.scale, let scale = catalog.scale(scaleID),
                  catalog.roles.contains(where: { role in role.values(for: dimension.id).contains { $0.levelRating != nil } })
            else { return nil }
            return RatedSkill(id: dimension.id, title: dimension.title, group: catalog.group(dimension.group)?.title ?? dimension.group, scale: scale)
        }
    }

    /// What a role's level of a skill asks for on the 0–4 scale: 4 × (rank + 1) / levels.
    public static func required(_ rating: LevelRating) -> Double {
        rating.outOf > 0 ? 4 * Double(rating.rank + 1) / Double(rating.outOf) : 0
    }

    /// What `role` needs of a skill: the highest level its sources give (the one the fit
    /// counts), with the sources that give it; nil when no source rates the role on it.
    public static func highestLevel(of role: Role, skill: String) -> (rating: LevelRating, sources: [String])? {
        role.values(for: skill).compactMap { value in value.levelRating.map { (rating: $0, sources: value.sources) } }
            .max { required($0.rating) < required($1.rating) }
    }

    /// How the ratings measure up to one role, skill by skill.
    public func fit(for role: Role, in catalog: Catalog) -> RoleFit {
        var breakdown: [SkillFit] = []
        var unrated: [String] = []
        for skill in Self.skills(in: catalog) {
            guard let demanding = Self.highestLevel(of: role, skill: skill.id) else { continue }
            guard let yours = ratings[skill.id] else {
                unrated.append(skill.id)
                continue
            }
            let required = Self.required(demanding.rating)
            breakdown.append(SkillFit(skill: skill.id, title: skill.title, label: demanding.rating.label,
                                      level: demanding.rating.level, scale: skill.scale.title, required: required,
                                      yours: yours, gap: max(0, required - yours.value), sources: demanding.sources))
        }
        return RoleFit(role: role.id, title: role.title, skills: breakdown, unrated: unrated)
    }

    /// Every role's fit, in catalog order (see `RoleFit.ranked` for best first).
    public func fits(in catalog: Catalog) -> [RoleFit] {
        catalog.roles.map { fit(for: $0, in: catalog) }
    }
}

/// How one person's ratings measure up to one role, with the working shown.
public struct RoleFit: Codable, Hashable, Sendable {
    public var role: String
    public var title: String
    /// Every skill the role has a level for and the person rated, in catalog order.
    public var skills: [SkillFit]
    /// The ids of skills the role has a level for that the person did not rate.
    public var unrated: [String]

    public init(role: String, title: String, skills: [SkillFit], unrated: [String] = []) {
        self.role = role
        self.title = title
        self.skills = skills
        self.unrated = unrated
    }

    public var totalRequired: Double { skills.reduce(0) { $0 + $1.required } }
    public var totalGap: Double { skills.reduce(0) { $0 + $1.gap } }

    /// 100 × (1 − Σgap / Σrequired); nil when no skill could be compared (the articles rate
    /// none of the role's skills, or the person rated none of them).
    public var score: Double? {
        let required = totalRequired
        guard required > 0 else { return nil }
        return 100 * (1 - totalGap / required)
    }

    /// The score rounded to a whole percentage, for display.
    public var percent: Int? { score.map { Int($0.rounded()) } }

    /// The skills with a gap, largest gap first; ties go to the skill the role needs more,
    /// then to catalog order.
    public var gaps: [SkillFit] {
        skills.enumerated().filter { $0.element.gap > 0 }.sorted { a, b in
            if a.element.gap != b.element.gap { return a.element.gap > b.element.gap }
            if a.element.required != b.element.required { return a.element.required > b.element.required }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Fits best first; roles without a score last, in their original order.
    public static func ranked(_ fits: [RoleFit]) -> [RoleFit] {
        fits.enumerated().sorted { a, b in
            switch (a.element.score, b.element.score) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// One line of a fit's working: what the role asks for in a skill, what you rated, the gap.
public struct SkillFit: Codable, Hashable, Sendable {
    /// The skill's dimension id.
    public var skill: String
    public var title: String
    /// The article's own name for the skill for this role, when it has one.
    public var label: String?
    /// The role's level as the article's scale names it ("Advanced").
    public var level: String
    /// The scale's title ("H2K proficiency").
    public var scale: String
    /// The level on the 0–4 scale.
    public var required: Double
    public var yours: SkillLevel
    public var gap: Double
    public var sources: [String]

    public init(skill: String, title: String, label: String? = nil, level: String, scale: String,
                required: Double, yours: SkillLevel, gap: Double, sources: [String]) {
        self.skill = skill
        self.title = title
        self.label = label
        self.level = level
        self.scale = scale
        self.required = required
        self.yours = yours
        self.gap = gap
        self.sources = sources
    }
}

extension DimensionValue {
    /// The level, when the value is one.
    public var levelRating: LevelRating? {
        if case .level(let rating) = content { return rating }
        return nil
    }
}
