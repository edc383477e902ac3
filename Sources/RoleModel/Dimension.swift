#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An aspect on which roles are compared, such as "Primary output" or "Pay".
public struct Dimension: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The id of the `DimensionGroup` it is shown under.
    public var group: String
    public var kind: DimensionKind
    /// For `.level` dimensions, the id of the `Scale` their levels are on.
    public var scale: String?
    /// What the dimension means, for readers who are new to the field.
    public var help: String?

    public init(id: String, title: String, group: String, kind: DimensionKind,
                scale: String? = nil, help: String? = nil) {
        self.id = id
        self.title = title
        self.group = group
        self.kind = kind
        self.scale = scale
        self.help = help
    }
}

/// The shape of a dimension's values.
public enum DimensionKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A paragraph of text.
    case prose
    /// A list of short items.
    case list
    /// A level on a named ordinal scale, such as Basic < Moderate < Advanced.
    case level
    /// A pay figure or range with its basis.
    case money
    /// Career steps with the years at each.
    case ladder
}

/// A heading that dimensions are grouped under.
public struct DimensionGroup: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// A named ordinal scale, lowest level first. Each article's scale is kept as its own:
/// H2K's Basic < Moderate < Advanced is not AI Graduate's Less critical < ... < Critical.
public struct Scale: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var levels: [String]
    public var sources: [String]

    public init(id: String, title: String, levels: [String], sources: [String]) {
        self.id = id
        self.title = title
        self.levels = levels
        self.sources = sources
    }

    /// The position of `level` on the scale (0 is lowest), matched without regard to case.
    public func rank(of level: String) -> Int? {
        levels.firstIndex { $0.equalsIgnoringCase(level) }
    }
}
