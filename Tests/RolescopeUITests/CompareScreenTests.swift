import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The Compare screen: event sequences in, state out; and rendered screens, reviewed.
final class CompareScreenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ name: String = "minimal") throws -> Catalog {
        try CatalogLoader.load(directory: root.appendingPathComponent("Tests/Fixtures/\(name)"))
    }

    static func real() throws -> Catalog {
        try CatalogLoader.load(directory: root.appendingPathComponent("assets"))
    }

    static let allReal = ["data-engineer", "ml-engineer", "ai-engineer", "data-scientist"]

    /// A Compare screen; `fullText` (the tests of tall rows, pay bars and wrapping) or the
    /// summary view the app opens on.
    func screen(_ catalog: Catalog, roles: [String]? = nil, width: Int = 80, height: Int = 21,
                fullText: Bool = true) -> CompareScreen {
        var screen = CompareScreen(catalog: catalog)
        if let roles { screen.compare(roles: roles) }
        screen.setToggles(differencesOnly: false, showsSources: true, fullText: fullText)
        _ = screen.update(.resize(width: width, height: height))
        return screen
    }

    func press(_ screen: inout CompareScreen, _ keys: Key...) -> [ScreenResult] {
        keys.map { screen.update(.key($0)) }
    }

    func lines(_ screen: CompareScreen, width: Int = 80, height: Int = 21, glyphs: Glyphs = .unicode) -> [String] {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        screen.render(into: &buffer, area: buffer.area)
        return buffer.lines()
    }

    func text(_ screen: CompareScreen, width: Int = 80, height: Int = 21, glyphs: Glyphs = .unicode) -> String {
        lines(screen, width: width, height: height, glyphs: glyphs).joined(separator: "\n")
    }

    /// The title of the row the cursor is on, as the screen keeps it.
    func cursor(_ screen: CompareScreen) -> String? { screen.currentKey(screen.layout()) }

    // MARK: Selection

    func testStartsWithTheCatalogsFirstTwoRoles() throws {
        let catalog = try Self.real()
        let screen = CompareScreen(catalog: catalog)
        XCTAssertEqual(screen.roleIDs, catalog.roles.prefix(2).map(\.id))
        XCTAssertTrue(screen.isAtTop)
        XCTAssertEqual(screen.breadcrumb, "Compare › " + catalog.roles.prefix(2).map(\.title).joined(separator: " vs ")
                       + " › The work · row 1 of 9", "the roles, then the cursor's section and its place in it")
    }

    func testSectionKeysJumpBetweenSectionsAndTheBreadcrumbNamesThem() throws {
        var screen = CompareScreen(catalog: try Self.real())
        _ = screen.update(.resize(width: 80, height: 21))
        _ = press(&screen, .char("]"))
        XCTAssertTrue(screen.breadcrumb.contains("› Responsibilities in an AI project (H2K) · row 1 of "), screen.breadcrumb)
        _ = press(&screen, .char("]"), .char("]"), .char("]"))
        XCTAssertTrue(screen.breadcrumb.contains("› Tools · row 1 of "), screen.breadcrumb)
        XCTAssertTrue(lines(screen).contains { $0.contains("▶Tools") }, "the section's first row has the cursor, on screen")
        _ = press(&screen, .char("["))
        XCTAssertTrue(screen.breadcrumb.contains("Skills, H2K summary · row 1 of"), "[ at a section's start goes to the one before: \(screen.breadcrumb)")
        _ = press(&screen, .char("j"), .char("["))
        XCTAssertTrue(screen.breadcrumb.contains("Skills, H2K summary · row 1 of"), "[ inside a section goes to its start: \(screen.breadcrumb)")
    }

    func testCompareKeepsTwoToFourKnownRolesInTheOrderGiven() throws {
        var screen = CompareScreen(catalog: try Self.real())
        screen.compare(roles: ["data-scientist", "ml-engineer", "data-scientist", "nobody"])
        XCTAssertEqual(screen.roleIDs, ["data-scientist", "ml-engineer"], "duplicates and unknown ids are dropped")
        screen.compare(roles: ["mle"])
        XCTAssertEqual(screen.roleIDs.count, 2, "one role is topped up to two")
        XCTAssertEqual(screen.roleIDs.first, "ml-engineer", "an alias is accepted")
        screen.compare(roles: Self.allReal)
        XCTAssertEqual(screen.roleIDs, Self.allReal)
        // At 80 columns the four titles would push the row's place off the line; the
        // column headers name the roles, so the breadcrumb keeps the place.
        XCTAssertEqual(screen.breadcrumb, "Compare › The work · row 1 of 10")
        _ = screen.update(.resize(width: 120, height: 30))
        XCTAssertEqual(screen.breadcrumb, "Compare › Data Engineer vs ML Engineer vs AI Engineer vs Data Scientist › The work · row 1 of 10")
    }

    func testCompareStartsAgainFromTheTop() throws {
        var screen = self.screen(try Self.real(), roles: ["ml-engineer", "ai-engineer"])
        _ = press(&screen, .char("G"), .char("r"))
        screen.compare(roles: ["data-engineer", "data-scientist"])
        XCTAssertEqual(screen.offset, 0)
        XCTAssertNil(screen.chooser)
        XCTAssertEqual(cursor(screen), "dimension:primary-output")
    }

    // MARK: Moving and scrolling

    func testJAndKMoveTheCursorFromRowToRow() throws {
        var screen = self.screen(try Self.fixture(), height: 40)
        XCTAssertEqual(cursor(screen), "dimension:output")
        _ = press(&screen, .char("j"))
        XCTAssertEqual(cursor(screen), "dimension:deliverables")
        _ = press(&screen, .down, .down)
        XCTAssertEqual(cursor(screen), "dimension:modelling", "rows follow their groups: the ladder is in The work")
        _ = press(&screen, .up)
        XCTAssertEqual(cursor(screen), "dimension:ladder")
        _ = press(&screen, .char("G"))
        XCTAssertEqual(cursor(screen), "overlap:shared-data", "the overlaps come last")
        _ = press(&screen, .char("g"))
        XCTAssertEqual(cursor(screen), "dimension:output")
        _ = press(&screen, .end, .home)
        XCTAssertEqual(cursor(screen), "dimension:output")
        XCTAssertEqual(screen.offset, 0)
    }

    func testATallRowIsReadThroughBeforeTheCursorLeavesIt() throws {
        // At 60x13 the first row of the real catalog is far taller than the screen.
        var screen = self.screen(try Self.real(), roles: ["ml-engineer", "data-scientist"], width: 60, height: 13)
        let layout = screen.layout()
        let first = layout.rows[layout.focus[0]]
        XCTAssertGreaterThan(first.height, screen.bodyHeight(layout))
        _ = press(&screen, .char("j"))
        XCTAssertEqual(cursor(screen), "dimension:primary-output", "still reading the first row")
        XCTAssertGreaterThan(screen.offset, 0)
        var presses = 0
        while cursor(screen) == "dimension:primary-output" && presses < 50 {
            _ = press(&screen, .char("j"))
            presses += 1
        }
        XCTAssertEqual(cursor(screen), "dimension:ships")
        XCTAssertGreaterThan(presses, 1)
        // Going back up lands on the end of the tall row, then reads back to its start.
        _ = press(&screen, .char("k"))
        XCTAssertEqual(cursor(screen), "dimension:primary-output")
        XCTAssertEqual(screen.offset, first.bottom - screen.bodyHeight(layout))
        while screen.offset > 0 && presses < 100 {
            _ = press(&screen, .char("k"))
            presses += 1
        }
        XCTAssertEqual(screen.offset, 0)
    }

    func testTheCursorRowIsAlwaysOnScreenAndTheHeaderStays() throws {
        var screen = self.screen(try Self.real(), roles: Self.allReal, width: 80, height: 21)
        for step in 0..<400 {
            _ = press(&screen, .char("j"))
            let shown = lines(screen)
            XCTAssertTrue(shown[0].contains("Data Engineer") && shown[0].contains("ML Engineer"), "header at step \(step)")
            XCTAssertTrue(shown.dropFirst(2).contains { $0.hasPrefix("▶") }, "pointer on screen at step \(step)")
        }
        XCTAssertTrue(cursor(screen)?.hasPrefix("overlap:") ?? false, "400 steps reach the overlaps")
    }

    func testPagesMoveByAScreenAndStopAtTheEnds() throws {
        var screen = self.screen(try Self.real(), roles: ["ml-engineer", "ai-engineer"])
        let layout = screen.layout()
        _ = press(&screen, .pageDown)
        XCTAssertEqual(screen.offset, screen.bodyHeight(layout) - 1)
        _ = press(&screen, .ctrl("d"), .ctrl("u"), .pageUp)
        XCTAssertEqual(screen.offset, 0)
        _ = press(&screen, .pageUp)
        XCTAssertEqual(cursor(screen), "dimension:primary-output")
        for _ in 0..<200 { _ = press(&screen, .pageDown) }
        XCTAssertEqual(screen.offset, layout.maxOffset(visible: screen.bodyHeight(layout)))
        XCTAssertEqual(cursor(screen), layout.rows[layout.focus.last!].key, "PgDn at the end selects the last row")
    }

    func testTheWheelScrollsAndDragsTheCursorAlong() throws {
        var screen = self.screen(try Self.real(), roles: ["ml-engineer", "ai-engineer"])
        for _ in 0..<20 { _ = screen.update(.mouse(MouseEvent(x: 30, y: 10, kind: .wheelDown))) }
        XCTAssertEqual(screen.offset, 60)
        XCTAssertNotEqual(cursor(screen), "dimension:primary-output")
        XCTAssertTrue(lines(screen).dropFirst(2).contains { $0.hasPrefix("▶") })
        for _ in 0..<20 { _ = screen.update(.mouse(MouseEvent(x: 30, y: 10, kind: .wheelUp))) }
        XCTAssertEqual(screen.offset, 0)
    }

    func testAClickSelectsARowAndASecondClickOpensIt() throws {
        var screen = self.screen(try Self.fixture(), height: 40)
        let layout = screen.layout()
        let modelling = layout.rows.first { $0.key == "dimension:modelling" }!
        let y = layout.headerHeight + modelling.top
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 40, y: y, kind: .press))), .handled)
        XCTAssertEqual(cursor(screen), "dimension:modelling")
        XCTAssertNil(screen.detail)
        _ = screen.update(.mouse(MouseEvent(x: 40, y: y, kind: .press)))
        XCTAssertEqual(screen.detail?.key, "dimension:modelling")
    }

    func testOJumpsToTheOverlapsUnderTheirHeading() throws {
        let catalog = try Self.real()
        var screen = self.screen(catalog, roles: ["data-engineer", "ai-engineer"])
        _ = press(&screen, .char("o"))
        let first = catalog.overlaps(among: ["data-engineer", "ai-engineer"]).first!
        XCTAssertEqual(cursor(screen), "overlap:" + first.id)
        let shown = lines(screen)
        XCTAssertTrue(shown[2].contains("Where these roles overlap"), shown[2])
        XCTAssertTrue(shown[3].hasPrefix("▶" + first.title.split(separator: " ")[0]), shown[3])
    }

    // MARK: Toggles

    func testDifferencesOnlyShowsJustTheRowsWhereTheRolesDiffer() throws {
        let catalog = try Self.real()
        let ids = ["ml-engineer", "ai-engineer"]
        var screen = self.screen(catalog, roles: ids)
        let all = screen.layout().focus.count
        XCTAssertEqual(press(&screen, .char("d")), [.handled])
        XCTAssertTrue(screen.differencesOnly)
        XCTAssertEqual(screen.breadcrumb, "Compare (differences only) (full text) › The work · row 1 of 9",
                       "the roles' titles give way to the place at 80 columns")
        let roles = ids.compactMap { catalog.role(id: $0) }
        let shown = screen.layout().rows.compactMap { row -> String? in
            if case .dimension(let dimension) = row.kind { return dimension.id }
            return nil
        }
        let expected = catalog.dimensionsByGroup.flatMap(\.dimensions).map(\.id).filter { catalog.differs($0, among: roles) }
        XCTAssertEqual(shown, expected)
        XCTAssertLessThan(screen.layout().focus.count, all)
        XCTAssertTrue(screen.keyHints.entries.contains { $0.label == "d" && $0.description == "all rows" })
        _ = press(&screen, .char("d"))
        XCTAssertEqual(screen.layout().focus.count, all)
    }

    func testDifferencesOnlyMovesTheCursorOffARowThatIsHidden() throws {
        let catalog = try Self.real()
        var screen = self.screen(catalog, roles: ["ml-engineer", "ai-engineer"])
        let roles = screen.roles
        let same = catalog.dimensionsByGroup.flatMap(\.dimensions).first { dimension in
            !catalog.differs(dimension.id, among: roles) && roles.contains { !$0.values(for: dimension.id).isEmpty }
        }
        let key = "dimension:" + same!.id
        screen.jump(to: key, screen.layout())
        XCTAssertEqual(cursor(screen), key)
        _ = press(&screen, .char("d"))
        let layout = screen.layout()
        XCTAssertNotEqual(cursor(screen), key)
        let row = layout.rows[layout.focus[screen.cursorIndex(layout)!]]
        XCTAssertTrue(row.top >= screen.offset && row.top < screen.offset + screen.bodyHeight(layout), "still on screen")
    }

    func testSourcesCanBeHidden() throws {
        var screen = self.screen(try Self.fixture(), height: 40)
        XCTAssertTrue(text(screen, height: 40).contains("[Alpha]"))
        _ = press(&screen, .char("s"))
        XCTAssertFalse(screen.showsSources)
        XCTAssertFalse(text(screen, height: 40).contains("[Alpha]"))
        XCTAssertTrue(screen.breadcrumb.contains("(sources hidden) (full text) › "))
        XCTAssertTrue(lines(screen)[1].contains(" sources hidden "), "and in the rule under the titles")
        _ = press(&screen, .char("d"))
        XCTAssertEqual(screen.breadcrumb, "Compare › The work · row 1 of 1", "at 80 columns the place is kept, the toggles in the rule")
        _ = press(&screen, .char("s"))
        XCTAssertTrue(text(screen, height: 40).contains("[Alpha]"))
    }

    // MARK: Chooser

    /// Five roles, to test the upper limit (the real catalog has four).
    func fiveRoles() -> Catalog {
        Catalog(roles: (1...5).map { Role(id: "r\($0)", title: "Role \($0)", summary: "Role number \($0).") })
    }

    func testTheChooserTicksTwoToFourRoles() throws {
        var screen = self.screen(fiveRoles())
        XCTAssertEqual(press(&screen, .char("r")), [.handled])
        XCTAssertFalse(screen.isAtTop)
        XCTAssertTrue(screen.breadcrumb.hasSuffix("› Choose roles"))
        XCTAssertTrue(screen.keyHints.entries.contains { $0.label == "x" && $0.description == "tick or untick" })
        XCTAssertFalse(screen.keyHints.entries.contains { $0.label == "Space" })
        _ = press(&screen, .char(" "))
        XCTAssertEqual(screen.chooser?.chosen, ["r1", "r2"], "Space pages; it ticks nothing")
        // Untick one: Enter refuses with a reason.
        _ = press(&screen, .char("x"), .enter)
        XCTAssertEqual(screen.chooser?.chosen, ["r2"])
        XCTAssertNotNil(screen.chooser?.message)
        XCTAssertTrue(text(screen).contains("Tick at least 2 roles"))
        // Tick the rest: the fifth is refused.
        _ = press(&screen, .char("x"), .char("j"), .char("j"), .char("x"), .char("j"), .char("x"), .char("j"), .char("x"))
        XCTAssertEqual(screen.chooser?.chosen, ["r2", "r1", "r3", "r4"])
        XCTAssertTrue(screen.chooser?.message?.contains("At most 4") ?? false)
        _ = press(&screen, .char("j"), .char("x"))
        XCTAssertEqual(screen.chooser?.chosen, ["r2", "r1", "r3", "r4"], "the cursor stops at the last role")
        XCTAssertEqual(press(&screen, .enter), [.handled])
        XCTAssertNil(screen.chooser)
        XCTAssertEqual(screen.roleIDs, ["r2", "r1", "r3", "r4"], "columns in the order ticked")
        XCTAssertTrue(screen.isAtTop)
    }

    func testTheChooserCancelsWithEscOrQ() throws {
        var screen = self.screen(fiveRoles())
        _ = press(&screen, .char("r"), .char("j"), .char("j"), .char("x"), .escape)
        XCTAssertNil(screen.chooser)
        XCTAssertEqual(screen.roleIDs, ["r1", "r2"])
        _ = press(&screen, .char("r"), .char("q"))
        XCTAssertNil(screen.chooser, "q goes back one level, out of the chooser")
        XCTAssertEqual(press(&screen, .char("?")), [.ignored], "help still works from the app")
    }

    func testAClickTicksARoleInTheChooser() throws {
        var screen = self.screen(fiveRoles())
        _ = screen.update(.mouse(MouseEvent(x: 40, y: 0, kind: .press)))
        XCTAssertNotNil(screen.chooser, "a click on the role titles opens the chooser")
        let frame = RoleChooser.frame(in: Rect(x: 0, y: 0, width: 80, height: 21), roleCount: 5)
        let list = RoleChooser.listArea(in: frame)
        _ = screen.update(.mouse(MouseEvent(x: list.x + 3, y: list.y + 4, kind: .press)))
        XCTAssertEqual(screen.chooser?.chosen, ["r1", "r2", "r5"])
    }

    func testCatalogsWithTooFewRolesExplainRatherThanCrash() throws {
        for catalog in [Catalog(), Catalog(roles: [Role(id: "only", title: "Only", summary: "Alone.")])] {
            var screen = self.screen(catalog)
            for key in [Key.char("j"), .char("k"), .pageDown, .char("G"), .char("d"), .char("s"), .char("o"), .enter, .escape,
                        .char("t"), .char("r"), .char("x"), .char(" "), .enter, .escape] {
                _ = screen.update(.key(key))
            }
            _ = screen.update(.mouse(MouseEvent(x: 30, y: 5, kind: .wheelDown)))
            screen.chooser = nil
            XCTAssertTrue(text(screen).contains("Comparing needs at least two roles"))
        }
    }

    // MARK: Details and other screens

    func testEnterShowsTheRowInFullAndEscClosesIt() throws {
        var screen = self.screen(try Self.fixture())
        _ = press(&screen, .char("j"), .enter)
        XCTAssertEqual(screen.detail?.key, "dimension:deliverables")
        XCTAssertFalse(screen.isAtTop)
        XCTAssertEqual(screen.breadcrumb, "Compare › Pipeline Builder vs Data Thinker (full text) › Deliverables")
        let shown = text(screen)
        XCTAssertTrue(shown.contains("Alpha: Alpha article, Alpha Press, 2026"), shown)
        XCTAssertEqual(press(&screen, .escape), [.handled])
        XCTAssertNil(screen.detail)
        _ = press(&screen, .char("l"), .char("q"))
        XCTAssertNil(screen.detail)
        _ = press(&screen, .right)
        XCTAssertNotNil(screen.detail)
    }

    func testTheDetailPanelScrolls() throws {
        var screen = self.screen(try Self.real(), roles: Self.allReal, width: 60, height: 13)
        screen.jump(to: "dimension:pay", screen.layout())
        _ = press(&screen, .enter, .char("j"), .char("j"))
        XCTAssertEqual(screen.detail?.scroll.offset, 2)
        _ = press(&screen, .char("G"))
        let bottom = screen.detail?.scroll.offset ?? 0
        XCTAssertGreaterThan(bottom, 10)
        _ = press(&screen, .char("j"))
        XCTAssertEqual(screen.detail?.scroll.offset, bottom, "stops at the end")
        _ = screen.update(.mouse(MouseEvent(x: 10, y: 5, kind: .wheelUp)))
        XCTAssertEqual(screen.detail?.scroll.offset, bottom - 3)
        _ = press(&screen, .char("g"))
        XCTAssertEqual(screen.detail?.scroll.offset, 0)
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("┌─ Pay "))
    }

    func testTComparesTheFirstTwoRolesDays() throws {
        var screen = self.screen(try Self.real(), roles: ["ai-engineer", "ml-engineer", "data-scientist"])
        XCTAssertEqual(press(&screen, .char("t")), [.navigate(.timelinePair("ai-engineer", "ml-engineer"))])
    }

    func testKeysItDoesNotUseAreLeftToTheApp() throws {
        var screen = self.screen(try Self.fixture())
        XCTAssertEqual(press(&screen, .char("q"), .escape, .char("h"), .left, .char("1"), .char("/")),
                       Array(repeating: .ignored, count: 6))
        XCTAssertTrue(screen.keyMap().shadowedKeys.isEmpty)
        XCTAssertTrue(RoleChooser.commands.keyMap(.standard, section: nil).shadowedKeys.isEmpty)
        XCTAssertTrue(CompareDetail.commands.keyMap(.standard, section: nil).shadowedKeys.isEmpty)
    }

    func testHelpAndHintsComeFromTheKeysInUse() throws {
        var screen = self.screen(try Self.fixture())
        XCTAssertEqual(screen.keyHelp.rows.map(\.label), screen.keyMap().bindings.map(\.label))
        XCTAssertEqual(screen.keyHints.entries.map(\.label),
                       screen.commands.filter(\.hint).map { Keymap.standard.shortLabel($0.action) })
        _ = press(&screen, .enter)
        XCTAssertEqual(screen.keyHelp.rows.map(\.label), CompareDetail.commands.keyMap(.standard, section: nil).bindings.map(\.label))
    }

    // MARK: Layout at every size

    func testColumnsStayAlignedAndWideTextIsNeverSplitAtAnySize() throws {
        for (catalog, roles) in [(try Self.real(), Self.allReal), (try Self.fixture("cjk"), ["builder", "thinker"])] {
            for (width, height) in [(60, 13), (61, 14), (73, 19), (80, 21), (97, 30), (120, 37)] {
                var screen = self.screen(catalog, roles: roles, width: width, height: height)
                for _ in 0..<6 {
                    var buffer = Buffer(width: width, height: height)
                    screen.render(into: &buffer, area: buffer.area)
                    let layout = screen.layout()
                    let offset = screen.clampedOffset(layout)
                    for y in layout.headerHeight..<height {
                        let line = offset + y - layout.headerHeight
                        guard let index = layout.rowIndex(atLine: line) else { continue }
                        let row = layout.rows[index]
                        guard !row.isRule, !row.spansColumns else { continue }
                        for slot in layout.geometry.slots {
                            XCTAssertEqual(buffer[slot.x, y].text, "│", "\(width)x\(height) line \(y)")
                        }
                    }
                    for y in 0..<height {
                        for x in 0..<width where buffer[x, y].isContinuation {
                            XCTAssertEqual(buffer[x - 1, y].width, 2, "a continuation cell follows a wide character")
                        }
                    }
                    _ = press(&screen, .pageDown)
                }
            }
        }
    }

    func testResizeKeepsTheCursorRow() throws {
        var screen = self.screen(try Self.real(), roles: Self.allReal)
        screen.jump(to: "dimension:pay", screen.layout())
        for (width, height) in [(60, 13), (120, 37), (80, 21)] {
            _ = screen.update(.resize(width: width, height: height))
            XCTAssertEqual(cursor(screen), "dimension:pay")
            XCTAssertTrue(lines(screen, width: width, height: height).contains { $0.hasPrefix("▶Pay") })
        }
    }

    func testPayBarsShareOneAxis() throws {
        let catalog = try Self.real()
        let roles = Self.allReal.compactMap { catalog.role(id: $0) }
        let pay = PayRow(columns: roles.map { $0.values(for: "pay") }, catalog: catalog)
        let top = roles.flatMap { $0.values(for: "pay").compactMap(\.money) }.map(\.top).max()!
        XCTAssertGreaterThanOrEqual(pay.axis!.maximum, top)
        XCTAssertEqual(pay.bases.first, .totalCompensation, "JoinAI's total compensation is banded apart from salaries")
        let lines = pay.columnLines(widths: [20, 20, 20, 20], writer: CellWriter(catalog: catalog, glyphs: .unicode, showSources: true))
        XCTAssertEqual(Set(lines.map(\.count)).count, 1, "bands line up: every column is as tall")
        XCTAssertEqual(PayAxis.roundUp(380_000), 400_000)
        XCTAssertEqual(PayAxis.roundUp(150_000), 150_000)
        let axis = PayAxis([MoneyRange(low: 100, high: 200, basis: .salary)])!
        XCTAssertEqual(axis.bar(MoneyRange(low: 100, high: 200, basis: .salary), width: 10, glyphs: .ascii).text, ".....#####")
        XCTAssertEqual(axis.bar(MoneyRange(low: 100, basis: .medianWage), width: 10, glyphs: .ascii).text, ".....*....")
        XCTAssertEqual(PayAxis([MoneyRange(low: 100, high: 200, openEnded: true, basis: .salary)])!
            .bar(MoneyRange(low: 100, high: 200, openEnded: true, basis: .salary), width: 10, glyphs: .ascii).text,
                       "....####>.")
    }

    func testNarrowCellsBreakAfterHyphensAndKeepSourceNamesWhole() {
        let lines = CellWriter.wrap([Span("a mid-to-senior-level figure"), Span(" [AI\u{00A0}Graduate]", style: .dim)],
                                    width: 15).map(\.text)
        XCTAssertEqual(lines, ["a mid-to-", "senior-level", "figure", "[AI Graduate]"])
        XCTAssertEqual(CellWriter.wrap([Span("mid-to-senior")], width: 20).map(\.text), ["mid-to-senior"],
                       "a word that fits is left alone")
    }

    // MARK: Snapshots

    func snapshot(_ screen: CompareScreen, width: Int, height: Int, glyphs: Glyphs = .unicode, named name: String,
                  file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        assertSnapshot(of: text(screen, width: width, height: height, glyphs: glyphs), as: .lines, named: name,
                       file: file, testName: testName, line: line)
    }

    func testSnapshotFixtureTwoRoles() throws {
        for (width, height) in [(80, 21), (120, 37)] {
            let screen = self.screen(try Self.fixture(), width: width, height: height)
            snapshot(screen, width: width, height: height, named: "\(width)x\(height)")
        }
    }

    func testSnapshotFixturePayRow() throws {
        var screen = self.screen(try Self.fixture())
        screen.jump(to: "dimension:pay", screen.layout())
        snapshot(screen, width: 80, height: 21, named: "80x21")
    }

    func testSnapshotRealTwoRoles() throws {
        for (width, height) in [(80, 21), (120, 37)] {
            let screen = self.screen(try Self.real(), roles: ["data-engineer", "ai-engineer"], width: width, height: height)
            snapshot(screen, width: width, height: height, named: "\(width)x\(height)")
        }
    }

    func testSnapshotRealFourRoles() throws {
        for (width, height) in [(80, 21), (120, 37)] {
            var screen = self.screen(try Self.real(), roles: Self.allReal, width: width, height: height)
            snapshot(screen, width: width, height: height, named: "\(width)x\(height)")
            screen.jump(to: "dimension:ag-software-engineering", screen.layout())
            snapshot(screen, width: width, height: height, named: "\(width)x\(height)-levels")
        }
    }

    func testSnapshotRealPayRow() throws {
        for (width, height) in [(80, 21), (120, 37)] {
            var screen = self.screen(try Self.real(), roles: Self.allReal, width: width, height: height)
            screen.jump(to: "dimension:pay", screen.layout())
            snapshot(screen, width: width, height: height, named: "\(width)x\(height)")
            _ = press(&screen, .pageDown)
            snapshot(screen, width: width, height: height, named: "\(width)x\(height)-page2")
        }
        var pair = self.screen(try Self.real(), roles: ["ml-engineer", "ai-engineer"], width: 120, height: 37)
        pair.jump(to: "dimension:pay", pair.layout())
        snapshot(pair, width: 120, height: 37, named: "mle-aie-120x37")
    }

    func testSnapshotRealDifferencesOnly() throws {
        var screen = self.screen(try Self.real(), roles: ["ml-engineer", "ai-engineer"])
        _ = press(&screen, .char("d"))
        screen.jump(to: "dimension:h2k-model-development", screen.layout())
        snapshot(screen, width: 80, height: 21, named: "80x21")
    }

    func testSnapshotRealSourcesHidden() throws {
        var screen = self.screen(try Self.real(), roles: ["ml-engineer", "data-scientist"])
        _ = press(&screen, .char("s"))
        snapshot(screen, width: 80, height: 21, named: "80x21")
    }

    func testSnapshotRealOverlaps() throws {
        var screen = self.screen(try Self.real(), roles: ["data-engineer", "ml-engineer", "ai-engineer"])
        _ = press(&screen, .char("o"))
        snapshot(screen, width: 80, height: 21, named: "80x21")
    }

    func testSnapshotChooser() throws {
        var screen = self.screen(try Self.real())
        _ = press(&screen, .char("r"), .char("j"), .char("x"), .enter)
        snapshot(screen, width: 80, height: 21, named: "80x21-refused")
    }

    func testSnapshotDetail() throws {
        var screen = self.screen(try Self.real(), roles: Self.allReal)
        screen.jump(to: "dimension:pay", screen.layout())
        _ = press(&screen, .enter)
        snapshot(screen, width: 80, height: 21, named: "pay-80x21")
        screen.jump(to: "dimension:career-ladder", screen.layout())
        screen.detail = CompareDetail(key: "dimension:career-ladder")
        snapshot(screen, width: 120, height: 37, named: "ladder-120x37")
    }

    func testSnapshotSmallestAndASCII() throws {
        var screen = self.screen(try Self.real(), roles: Self.allReal, width: 60, height: 13)
        snapshot(screen, width: 60, height: 13, named: "60x13")
        screen.jump(to: "dimension:pay", screen.layout())
        snapshot(screen, width: 60, height: 13, glyphs: .ascii, named: "60x13-pay-ascii")
    }

    func testSnapshotWideCharacters() throws {
        var screen = self.screen(try Self.fixture("cjk"), width: 60, height: 13)
        snapshot(screen, width: 60, height: 13, named: "60x13")
        _ = press(&screen, .char("G"))
        snapshot(screen, width: 60, height: 13, named: "60x13-end")
    }
}
