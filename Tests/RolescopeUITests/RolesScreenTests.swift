import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The Roles screen: the role list with its preview, and a role's full profile.
final class RolesScreenTests: XCTestCase {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = testsDirectory.appendingPathComponent("Fixtures/minimal")
    static let assets = testsDirectory.deletingLastPathComponent().appendingPathComponent("assets")

    func fixtureCatalog() throws -> Catalog { try CatalogLoader.load(directory: Self.fixture) }

    /// The built-in content; skips until it has roles to show.
    func realCatalog() throws -> Catalog {
        let catalog: Catalog
        do { catalog = try CatalogLoader.load(directory: Self.assets) } catch {
            throw XCTSkip("assets/ does not load yet: \(error)")
        }
        try XCTSkipIf(catalog.role(id: "ml-engineer") == nil, "assets/ has no ML Engineer yet")
        return catalog
    }

    /// A screen told its content area's size, as the app does before the first render.
    func makeScreen(_ catalog: Catalog, width: Int = 80, height: Int = 21) -> RolesScreen {
        var screen = RolesScreen(catalog: catalog)
        _ = screen.update(.resize(width: width, height: height))
        return screen
    }

    func render(_ screen: RolesScreen, width: Int = 80, height: Int = 21, glyphs: Glyphs = .unicode) -> [String] {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        screen.render(into: &buffer, area: buffer.area)
        return buffer.lines()
    }

    func snapshot(_ screen: RolesScreen, width: Int, height: Int, named name: String,
                  file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        let text = render(screen, width: width, height: height).joined(separator: "\n")
        assertSnapshot(of: text, as: .lines, named: name, file: file, testName: testName, line: line)
    }

    /// The profile's first visible line, without the scrollbar.
    func topLine(_ screen: RolesScreen, width: Int = 80, height: Int = 13) -> String {
        String(render(screen, width: width, height: height)[0].dropLast()).trimmingCharacters(in: .whitespaces)
    }

    @discardableResult
    func press(_ keys: Key..., on screen: inout RolesScreen) -> ScreenResult {
        var result = ScreenResult.ignored
        for key in keys { result = screen.update(.key(key)) }
        return result
    }

    // MARK: The list

    func testStartsAtTheListWithTheFirstRoleSelected() throws {
        let screen = makeScreen(try fixtureCatalog())
        XCTAssertTrue(screen.isAtTop)
        XCTAssertEqual(screen.breadcrumb, "Roles")
        XCTAssertEqual(screen.selectedRole?.id, "builder")
    }

    func testSelectionMovesAndStopsAtTheEnds() throws {
        var screen = makeScreen(try fixtureCatalog())
        XCTAssertEqual(press(.char("j"), on: &screen), .handled)
        XCTAssertEqual(screen.selectedRole?.id, "thinker")
        press(.down, .char("j"), on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "thinker", "stops at the last role")
        press(.char("k"), on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "builder")
        press(.up, on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "builder", "stops at the first role")
        press(.char("G"), on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "thinker")
        press(.char("g"), on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "builder")
        press(.end, on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "thinker")
        press(.home, on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "builder")
        press(.pageDown, on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "thinker")
        press(.pageUp, on: &screen)
        XCTAssertEqual(screen.selectedRole?.id, "builder")
    }

    func testKeysTheListDoesNotUseFallToTheApp() throws {
        var screen = makeScreen(try fixtureCatalog())
        for key: Key in [.escape, .char("h"), .left, .backspace, .char("q"), .char("/"), .char("?"), .tab, .char("2"), .char("]")] {
            XCTAssertEqual(screen.update(.key(key)), .ignored, "\(key)")
        }
        XCTAssertTrue(screen.isAtTop)
    }

    func testMouseClickSelectsAndAClickOnTheSelectedRoleOpensIt() throws {
        var screen = makeScreen(try fixtureCatalog())
        let panes = screen.listLayout(Rect(x: 0, y: 0, width: 80, height: 21))
        // The second role's alias row.
        let secondRow = panes.list.y + panes.rowsPerItem + 1
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 3, y: secondRow, kind: .press))), .handled)
        XCTAssertEqual(screen.selectedRole?.id, "thinker")
        XCTAssertTrue(screen.isAtTop)
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 3, y: secondRow - 1, kind: .press))), .handled)
        XCTAssertEqual(screen.openRole?.id, "thinker")
    }

    func testMouseWheelMovesTheSelectionAndAClickOnThePreviewOpensIt() throws {
        var screen = makeScreen(try fixtureCatalog())
        _ = screen.update(.mouse(MouseEvent(x: 40, y: 5, kind: .wheelDown)))
        XCTAssertEqual(screen.selectedRole?.id, "thinker")
        _ = screen.update(.mouse(MouseEvent(x: 40, y: 5, kind: .wheelUp)))
        XCTAssertEqual(screen.selectedRole?.id, "builder")
        _ = screen.update(.mouse(MouseEvent(x: 60, y: 3, kind: .press)))
        XCTAssertEqual(screen.openRole?.id, "builder")
    }

    func testPreviewShowsSummaryFieldsAndEveryPayFigureWithBasisAndSource() throws {
        let lines = render(makeScreen(try fixtureCatalog()))
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Builds the pipes."))
        XCTAssertTrue(text.contains("Primary output  • Pipelines that work. [Alpha]"), "with room, every source's view")
        XCTAssertTrue(text.contains("                • Data that arrives on time. [Beta]"))
        XCTAssertTrue(lines.contains { $0.hasSuffix("$90,000–$120,000  entry-level salary, US, 2026 [Alpha]") })
        XCTAssertTrue(lines.contains { $0.hasSuffix("$150,000          median annual wage, US, 2024-05 [Beta]") })
    }

    func testATightPreviewShowsTheShortestViewAndCountsTheOthers() throws {
        let catalog = try fixtureCatalog()
        let preview = RolePreview(catalog: catalog, role: catalog.roles[0])
        let lines = preview.lines(width: 56, height: 6, glyphs: .unicode).map(\.text)
        XCTAssertTrue(lines.contains("Primary output  Pipelines that work. [Alpha] +1 more"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("$90,000–$120,000  entry-level salary") && $0.hasSuffix("[Alpha]") },
                      "a cut pay line keeps its source")
    }

    // MARK: The profile

    func testEnterLAndRightOpenTheProfileAndEveryBackKeyReturns() throws {
        let catalog = try fixtureCatalog()
        for open: Key in [.enter, .char("l"), .right] {
            for back: Key in [.escape, .char("h"), .left, .backspace, .char("q")] {
                var screen = makeScreen(catalog)
                press(.char("j"), on: &screen)
                XCTAssertEqual(press(open, on: &screen), .handled)
                XCTAssertFalse(screen.isAtTop)
                XCTAssertEqual(screen.breadcrumb, "Roles › Data Thinker")
                XCTAssertEqual(press(back, on: &screen), .handled, "\(back) goes back inside the screen")
                XCTAssertTrue(screen.isAtTop)
                XCTAssertEqual(screen.breadcrumb, "Roles")
                XCTAssertEqual(screen.selectedRole?.id, "thinker", "the list keeps its selection")
            }
        }
    }

    func testProfileScrollsAndClampsAtBothEnds() throws {
        var screen = makeScreen(try fixtureCatalog(), height: 13)
        press(.enter, on: &screen)
        let total = screen.layout(screen.openRole!).lines.count
        XCTAssertGreaterThan(total, 13)
        press(.char("j"), .down, on: &screen)
        XCTAssertEqual(screen.scroll.offset, 2)
        press(.char("k"), on: &screen)
        XCTAssertEqual(screen.scroll.offset, 1)
        press(.char("G"), on: &screen)
        XCTAssertEqual(screen.scroll.offset, total - 13)
        press(.char("j"), on: &screen)
        XCTAssertEqual(screen.scroll.offset, total - 13, "stops at the bottom")
        press(.home, on: &screen)
        XCTAssertEqual(screen.scroll.offset, 0)
        press(.pageDown, on: &screen)
        XCTAssertEqual(screen.scroll.offset, 12, "a page keeps one line of context")
        press(.pageUp, on: &screen)
        XCTAssertEqual(screen.scroll.offset, 0)
        _ = screen.update(.mouse(MouseEvent(x: 10, y: 4, kind: .wheelDown)))
        XCTAssertEqual(screen.scroll.offset, RolesScreen.wheelLines)
    }

    func testBracketsJumpBetweenSectionHeadings() throws {
        var screen = makeScreen(try fixtureCatalog(), height: 13)
        press(.enter, on: &screen)
        let document = screen.layout(screen.openRole!)
        XCTAssertEqual(press(.char("]"), on: &screen), .handled)
        XCTAssertEqual(screen.scroll.offset, document.sections[0])
        XCTAssertTrue(render(screen, height: 13)[0].contains("The work"))
        press(.char("]"), on: &screen)
        XCTAssertTrue(render(screen, height: 13)[0].contains("Skills"))
        press(.char("]"), on: &screen)
        XCTAssertTrue(render(screen, height: 13)[0].contains("Pay"))
        press(.char("["), on: &screen)
        XCTAssertTrue(render(screen, height: 13)[0].contains("Skills"))
        press(.char("["), .char("["), on: &screen)
        XCTAssertEqual(screen.scroll.offset, 0, "before the first heading is the top")
    }

    func testShowProfileOpensWithTheDimensionHeadingAtTheTop() throws {
        var screen = makeScreen(try fixtureCatalog(), height: 13)
        screen.showProfile(role: "builder", dimension: "deliverables")
        XCTAssertEqual(screen.breadcrumb, "Roles › Pipeline Builder")
        XCTAssertEqual(topLine(screen), "Deliverables")
        screen.showProfile(role: "builder", dimension: "modelling")
        XCTAssertTrue(render(screen, height: 13)[0].hasPrefix("   Modelling  "), "a level is a row of its group's table")
        screen.showProfile(role: "builder", dimension: "pay")
        XCTAssertTrue(topLine(screen).hasPrefix("Pay ─"), "the Pay heading")
        screen.showProfile(role: "builder", dimension: nil)
        XCTAssertEqual(screen.scroll.offset, 0)
        screen.showProfile(role: "builder", dimension: "no-such-dimension")
        XCTAssertEqual(screen.scroll.offset, 0)
        screen.showProfile(role: "no-such-role", dimension: nil)
        XCTAssertEqual(screen.openRole?.id, "builder", "an unknown role changes nothing")
    }

    func testShowProfileBeforeTheFirstResizeScrollsOnceTheSizeIsKnown() throws {
        var screen = RolesScreen(catalog: try fixtureCatalog())
        screen.showProfile(role: "builder", dimension: "pay")
        _ = screen.update(.resize(width: 80, height: 13))
        XCTAssertTrue(topLine(screen).hasPrefix("Pay ─"), "the Pay heading")
    }

    func testAResizeKeepsTheSameDimensionAtTheTop() throws {
        var screen = makeScreen(try fixtureCatalog(), height: 13)
        screen.showProfile(role: "builder", dimension: "pay")
        _ = screen.update(.resize(width: 60, height: 13))
        XCTAssertTrue(topLine(screen, width: 60).hasPrefix("Pay ─"), "the Pay heading")
    }

    func testCompareGoesToThisRoleAndTheNextOne() throws {
        var screen = makeScreen(try fixtureCatalog())
        press(.enter, on: &screen)
        XCTAssertEqual(press(.char("c"), on: &screen), .navigate(.compare(roles: ["builder", "thinker"])))
        press(.escape, .char("j"), .enter, on: &screen)
        XCTAssertEqual(press(.char("c"), on: &screen), .navigate(.compare(roles: ["thinker", "builder"])), "wraps round")
        press(.escape, on: &screen)
        XCTAssertEqual(press(.char("c"), on: &screen), .navigate(.compare(roles: ["thinker", "builder"])), "from the list too")
    }

    func testTimelineKeyGoesToTheDayOnlyWhenTheRoleHasOne() throws {
        var screen = makeScreen(try fixtureCatalog())
        press(.enter, on: &screen)
        XCTAssertEqual(press(.char("t"), on: &screen), .navigate(.timeline(role: "builder", kind: .day, entry: nil)))
        XCTAssertTrue(screen.keyHints.entries.contains { $0.label == "t" })
        press(.escape, .char("j"), .enter, on: &screen)
        XCTAssertEqual(press(.char("t"), on: &screen), .ignored, "the thinker has a week but no day")
        XCTAssertFalse(screen.keyHints.entries.contains { $0.label == "t" })
        XCTAssertFalse(screen.keyHelp.rows.contains { $0.label == "t" })
    }

    func testHintsAndHelpComeFromTheKeysTheScreenHandles() throws {
        var screen = makeScreen(try fixtureCatalog())
        for atTop in [true, false] {
            let help = screen.keyHelp.rows.map(\.label)
            for hint in screen.keyHints.entries { XCTAssertTrue(RolescopeUITests.help(help, covers: hint.label), hint.label) }
            XCTAssertTrue(screen.keyMap().shadowedKeys.isEmpty)
            XCTAssertEqual(screen.isAtTop, atTop)
            press(.enter, on: &screen)
        }
        XCTAssertTrue(screen.keyHints.entries.contains { $0.label == "]" })
    }

    func testProfileCitesSourcesAndDrawsLevelsAsBars() throws {
        var screen = makeScreen(try fixtureCatalog(), height: 60)
        press(.char("j"), .enter, on: &screen)
        let text = render(screen, height: 60).joined(separator: "\n")
        XCTAssertTrue(text.contains("Modelling  Advanced ███ 3/3 [Alpha] listed as \"Statistical modelling\""))
        XCTAssertTrue(text.contains("$100,000–$140,000+  mid-level total compensation, US [Alpha]"))
        XCTAssertTrue(text.contains("Shared data  with Pipeline Builder"))
        XCTAssertTrue(text.contains("Week  A thinker's week [Beta]"))
    }

    func testWaysInShowTheDurationOrSayThereIsNone() throws {
        var catalog = try fixtureCatalog()
        var screen = makeScreen(catalog, height: 80)
        press(.enter, on: &screen)
        var text = render(screen, height: 80).joined(separator: "\n")
        XCTAssertTrue(text.contains("From Analyst"))
        XCTAssertTrue(text.contains("How long: about six months"))
        XCTAssertTrue(text.contains("1. Version control"))
        catalog.transitions[0].duration = nil
        screen = makeScreen(catalog, height: 80)
        press(.enter, on: &screen)
        text = render(screen, height: 80).joined(separator: "\n")
        XCTAssertTrue(text.contains("How long: no source gives a duration"))
    }

    func testASCIITerminalsGetASCIIBars() throws {
        var screen = makeScreen(try fixtureCatalog(), height: 60)
        press(.char("j"), .enter, on: &screen)
        let lines = render(screen, height: 60, glyphs: .ascii)
        XCTAssertTrue(lines.contains { $0.contains("Advanced ### 3/3") })
        XCTAssertFalse(lines.joined().contains { "█░│─•▶┃".contains($0) })
    }

    func testWideAndHostileTextStaysInsideItsColumn() throws {
        var catalog = try fixtureCatalog()
        catalog.roles[0].title = "データパイプライン担当エンジニア"
        catalog.roles[0].summary = "Builds \u{1B}[31mthe pipes\u{07}."
        var screen = makeScreen(catalog, width: 60, height: 13)
        let lines = render(screen, width: 60, height: 13)
        let listWidth = screen.listLayout(Rect(x: 0, y: 0, width: 60, height: 13)).list.width
        XCTAssertLessThanOrEqual(TextWidth.of(lines[0].prefix { $0 != "│" }), listWidth)
        XCTAssertTrue(lines[0].contains("…"))
        XCTAssertFalse(lines.joined().contains("\u{1B}"))
        press(.enter, on: &screen)
        XCTAssertTrue(render(screen, width: 60, height: 13).joined().contains("^[[31mthe pipes^G."))
    }

    func testAnEmptyCatalogSaysSoAndIgnoresKeys() {
        var screen = makeScreen(Catalog())
        XCTAssertTrue(render(screen)[0].contains("No roles in this catalog."))
        for key: Key in [.enter, .char("j"), .char("c"), .char("t")] { XCTAssertEqual(press(key, on: &screen), .ignored) }
        XCTAssertTrue(screen.isAtTop)
    }

    // MARK: Snapshots

    func testFixtureSnapshots() throws {
        let catalog = try fixtureCatalog()
        for (width, height) in [(80, 21), (120, 37)] {
            var screen = makeScreen(catalog, width: width, height: height)
            snapshot(screen, width: width, height: height, named: "list-\(width)x\(height)")
            press(.enter, on: &screen)
            snapshot(screen, width: width, height: height, named: "profile-\(width)x\(height)")
            screen.showProfile(role: "builder", dimension: "pay")
            snapshot(screen, width: width, height: height, named: "pay-\(width)x\(height)")
        }
        snapshot(makeScreen(catalog, width: 60, height: 13), width: 60, height: 13, named: "list-60x13")
    }

    func testRealCatalogSnapshots() throws {
        let catalog = try realCatalog()
        for (width, height) in [(80, 21), (120, 37)] {
            var screen = makeScreen(catalog, width: width, height: height)
            snapshot(screen, width: width, height: height, named: "list-\(width)x\(height)")
            screen.showProfile(role: "ml-engineer", dimension: nil)
            snapshot(screen, width: width, height: height, named: "profile-\(width)x\(height)")
            screen.showProfile(role: "ml-engineer", dimension: "pay")
            snapshot(screen, width: width, height: height, named: "pay-\(width)x\(height)")
            screen.showProfile(role: "ml-engineer", dimension: "h2k-model-development")
            snapshot(screen, width: width, height: height, named: "skills-\(width)x\(height)")
        }
        var screen = makeScreen(catalog, width: 60, height: 13)
        snapshot(screen, width: 60, height: 13, named: "list-60x13")
        screen.showProfile(role: "ml-engineer", dimension: "career-ladder")
        snapshot(screen, width: 60, height: 13, named: "ladder-60x13")
    }
}
