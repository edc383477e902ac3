import Foundation
import XCTest
@testable import RoleModel

/// Paths to the shared fixture directories under Tests/Fixtures.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let minimal = root.appendingPathComponent("minimal")
    static let broken = root.appendingPathComponent("broken")
    static let assets = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets")

    /// The minimal catalog's files as (name, text) documents, so a test can replace one.
    static func minimalDocuments() throws -> [(file: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: minimal.path).sorted().filter { $0.hasSuffix(".yaml") }.map {
            ($0, try String(contentsOf: minimal.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static func minimalCatalog() throws -> Catalog {
        try CatalogLoader.load(directory: minimal)
    }
}

extension XCTestCase {
    /// Loads the minimal catalog with `file` replaced by (or added as) `text`, and returns
    /// the problems found; fails if the content loads cleanly.
    func problems(replacing file: String, with text: String, line: UInt = #line) throws -> [ContentProblem] {
        var documents = try Fixtures.minimalDocuments().filter { $0.file != file }
        documents.append((file, text))
        do {
            _ = try CatalogLoader.load(documents: documents)
            XCTFail("expected problems, but the content loaded", line: line)
            return []
        } catch {
            return error.problems
        }
    }

    /// Asserts that exactly one problem contains `message`, at `file` and `atLine`.
    func assertProblem(_ problems: [ContentProblem], _ message: String, file: String, atLine: Int?,
                       hint: String? = nil, line: UInt = #line) {
        let matching = problems.filter { $0.message.contains(message) }
        guard matching.count == 1, let problem = matching.first else {
            XCTFail("expected one problem containing \"\(message)\", got:\n" + problems.map(\.description).joined(separator: "\n"), line: line)
            return
        }
        XCTAssertEqual(problem.file, file, line: line)
        XCTAssertEqual(problem.line, atLine, "line of: \(problem)", line: line)
        if let hint { XCTAssertTrue(problem.hint?.contains(hint) ?? false, "hint of: \(problem)", line: line) }
    }
}
