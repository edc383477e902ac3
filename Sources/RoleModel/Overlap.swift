/// Work that two or more roles share, and how the sources say it is split.
public struct Overlap: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The role ids that meet here.
    public var roles: [String]
    public var summary: String
    public var details: [String]
    public var sources: [String]

    public init(id: String, title: String, roles: [String], summary: String,
                details: [String] = [], sources: [String]) {
        self.id = id
        self.title = title
        self.roles = roles
        self.summary = summary
        self.details = details
        self.sources = sources
    }
}
