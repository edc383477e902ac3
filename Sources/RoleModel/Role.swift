/// One of the careers Rolescope compares, with everything the sources say about it.
public struct Role: Codable, Hashable, Sendable, Identifiable {
    /// A slug such as `ml-engineer`.
    public var id: String
    public var title: String
    /// Short names accepted wherever a role is named, such as `mle`.
    public var aliases: [String]
    /// One line that tells the role apart from the others.
    public var summary: String
    /// Neighbouring or alternate titles and what the sources say of them.
    public var related: [RelatedTitle]
    /// The role's values, by dimension id. A dimension may hold several values from
    /// different sources, which may disagree; all are kept, in file order.
    public var values: [String: [DimensionValue]]

    public init(id: String, title: String, aliases: [String] = [], summary: String,
                related: [RelatedTitle] = [], values: [String: [DimensionValue]] = [:]) {
        self.id = id
        self.title = title
        self.aliases = aliases
        self.summary = summary
        self.related = related
        self.values = values
    }

    /// The values this role has for `dimension`, empty when no source covers it.
    public func values(for dimension: String) -> [DimensionValue] {
        values[dimension] ?? []
    }
}

/// A title the sources treat as a neighbour of, or another name for, a role.
public struct RelatedTitle: Codable, Hashable, Sendable {
    public var title: String
    public var note: String
    public var sources: [String]

    public init(title: String, note: String, sources: [String]) {
        self.title = title
        self.note = note
        self.sources = sources
    }
}
