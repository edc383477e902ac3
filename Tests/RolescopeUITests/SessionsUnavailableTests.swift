import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// S while sessions are unavailable (issue 16, item 6): no candidate name is asked for,
/// and the app says at once that no session was started.
final class SessionsUnavailableTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")

    func testSAsksForNoNameAndSaysSessionsAreUnavailable() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        for keys: [Key] in [[.char("3"), .char("S")], [.char("3"), .enter, .char("S")]] {
            var model = AppModel(catalog: catalog, width: 100, height: 30)
            model.warning = "sessions unavailable: cannot create the directory"
            model.questionnaire.sessionsAvailable = false
            for key in keys { _ = model.update(.key(key)) }
            XCTAssertNil(model.questionnaire.session)
            var buffer = Buffer(width: 100, height: 30)
            model.render(into: &buffer)
            XCTAssertFalse(buffer.lines().joined().contains("Candidate"), "no prompt for a name after \(keys)")
            XCTAssertEqual(model.message, "No session started: sessions are unavailable")
        }
    }

    func testALongWarningWrapsAndKeepsItsRemedy() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        let remedy = "check that the folder exists and is writable, or set ROLESCOPE_DATA_HOME to one that is"
        model.warning = "sessions unavailable: cannot create /home/someone/.local/share/rolescope: permission denied; " + remedy
        var buffer = Buffer(width: 80, height: 24)
        model.render(into: &buffer)
        let text = buffer.lines().prefix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(text.contains("ROLESCOPE_DATA_HOME to one that is"), "the remedy is on screen: \(text)")
        XCTAssertGreaterThan(model.contentArea.y, 2, "the warning has rows of its own")
        XCTAssertEqual(model.contentArea.bottom, 23, "the screen still ends above the hint bar")
        model.warning = nil
        XCTAssertEqual(model.contentArea.y, 2)
    }
}
