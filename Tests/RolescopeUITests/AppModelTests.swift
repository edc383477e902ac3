import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The root model: tabs, back history, help, search, and the too-small screen.
final class AppModelTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func model(width: Int = 100, height: Int = 30) throws -> AppModel {
        AppModel(catalog: try CatalogLoader.load(directory: Self.fixtures.appendingPathComponent("minimal")), width: width, height: height)
    }

    func keys(_ model: inout AppModel, _ keys: Key...) -> [AppEffect] { keys.map { model.update(.key($0)) } }

    func testDigitsSwitchTabsEscGoesBackAndQQuitsFromAnyTab() throws {
        var app = try model()
        XCTAssertEqual(app.tab, .roles)
        _ = keys(&app, .char("2"))
        XCTAssertEqual(app.tab, .compare)
        _ = keys(&app, .char("4"))
        XCTAssertEqual(app.tab, .timeline)
        XCTAssertEqual(app.update(.key(.escape)), .none, "Esc goes back to the previous tab")
        XCTAssertEqual(app.tab, .compare)
        XCTAssertEqual(app.update(.key(.char("q"))), .quit, "q quits at a tab's top level, without walking back")
        _ = keys(&app, .char("4"))
        XCTAssertEqual(app.update(.key(.char("q"))), .quit, "from any tab")
    }

    func testTabCyclesAndCtrlCQuitsAtOnce() throws {
        var app = try model()
        _ = keys(&app, .tab, .tab)
        XCTAssertEqual(app.tab, .questionnaire)
        _ = keys(&app, .backTab)
        XCTAssertEqual(app.tab, .compare)
        XCTAssertEqual(app.update(.key(.ctrl("c"))), .quit)
        XCTAssertEqual(app.update(.key(.ctrl("l"))), .redrawAll)
    }

    func testOpeningADestinationRemembersWhereWeCameFrom() throws {
        var app = try model()
        app.open(.compare(roles: ["builder", "thinker"]))
        XCTAssertEqual(app.tab, .compare)
        app.open(.timeline(role: "builder", kind: .day, entry: 1))
        XCTAssertEqual(app.tab, .timeline)
        _ = keys(&app, .escape)
        XCTAssertEqual(app.tab, .compare)
        _ = keys(&app, .escape)
        XCTAssertEqual(app.tab, .roles)
    }

    func testHelpOpensAndAnyKeyClosesIt() throws {
        var app = try model()
        _ = app.update(.resize(width: 100, height: 60))
        _ = keys(&app, .char("?"))
        var buffer = Buffer(width: 100, height: 60)
        app.render(into: &buffer)
        let text = buffer.lines().joined(separator: "\n")
        XCTAssertTrue(text.contains("Help"))
        XCTAssertTrue(text.contains("open profile") || text.contains("open"), "the screen's own keys come first")
        XCTAssertTrue(text.contains("quit at once"), "fixed keys are listed")
        XCTAssertTrue(text.contains("search"), "global keys come from the same key map")
        _ = keys(&app, .char("x"))
        buffer = Buffer(width: 100, height: 60)
        app.render(into: &buffer)
        XCTAssertFalse(buffer.lines().joined(separator: "\n").contains("Any other key closes this help."))
    }

    func testIncrementalSearchJumpsToTheHit() throws {
        var app = try model()
        _ = keys(&app, .char("/"), .char("s"), .char("t"), .char("a"), .char("n"), .char("d"))
        var buffer = Buffer(width: 100, height: 30)
        app.render(into: &buffer)
        let text = buffer.lines().joined(separator: "\n")
        XCTAssertTrue(text.contains("/stand"), text)
        XCTAssertTrue(text.contains("1 of 1"), text)
        _ = keys(&app, .enter)
        XCTAssertEqual(app.tab, .timeline, "a timeline entry hit opens the timeline")
        _ = keys(&app, .char("2"), .char("n"))
        XCTAssertEqual(app.tab, .timeline, "n steps to the (only) hit again")
    }

    func testSearchEscapeCancelsAndBackspaceEdits() throws {
        var app = try model()
        _ = keys(&app, .char("/"), .char("z"), .backspace, .char("p"))
        XCTAssertEqual((app.overlay as? SearchOverlay)?.query, "p")
        _ = keys(&app, .escape)
        XCTAssertEqual(app.tab, .roles)
        XCTAssertNil(app.overlay)
        XCTAssertNil(app.searchTrail, "a cancelled search leaves nothing for n and N")
    }

    func testTooSmallShowsANoticeAndRecovers() throws {
        var app = try model()
        XCTAssertEqual(app.update(.resize(width: 40, height: 12)), .redrawAll)
        var small = Buffer(width: 40, height: 12)
        app.render(into: &small)
        XCTAssertTrue(small.lines().joined(separator: " ").lowercased().contains("too small"))
        _ = keys(&app, .char("2"))
        XCTAssertEqual(app.tab, .roles, "keys other than quit wait for a usable size")
        _ = app.update(.resize(width: 100, height: 30))
        var big = Buffer(width: 100, height: 30)
        app.render(into: &big)
        XCTAssertTrue(big.lines()[0].contains("Rolescope"))
    }

    func testEverySizeDownToOneByOneRenders() throws {
        var app = try model()
        for (w, h) in [(1, 1), (2, 1), (1, 5), (10, 3), (59, 15), (60, 16), (61, 17), (200, 60)] {
            _ = app.update(.resize(width: w, height: h))
            var buffer = Buffer(width: w, height: h)
            app.render(into: &buffer)
            XCTAssertEqual(buffer.lines().count, h)
        }
    }
}
