import RoleModel

/// How values read as plain text, shared by every text and Markdown report.
public struct ValueText: Sendable {
    public let catalog: Catalog
    /// Whether to append "[JoinAI]"-style citations.
    public var citations: Bool
    public var bullet: String

    public init(catalog: Catalog, citations: Bool = true, bullet: String = "•") {
        self.catalog = catalog
        self.citations = citations
        self.bullet = bullet
    }

    /// "[JoinAI, H2K]" for a list of source ids.
    public func cite(_ sources: [String]) -> String {
        "[" + sources.map { catalog.source($0)?.short ?? $0 }.joined(separator: ", ") + "]"
    }

    /// One value as text; lists and ladders take several lines.
    public func text(_ value: DimensionValue) -> String {
        var body: String
        switch value.content {
        case .prose(let text):
            body = text
        case .list(let items):
            body = items.map { "\(bullet) \($0)" }.joined(separator: "\n")
        case .level(let rating):
            body = (rating.label.map { "\($0): " } ?? "") + "\(rating.level) (\(rating.rank + 1) of \(rating.outOf))"
        case .money(let money):
            body = money.figure + " per \(money.period), " + money.basisText + (money.label.map { " — \($0)" } ?? "")
        case .ladder(let steps):
            body = steps.enumerated().map { index, step in
                "\(index + 1). \(step.title)" + (step.yearsText.map { " (\($0))" } ?? "") + (step.focus.map { ": \($0)" } ?? "")
            }.joined(separator: "\n")
        }
        if citations { body += (body.contains("\n") ? "\n" : " ") + cite(value.sources) }
        if let note = value.note { body += "\nNote: \(note)" }
        return body
    }

    /// All of a role's values for a dimension, separated by blank lines; nil when none.
    public func text(_ values: [DimensionValue]) -> String? {
        values.isEmpty ? nil : values.map(text).joined(separator: "\n\n")
    }
}
