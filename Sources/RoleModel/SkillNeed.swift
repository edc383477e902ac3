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
