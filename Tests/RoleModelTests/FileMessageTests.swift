@testable import RoleModel
import Foundation
import XCTest

/// Messages about content files that used to mislead (issue 16, item 6).
final class FileMessageTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func problems() -> [ContentProblem] {
        do {
            _ = try CatalogLoader.load(directory: directory, displayPath: "dir")
            XCTFail("expected problems")
            return []
        } catch {
            return error.problems
        }
    }

    func testAUTF16FileIsNamedAsSuchNotGivenALatin1Hint() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "sources: []\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: directory.appendingPathComponent("utf16.yaml"))
        let problem = try XCTUnwrap(problems().first { $0.file == "dir/utf16.yaml" })
        XCTAssertTrue(problem.message.contains("UTF-16LE"), problem.description)
        XCTAssertFalse(problem.description.contains("latin1"), problem.description)
    }

    func testASymbolicLinkLoopSaysLoop() throws {
        let a = directory.appendingPathComponent("a.yaml").path
        let b = directory.appendingPathComponent("b.yaml").path
        XCTAssertEqual(symlink(b, a), 0)
        XCTAssertEqual(symlink(a, b), 0)
        let found = problems().filter { $0.file == "dir/a.yaml" || $0.file == "dir/b.yaml" }
        XCTAssertEqual(found.count, 2)
        for problem in found {
            XCTAssertTrue(problem.message.contains("loop"), problem.description)
            XCTAssertFalse(problem.message.contains("to nothing"), problem.description)
        }
    }

    func testControlCharactersInAFileNameAreEscapedInTheMessage() throws {
        try Data("sources: [\n".utf8).write(to: directory.appendingPathComponent("two\nlines\u{1B}[31m.yaml"))
        let problem = try XCTUnwrap(problems().first)
        XCTAssertEqual(problem.description.split(separator: "\n").count, 1, problem.description)
        XCTAssertTrue(problem.description.hasPrefix("dir/two^Jlines^[[31m.yaml:"), problem.description)
    }
}
