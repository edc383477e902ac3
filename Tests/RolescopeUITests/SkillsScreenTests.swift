import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The Skills tab: rating keys, moving, the results with the documented formula's numbers,
/// storing with the running session, the export request, and what it looks like.
final class SkillsScreenTests: XCTestCase {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func realCatalog() throws -> Catalog {
        try CatalogLoader.load(directory: tests.deletingLastPathComponent().appendingPathComponent("assets"))
    }

    static func fixture() throws -> Catalog {
        try CatalogLoader.load(directory: tests.appendingPathComponent("Fixtures").appendingPathComponent("minimal"))
    }

    func screen(_ catalog: Catalog, width: Int = 80, height: Int = 21) -> SkillsScreen {
        var screen = SkillsScreen(catalog: catalog)
        _ = screen.update(.resize(width: width, height: height))
        return screen
    }

    @discardableResult
    func press(_ screen: inout SkillsScreen, _ keys: Key...) -> [ScreenResult] {
        keys.map { screen.update(.key($0)) }
    }

    func text(_ screen: SkillsScreen, width: Int = 80, height: Int = 21, glyphs: Glyphs = .unicode) -> String {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        screen.render(into: &buffer, area: buffer.area)
        return buffer.lines().joined(separator: "\n")
    }

    /// Selects the skill with `id` by pressing j from the top, as a user would.
    func select(_ id: String, in screen: inout SkillsScreen) {
        press(&screen, .char("g"))
        while screen.selectedSkill?.id != id, screen.selection < screen.skills.count - 1 { press(&screen, .char("j")) }
        XCTAssertEqual(screen.selectedSkill?.id, id)
    }

    /// Rates the selected skill `level` (0 none ... 4 expert) as a user would: Delete
    /// clears it, then `+` steps up from not rated; then `j` moves on to the next skill.
    func rate(_ level: Int, in screen: inout SkillsScreen, moveOn: Bool = true) {
        press(&screen, .delete)
        for _ in 0...level { press(&screen, .char("+")) }
        if moveOn { press(&screen, .char("j")) }
    }

    /// The README's worked example: Statistics strong, Python programming working.
    func workedExample(width: Int = 80, height: Int = 21) throws -> SkillsScreen {
        var screen = screen(try Self.realCatalog(), width: width, height: height)
        select("h2k-python", in: &screen)
        rate(2, in: &screen)
        select("ag-statistics", in: &screen)
        rate(3, in: &screen)
        return screen
    }

    // MARK: Rating

    func testStepsGoFromNotRatedThroughTheScaleAndBack() throws {
        var screen = screen(try Self.realCatalog())
        let first = try XCTUnwrap(screen.selectedSkill)
        XCTAssertNil(screen.rating(of: first))
        press(&screen, .char("+"))
        XCTAssertEqual(screen.rating(of: first), SkillLevel.none)
        press(&screen, .char("="), .char("+"))
        XCTAssertEqual(screen.rating(of: first), .working)
        press(&screen, .char("+"), .char("+"), .char("+"))
        XCTAssertEqual(screen.rating(of: first), .expert, "expert is the top")
        press(&screen, .char("-"), .char("-"))
        XCTAssertEqual(screen.rating(of: first), .working)
        press(&screen, .char("-"), .char("-"), .char("-"))
        XCTAssertNil(screen.rating(of: first), "below none is not rated")
        XCTAssertEqual(screen.selection, 0, "stepping does not move")
    }

    func testPlusAndMinusRateDeleteClearsAndDigitsAreTheApps() throws {
        var screen = screen(try Self.realCatalog())
        let results = press(&screen, .char("+"), .char("+"), .char("+"), .char("+"), .char("+"), .char("j"), .char("+"),
                            .char("j"), .char("="), .char("="), .char("="))
        XCTAssertEqual(results, Array(repeating: .handled, count: 11))
        XCTAssertEqual(screen.assessment.ratings, [screen.skills[0].id: .expert, screen.skills[1].id: SkillLevel.none, screen.skills[2].id: .working])
        XCTAssertEqual(screen.selection, 2, "rating does not move on")
        XCTAssertEqual(press(&screen, .delete), [.handled])
        XCTAssertNil(screen.assessment.ratings[screen.skills[2].id])
        XCTAssertEqual(screen.ratedCount, 2)
        // Digits are never ratings: the app gets them (they switch tabs).
        XCTAssertEqual(press(&screen, .char("0"), .char("1"), .char("4"), .char("5"), .char("9")), Array(repeating: .ignored, count: 5))
        XCTAssertEqual(screen.ratedCount, 2)
        XCTAssertTrue(text(screen).contains("Rate yourself · 2 of 26 skills rated"))
    }

    func testMovingStaysOnSkillsAndInView() throws {
        var screen = screen(try Self.realCatalog(), width: 60, height: 13)
        press(&screen, .char("G"))
        XCTAssertEqual(screen.selectedSkill?.id, "ag-business")
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("▶ Business understanding"))
        press(&screen, .char("j"))
        XCTAssertEqual(screen.selectedSkill?.id, "ag-business", "stops at the last skill")
        press(&screen, .char("g"))
        XCTAssertEqual(screen.selection, 0)
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("Skills, H2K specialised matrix"), "the table's heading stays in view")
        press(&screen, .pageDown)
        XCTAssertGreaterThan(screen.selection, 3)
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("▶ " + screen.skills[screen.selection].title))
        // Moving through all 26 skills passes no heading row: every step lands on a skill.
        press(&screen, .char("g"))
        for expected in 1..<screen.skills.count {
            press(&screen, .down)
            XCTAssertEqual(screen.selection, expected)
        }
    }

    func testTheFooterExplainsTheSelectedStep() throws {
        var screen = screen(try Self.realCatalog())
        XCTAssertTrue(text(screen).contains("Not rated: left out of every fit until you raise it to a level."), text(screen))
        press(&screen, .char("+"), .char("+"), .char("+"), .char("+"))
        let shown = text(screen)
        XCTAssertTrue(shown.contains("[3 strong]"), shown)
        XCTAssertTrue(shown.contains("strong: Handle the hard cases; others come to you with it."), shown)
        XCTAssertTrue(shown.contains("Roles need: AI Engineer: Moderate · ML Engineer: Advanced"), shown)
    }

    func testClickingASkillSelectsIt() throws {
        var screen = screen(try Self.realCatalog())
        // Row 0 is the summary, row 1 the first table's heading, row 2 its first skill.
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 5, y: 4, kind: .press))), .handled)
        XCTAssertEqual(screen.selection, 2)
        _ = screen.update(.mouse(MouseEvent(x: 5, y: 1, kind: .press)))
        XCTAssertEqual(screen.selection, 2, "a heading is not a skill")
        _ = screen.update(.mouse(MouseEvent(x: 5, y: 4, kind: .wheelDown)))
        XCTAssertEqual(screen.selection, 3)
    }

    // MARK: Results

    func testResultsGiveTheDocumentedFitsAndGaps() throws {
        var screen = try workedExample()
        XCTAssertEqual(press(&screen, .enter), [.done([.record(.assessment(screen.assessment))])])
        XCTAssertEqual(screen.page, .results)
        XCTAssertFalse(screen.isAtTop)
        // README: Data Scientist 75% (gap 1 of 4), ML Engineer 67% (2 of 6), AI Engineer 50% (2 of 4).
        XCTAssertEqual(screen.fits.map(\.role), ["data-scientist", "ml-engineer", "ai-engineer", "data-engineer"])
        XCTAssertEqual(screen.fits.map(\.percent), [75, 67, 50, nil])
        XCTAssertEqual(screen.fits.map(\.totalGap), [1, 2, 2, 0])
        XCTAssertEqual(screen.fits.map(\.totalRequired), [4, 6, 4, 0])
        let shown = text(screen)
        for line in ["Data Scientist  75%", "100 × (1 − 1 ÷ 4) over 1 skill", "ML Engineer     67%", "100 × (1 − 2 ÷ 6) over 2 skills",
                     "AI Engineer     50%", "Data Engineer  no score: no article rates this role's skills",
                     "Gaps to close for Data Scientist, largest first", "Statistics ██▌░░░░░░░ 1",
                     "fit = 100 × (1 − 1 ÷ 4) = 75%"] {
            XCTAssertTrue(shown.contains(line), "missing \(line) in\n\(shown)")
        }
        // Choosing ML Engineer shows its gaps and working: Python's gap 2; Statistics meets Moderate.
        press(&screen, .char("j"))
        XCTAssertTrue(screen.breadcrumb.hasSuffix("Fit by role › ML Engineer"))
        let lines = screen.detailLines(width: 80, glyphs: .unicode).map(\.text)
        XCTAssertTrue(lines.contains { $0.contains("Python programming █████░░░░░ 2") && $0.contains("needs High = 4, you working = 2") }, "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("Statistics ") && $0.contains("░ ") }, "no gap bar where there is no gap")
        XCTAssertTrue(lines.contains { $0.contains("Statistics") && $0.contains("Moderate = 2") && $0.contains("strong = 3") })
        XCTAssertTrue(lines.contains("   fit = 100 × (1 − 2 ÷ 6) = 67%"), "\(lines)")
        XCTAssertTrue(lines.contains(" Left out, not rated (\(screen.fits[1].unrated.count))"))
    }

    func testClickingARoleChoosesItAndTheWheelScrollsTheWorking() throws {
        var screen = try workedExample()
        press(&screen, .enter)
        // Row 0 is the heading, rows 1-4 the roles best first: row 3 is AI Engineer.
        _ = screen.update(.mouse(MouseEvent(x: 4, y: 3, kind: .press)))
        XCTAssertEqual(screen.fits[screen.roleSelection].role, "ai-engineer")
        _ = screen.update(.mouse(MouseEvent(x: 4, y: 0, kind: .press)))
        XCTAssertEqual(screen.fits[screen.roleSelection].role, "ai-engineer", "the heading is not a role")
        _ = screen.update(.mouse(MouseEvent(x: 4, y: 10, kind: .wheelDown)))
        XCTAssertEqual(screen.detailOffset, 3)
        press(&screen, .char("G"))
        XCTAssertEqual(screen.detailOffset, screen.detailLines(width: 80, glyphs: .unicode).count - screen.detailHeight)
        XCTAssertTrue(text(screen).contains("How fit is computed"))
    }

    func testGapsAreLargestFirst() throws {
        var screen = screen(try Self.realCatalog())
        // Data Scientist: ML modelling Critical (4) rated none (gap 4); SQL Critical rated
        // basic (gap 3); A/B testing Important (3) rated working (gap 1).
        for (id, level) in [("ag-ml-modeling", 0), ("ag-sql", 1), ("ag-ab-testing", 2)] {
            select(id, in: &screen)
            rate(level, in: &screen)
        }
        press(&screen, .char("f"))
        let scientist = try XCTUnwrap(screen.fits.firstIndex { $0.role == "data-scientist" })
        while screen.roleSelection < scientist { press(&screen, .down) }
        let gaps = screen.detailLines(width: 80, glyphs: .ascii).map(\.text).filter { $0.hasPrefix("   ") && $0.contains(", you ") }
        XCTAssertEqual(gaps.count, 3, "\(gaps)")
        XCTAssertTrue(gaps[0].contains("ML modelling") && gaps[0].contains("########## 4"), gaps[0])
        XCTAssertTrue(gaps[1].contains("SQL and data work") && gaps[1].contains("########.. 3"), gaps[1])
        XCTAssertTrue(gaps[2].contains("A/B testing") && gaps[2].contains("###....... 1"), gaps[2])
    }

    func testOpeningResultsAsksToRecordTheAssessment() throws {
        var screen = screen(try Self.realCatalog())
        select("h2k-python", in: &screen)
        XCTAssertEqual(press(&screen, .char("+"), .char("+"), .char("+")), [.handled, .handled, .handled],
                       "rating alone records nothing")
        select("ag-statistics", in: &screen)
        rate(3, in: &screen)
        let results = press(&screen, .char("f"))
        guard case .done(let effects) = results[0], case .record(.assessment(let completed))? = effects.first else {
            return XCTFail("\(results)")
        }
        XCTAssertEqual(completed.ratings, ["h2k-python": .working, "ag-statistics": .strong])
        XCTAssertEqual(screen.page, .results)
        // q, Esc, f and Enter at the results go back to the ratings; at the ratings q and Esc are the app's.
        for key: Key in [.char("q"), .escape, .char("f"), .enter] {
            XCTAssertEqual(press(&screen, key), [.handled], "\(key)")
            XCTAssertEqual(screen.page, .rating, "\(key)")
            if key != .enter { press(&screen, .enter) }
        }
        XCTAssertEqual(press(&screen, .escape, .char("q")), [.ignored, .ignored])
        // Nothing rated: the results say so, and nothing is recorded.
        var empty = self.screen(try Self.realCatalog())
        XCTAssertEqual(press(&empty, .enter), [.handled])
        XCTAssertTrue(text(empty).contains("You rated none of the skills the articles rate for"), text(empty))
    }

    func testKeyHelpAndHintsComeFromTheKeyMap() throws {
        var screen = screen(try Self.realCatalog())
        XCTAssertEqual(screen.keyMap().shadowedKeys, [])
        XCTAssertEqual(screen.keyHints.entries.map(\.label), ["+", "-", "f"])
        XCTAssertTrue(screen.keyHelp.rows.contains { $0.label == "Del" || $0.label == "Delete" }, "\(screen.keyHelp.rows.map(\.label))")
        press(&screen, .enter)
        XCTAssertEqual(screen.keyMap().shadowedKeys, [])
        XCTAssertEqual(screen.keyHints.entries.map(\.label), ["↓", "Esc"])
        // Every key the help lists does something.
        for binding in screen.keyMap().bindings { XCTAssertFalse(binding.keys.isEmpty) }
    }

    func testACatalogWithoutRatedSkillsSaysSo() throws {
        var catalog = try Self.fixture()
        catalog.dimensions.removeAll { $0.kind == .level }
        let screen = screen(catalog)
        XCTAssertTrue(screen.skills.isEmpty)
        XCTAssertTrue(text(screen).contains("No article in this content rates skills on a scale, so there is nothing to"), text(screen))
        XCTAssertEqual(screen.keyHints.entries.count, 0)
    }

    /// Every frame's text for `keys` fed to an app on the hostile fixture, each frame checked.
    func hostileFrames(_ keys: [Key], width: Int, height: Int, glyphs: Glyphs = .unicode) throws -> [String] {
        var model = AppModel(catalog: try CatalogLoader.load(directory: HostileScreensTests.hostile), width: width, height: height)
        var texts: [String] = []
        for (index, key) in keys.enumerated() {
            _ = model.update(.key(key))
            var buffer = Buffer(width: width, height: height, glyphs: glyphs)
            model.render(into: &buffer)
            texts.append(HostileScreensTests.check(buffer, "after key \(index + 1) (\(key)) at \(width)x\(height)"))
        }
        return texts
    }

    /// Tests/Fixtures/hostile's skill and scale titles are full of escape sequences: every
    /// frame of the Skills tab (ratings, results, help) stays clean, with the text visibly there.
    func testHostileContentStaysInert() throws {
        let keys: [Key] = [.char("5"), .char("+"), .char("+"), .delete, .char("+"), .char("+"), .char("+"), .char("+"), .enter, .char("j"),
                           .pageDown, .char("G"), .escape, .char("?"), .escape, .char("h"), .char("f")]
        for (width, height) in HostileScreensTests.sizes {
            let texts = try hostileFrames(keys, width: width, height: height)
            XCTAssertTrue(texts.contains { $0.contains("Rate yourself · 1 of 1 skills rated") && $0.contains("Modelling ^[]52;c;") }, texts.last ?? "")
            XCTAssertTrue(texts.contains { $0.contains("Fit by role") && $0.contains("Gaps to close") }, texts.last ?? "")
        }
        let ascii = try hostileFrames(keys, width: 80, height: 24, glyphs: .ascii)
        XCTAssertTrue(ascii.contains { $0.contains("fit = 100 x (1 - gap / required)") }, ascii.last ?? "")
    }

    // MARK: In the app

    func testTheAppStoresACompletedAssessmentWithTheRunningSession() throws {
        let catalog = try Self.realCatalog()
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        let recorder = MemoryRecorder()
        model.recorder = recorder
        // Without a session, completing stores nothing.
        for key: Key in [.char("5"), .char("+"), .char("+"), .char("+"), .char("+"), .enter] { _ = model.update(.key(key)) }
        XCTAssertEqual(model.tab, .skills)
        XCTAssertTrue(recorder.records.isEmpty)
        // Resume a session: its last assessment's ratings come back.
        let run = try QuestionnaireRun(catalog.questionnaires[0], answers: [0])
        let earlier = SelfAssessment(ratings: ["ag-statistics": .basic])
        model.offerResume(SessionOffer(id: 7, label: "#7", run: run, assessment: earlier))
        _ = model.update(.key(.enter))
        XCTAssertEqual(model.skills.assessment, earlier)
        XCTAssertEqual(model.skills.page, .rating)
        // Opening the results unchanged stores nothing new; after a change it stores one.
        XCTAssertEqual(model.tab, .questionnaire)
        for key: Key in [.tab, .tab, .enter] { _ = model.update(.key(key)) }
        XCTAssertEqual(model.tab, .skills)
        XCTAssertTrue(recorder.records.isEmpty, "\(recorder.records)")
        for key: Key in [.escape, .char("+"), .char("+"), .char("+"), .char("+"), .char("+"), .char("f")] {
            _ = model.update(.key(key))
        }
        guard case .assessment(let stored)? = recorder.records.last?.record else { return XCTFail("\(recorder.records)") }
        XCTAssertEqual(recorder.records.last?.session, 7)
        XCTAssertEqual(stored.ratings["ag-statistics"], .basic)
        XCTAssertEqual(stored.ratings.count, 2)
        XCTAssertEqual(model.message, "stored with session #7")
        for key: Key in [.escape, .enter] { _ = model.update(.key(key)) }
        XCTAssertEqual(recorder.records.count, 1, "the same ratings are stored once")
        // e exports the assessment shown.
        XCTAssertEqual(model.focused.exportRequest, .assessment(stored))
        XCTAssertEqual(ExportRequest.assessment(stored).suggestedFileName, "rolescope-self-assessment.md")
    }

    func testNothingToExportBeforeARating() throws {
        var model = AppModel(catalog: try Self.realCatalog(), width: 80, height: 24)
        _ = model.update(.key(.char("5")))
        XCTAssertNil(model.focused.exportRequest)
        _ = model.update(.key(.char("e")))
        XCTAssertNil(model.overlay)
        XCTAssertTrue(model.message?.contains("a self-assessment") == true)
    }

    func testHelpListsOnlyTheGlobalKeysTheScreenLeavesAlone() throws {
        var model = AppModel(catalog: try Self.realCatalog(), width: 100, height: 40)
        _ = model.update(.key(.char("5")))
        let help = model.helpLines(under: model.focused, width: 90).map(\.text).joined(separator: "\n")
        // Ratings take + and -, so the digits stay the tabs' here too, and help says so.
        XCTAssertTrue(help.contains("Roles tab"), help)
        XCTAssertTrue(help.contains("Timeline tab"), help)
        XCTAssertTrue(help.contains("Skills tab"), help)
        XCTAssertTrue(help.contains("search"), help)
        XCTAssertTrue(help.contains("raise"), help)
        // At the results Esc and q are the screen's (back to ratings), not the app's.
        var results = model
        _ = results.update(.key(.char("f")))
        let everywhere = results.globalCommands(under: results.focused).map(\.action)
        XCTAssertFalse(everywhere.contains(.back))
        XCTAssertFalse(everywhere.contains(.quit))
        XCTAssertTrue(results.helpLines(under: results.focused, width: 90).map(\.text).joined(separator: "\n").contains("back to ratings"))
        _ = model.update(.key(.char("1")))
        XCTAssertEqual(model.tab, .roles, "1 switches to the Roles tab, rating nothing")
        XCTAssertTrue(model.skills.assessment.ratings.isEmpty)
    }

    // MARK: Snapshots

    func snapshot(_ screen: SkillsScreen, width: Int, height: Int, glyphs: Glyphs = .unicode, named name: String,
                  file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        var screen = screen
        _ = screen.update(.resize(width: width, height: height))
        let shown = text(screen, width: width, height: height, glyphs: glyphs)
        for row in shown.split(separator: "\n", omittingEmptySubsequences: false) {
            XCTAssertLessThanOrEqual(TextWidth.of(row), width, "a row overflows: \(row)", file: file, line: line)
        }
        assertSnapshot(of: shown, as: .lines, named: "\(name)-\(width)x\(height)", file: file, testName: testName, line: line)
    }

    func testSnapshotsWithTheRealCatalog() throws {
        for (width, height) in [(80, 21), (120, 37), (60, 13)] {
            var screen = try workedExample(width: width, height: height)
            snapshot(screen, width: width, height: height, named: "ratings")
            press(&screen, .enter)
            snapshot(screen, width: width, height: height, named: "results")
            press(&screen, .down, .down)
            snapshot(screen, width: width, height: height, glyphs: width == 60 ? .ascii : .unicode, named: "results-ai-engineer")
        }
    }
}
