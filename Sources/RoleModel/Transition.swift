/// Where someone changing careers is coming from.
public struct Background: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var aliases: [String]

    public init(id: String, title: String, aliases: [String] = []) {
        self.id = id
        self.title = title
        self.aliases = aliases
    }
}

/// A move from a background into a role: what to learn, in order, and how long the
/// sources say it takes.
public struct Transition: Codable, Hashable, Sendable {
    public var from: String
    public var to: String
    /// Nil when no source gives a duration.
    public var duration: TransitionDuration?
    public var learn: [String]
    /// For each step of `learn`, the ids of the skills (`Skill`) it teaches; the
    /// self-assessment links a gap to the step that closes it through these.
    public var learnSkills: [[String]]
    public var advice: String?
    public var sources: [String]

    public init(from: String, to: String, duration: TransitionDuration? = nil, learn: [String],
                learnSkills: [[String]] = [], advice: String? = nil, sources: [String]) {
        self.from = from
        self.to = to
        self.duration = duration
        self.learn = learn
        self.learnSkills = learn.indices.map { learnSkills.indices.contains($0) ? learnSkills[$0] : [] }
        self.advice = advice
        self.sources = sources
    }
}

/// How long a transition takes, as the source words it and as months where it gives them.
public struct TransitionDuration: Codable, Hashable, Sendable {
    public var text: String
    public var minMonths: Int?
    public var maxMonths: Int?

    public init(text: String, minMonths: Int? = nil, maxMonths: Int? = nil) {
        self.text = text
        self.minMonths = minMonths
        self.maxMonths = maxMonths
    }
}

/// A reference from a questionnaire outcome to a transition.
public struct TransitionRef: Codable, Hashable, Sendable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
