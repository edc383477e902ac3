import Foundation
import XCTest
@testable import SessionStore

/// Path problems are found before SQLite or Foundation can report them in their own words:
/// one sentence naming the path and the fix.
final class SessionStorePathTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testAFileWhereTheDataFolderShouldBeIsNamedWithTheFix() throws {
        let file = folder.appendingPathComponent("xdg")
        try Data().write(to: file)
        let location = file.appendingPathComponent("rolescope/sessions.sqlite")
        let problem = try XCTUnwrap(SessionStorePath.problem(location))
        XCTAssertTrue(problem.hasPrefix("\(file.path) is a file, but sessions are kept in a folder under it"), problem)
        XCTAssertTrue(problem.contains("set ROLESCOPE_DATA_HOME"), problem)
        // Opening it says the same in the store's words, with no error dump.
        XCTAssertThrowsError(try SessionStore(location: location)) { error in
            XCTAssertTrue("\(error)".contains("\(file.path) is a file, not a folder"), "\(error)")
            XCTAssertFalse("\(error)".contains("NSCocoaErrorDomain"))
        }
    }

    func testTheDatabaseNameTakenByAFolderIsNamed() throws {
        let location = folder.appendingPathComponent("sessions.sqlite")
        try FileManager.default.createDirectory(at: location, withIntermediateDirectories: true)
        XCTAssertTrue(SessionStorePath.problem(location)?.contains("is a folder, where the sessions database file should be") ?? false)
    }

    func testAPathThatCanHoldTheDatabaseHasNoProblem() throws {
        XCTAssertNil(SessionStorePath.problem(folder.appendingPathComponent("a/b/sessions.sqlite")))
        XCTAssertTrue(SessionStorePath.canCreate(in: folder.appendingPathComponent("a/b/sessions.sqlite")))
        let store = try SessionStore(location: folder.appendingPathComponent("data/sessions.sqlite"))
        XCTAssertNil(SessionStorePath.problem(store.location))
    }
}
