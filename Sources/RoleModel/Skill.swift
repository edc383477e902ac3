/// One skill as a person rates it: one concept (Python, MLOps, retrieval), however many
/// article tables rate it and under whatever names. It gathers every source rating of the
/// concept for every role, on each source's own scale, and says what each step of the
/// self-assessment's plain scale means for this skill.
public struct Skill: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// What the skill covers, in one line.
    public var summary: String
    /// The `level` dimensions whose values rate this skill (H2K's "Python Programming" and
    /// AI Graduate's "Python / C++" are both `python`).
    public var ratedBy: [String]
    /// Dimensions whose values describe the skill for a role in words but on no scale (the
    /// workshop guide's "Deep", "Awareness").
    public var describedBy: [String]
    /// Where a source names the skill as part of a role's work without giving a level.
    public var listed: [SkillListing]
    /// What basic, intermediate, advanced and expert mean for this skill, in that order.
    public var levels: [String]

    public init(id: String, title: String, summary: String, ratedBy: [String] = [], describedBy: [String] = [],
                listed: [SkillListing] = [], levels: [String]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.ratedBy = ratedBy
        self.describedBy = describedBy
        self.listed = listed
        self.levels = levels
    }

    /// What `level` means for this skill; "none" means the same for every skill.
    public func meaning(of level: SkillLevel) -> String {
        level == .none ? SkillLevel.none.description : (levels.indices.contains(level.rawValue - 1) ? levels[level.rawValue - 1] : level.description)
    }
}

/// A source naming a skill as part of a role's work without a level.
public struct SkillListing: Codable, Hashable, Sendable {
    public var role: String
    /// What the source says, in our words.
    public var text: String
    public var sources: [String]

    public init(role: String, text: String, sources: [String]) {
        self.role = role
        self.text = text
        self.sources = sources
    }
}

/// Where each level of an article's scale sits on the self-assessment's plain scale: one
/// whole step per level, so a gap is counted in whole levels and never in fractions.
public struct ScaleEquivalent: Codable, Hashable, Sendable {
    /// The `Scale`'s id.
    public var scale: String
    /// One plain step per level of the scale, lowest first.
    public var steps: [SkillLevel]

    public init(scale: String, steps: [SkillLevel]) {
        self.scale = scale
        self.steps = steps
    }
}
