/// An article the content is drawn from. Every value in the catalog cites one or more.
public struct Source: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String
    /// A short name for citations beside values, such as "JoinAI".
    public var short: String
    public var date: String
    /// What the article is richest in, so a reader knows what to look for there.
    public var covers: String

    public init(id: String, title: String, publisher: String, short: String? = nil, date: String, covers: String) {
        self.id = id
        self.short = short ?? id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.covers = covers
    }
}
