import Foundation

/// Places in the Rolescope checkout the fuzzers read fixtures from.
public enum RepositoryPaths {
    /// The repository root: this file is Fuzz/Sources/FuzzSupport/Paths.swift.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")
}
