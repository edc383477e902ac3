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
