import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The Skills tab: rating keys, moving, the results with the README's worked example,
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

    /// The README's worked example: a software engineer rating seven skills.
    static let example: [(String, Int)] = [("python", 3), ("ml-modelling", 1), ("mlops", 2), ("system-design", 3),
                                           ("retrieval", 0), ("agents", 0), ("evaluation", 0)]

    func workedExample(width: Int = 80, height: Int = 21) throws -> SkillsScreen {
        var screen = screen(try Self.realCatalog(), width: width, height: height)
        for (id, level) in Self.example {
            select(id, in: &screen)
            rate(level, in: &screen)
        }
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
        XCTAssertEqual(screen.rating(of: first), .intermediate)
        press(&screen, .char("+"), .char("+"), .char("+"))
        XCTAssertEqual(screen.rating(of: first), .expert, "expert is the top")
        press(&screen, .char("-"), .char("-"))
        XCTAssertEqual(screen.rating(of: first), .intermediate)
        press(&screen, .char("-"), .char("-"), .char("-"))
        XCTAssertNil(screen.rating(of: first), "below none is not rated")
        XCTAssertEqual(screen.selection, 0, "stepping does not move")
    }

    func testPlusAndMinusRateDeleteClearsAndDigitsAreTheApps() throws {
        var screen = screen(try Self.realCatalog())
        let results = press(&screen, .char("+"), .char("+"), .char("+"), .char("+"), .char("+"), .char("j"), .char("+"),
                            .char("j"), .char("="), .char("="), .char("="))
        XCTAssertEqual(results, Array(repeating: .handled, count: 11))
        XCTAssertEqual(screen.assessment.ratings, [screen.skills[0].id: .expert, screen.skills[1].id: SkillLevel.none, screen.skills[2].id: .intermediate])
        XCTAssertEqual(screen.selection, 2, "rating does not move on")
        XCTAssertEqual(press(&screen, .delete), [.handled])
        XCTAssertNil(screen.assessment.ratings[screen.skills[2].id])
        XCTAssertEqual(screen.ratedCount, 2)
        // Digits are never ratings: the app gets them (they switch tabs).
        XCTAssertEqual(press(&screen, .char("0"), .char("1"), .char("4"), .char("5"), .char("9")), Array(repeating: .ignored, count: 5))
        XCTAssertEqual(screen.ratedCount, 2)
        XCTAssertTrue(text(screen).contains("Rate yourself · 2 of 21 skills rated, each once"))
    }

    func testMovingStaysOnSkillsAndInView() throws {
        var screen = screen(try Self.realCatalog(), width: 60, height: 13)
        press(&screen, .char("G"))
        XCTAssertEqual(screen.selectedSkill?.id, "prompting")
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("▶ Prompts and LLM behaviour"))
        press(&screen, .char("j"))
        XCTAssertEqual(screen.selectedSkill?.id, "prompting", "stops at the last skill")
        press(&screen, .char("g"))
        XCTAssertEqual(screen.selection, 0)
        press(&screen, .pageDown)
        XCTAssertGreaterThan(screen.selection, 1)
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("▶ " + screen.skills[screen.selection].title))
        press(&screen, .char("g"))
        for expected in 1..<screen.skills.count {
            press(&screen, .down)
            XCTAssertEqual(screen.selection, expected)
        }
    }

    func testEachSkillIsListedOnceWithWhatEachStepMeansForIt() throws {
        var screen = screen(try Self.realCatalog(), width: 100, height: 30)
        XCTAssertEqual(screen.skills.count, Set(screen.skills.map(\.title)).count)
        XCTAssertTrue(text(screen, width: 100, height: 30).contains("Not rated: left out of every fit until you raise it to a step."))
        press(&screen, .char("+"), .char("+"), .char("+"), .char("+"))
        let shown = text(screen, width: 100, height: 30)
        XCTAssertTrue(shown.contains("[3 advanced]"), shown)
        XCTAssertTrue(shown.contains("advanced: Structures larger code bases, packages and tests them"), shown)
        // Each role's sources, on their own scales, or not covered.
        XCTAssertTrue(shown.contains("AI Engineer     H2K: High on Medium < High (= advanced)"), shown)
        XCTAssertTrue(shown.contains("Data Engineer   not covered"), shown)
        select("retrieval", in: &screen)
        XCTAssertTrue(text(screen, width: 100, height: 30).contains("AI Engineer     listed without a level (A.Team, JoinAI)"))
    }

    func testClickingASkillSelectsIt() throws {
        var screen = screen(try Self.realCatalog())
        // Row 0 is the summary, row 1 the first skill.
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 5, y: 4, kind: .press))), .handled)
        XCTAssertEqual(screen.selection, 3)
        _ = screen.update(.mouse(MouseEvent(x: 5, y: 0, kind: .press)))
        XCTAssertEqual(screen.selection, 3, "the summary is not a skill")
        _ = screen.update(.mouse(MouseEvent(x: 5, y: 4, kind: .wheelDown)))
        XCTAssertEqual(screen.selection, 4)
    }

    // MARK: Results

    func testResultsGiveTheWorkedExamplesFitsAndGaps() throws {
        var screen = try workedExample()
        XCTAssertEqual(press(&screen, .enter), [.done([.record(.assessment(screen.assessment))])])
        XCTAssertEqual(screen.page, .results)
        XCTAssertFalse(screen.isAtTop)
        // README: AI Engineer 9 of 11 (82%), Data Scientist 6 of 10 (60%), ML Engineer 9 of 16 (56%).
        XCTAssertEqual(screen.fits.map(\.role), ["ai-engineer", "data-scientist", "ml-engineer", "data-engineer"])
        XCTAssertEqual(screen.fits.map(\.percent), [82, 60, 56, nil])
        XCTAssertEqual(screen.fits.map(\.shortLevels), [2, 4, 7, 0])
        XCTAssertEqual(screen.fits.map(\.neededLevels), [11, 10, 16, 0])
        let shown = text(screen)
        for line in ["AI Engineer     82%", "9 of the 11 levels needed", "every role scored over the same 4 skills",
                     "Data Engineer  no score: no source rates Data Engineer's skills on a scale",
                     "Gaps to close for AI Engineer, largest first", "Retrieval (RAG)", "a gap of at least one level"] {
            XCTAssertTrue(shown.contains(line), "missing \(line) in\n\(shown)")
        }
        let lines = screen.detailLines(width: 80, glyphs: .unicode).map(\.text)
        let gaps = lines.filter { $0.range(of: "[█░] a gap of", options: .regularExpression) != nil }
        let titles = ["Retrieval (RAG)", "Agents", "Evaluating AI output", "ML modelling", "MLOps and monitoring"]
        XCTAssertEqual(gaps.count, titles.count, "\(lines)")
        for (gap, title) in zip(gaps, titles) { XCTAssertTrue(gap.hasPrefix("   " + title), gap) }
        XCTAssertTrue(lines.contains { $0.contains("Closed by step 1 of the plan from Software engineer") }, "\(lines)")
        XCTAssertTrue(screen.detailLines(width: 200, glyphs: .unicode).contains { $0.text.contains("Levels needed 3 + 2 + 3 + 3 = 11; short 0 + 1 + 1 + 0 = 2; met 9 of 11 = 82%") })
        // Choosing ML Engineer shows its working in plain words.
        press(&screen, .char("j"), .char("j"))
        XCTAssertTrue(screen.breadcrumb.hasSuffix("Fit by role › ML Engineer"))
        let mle = screen.detailLines(width: 200, glyphs: .unicode).map(\.text)
        XCTAssertTrue(mle.contains { $0.contains("Python: you: Advanced; ML Engineer needs Expert (AI Graduate: Critical), Advanced (H2K: High): a gap of one level") }, "\(mle)")
        XCTAssertFalse(mle.joined().contains("÷ 4"), "no arithmetic on fractional levels")
    }

    func testPOpensThePlanThatClosesTheChosenRolesLargestGap() throws {
        var screen = try workedExample()
        press(&screen, .enter)
        // AI Engineer's largest gap, retrieval, is step 1 of the plan from software engineering.
        XCTAssertEqual(press(&screen, .char("P")), [.navigate(.plan(role: "ai-engineer", background: "software-engineer"))])
        press(&screen, .char("j"))
        XCTAssertEqual(screen.fits[screen.roleSelection].role, "data-scientist")
        // Data Scientist's largest gap, ML modelling, is taught by the plan from a quantitative background.
        XCTAssertEqual(press(&screen, .char("P")), [.navigate(.plan(role: "data-scientist", background: "quant-stats-econ"))])
        // On the ratings, P is not the screen's.
        press(&screen, .escape)
        XCTAssertEqual(press(&screen, .char("P")), [.ignored])
    }

    func testClickingARoleChoosesItAndTheWheelScrollsTheWorking() throws {
        var screen = try workedExample()
        press(&screen, .enter)
        // Row 0 is the heading, rows 1-4 the roles best first: row 3 is ML Engineer.
        _ = screen.update(.mouse(MouseEvent(x: 4, y: 3, kind: .press)))
        XCTAssertEqual(screen.fits[screen.roleSelection].role, "ml-engineer")
        _ = screen.update(.mouse(MouseEvent(x: 4, y: 0, kind: .press)))
        XCTAssertEqual(screen.fits[screen.roleSelection].role, "ml-engineer", "the heading is not a role")
        _ = screen.update(.mouse(MouseEvent(x: 4, y: 10, kind: .wheelDown)))
        XCTAssertEqual(screen.detailOffset, 3)
        press(&screen, .char("G"))
        XCTAssertEqual(screen.detailOffset, screen.detailLines(width: 80, glyphs: .unicode).count - screen.detailHeight)
        XCTAssertTrue(text(screen).contains("How fit is worked out"))
    }

    func testGapsAreLargestFirst() throws {
        var screen = screen(try Self.realCatalog())
        // Data Scientist: ML modelling expert (AI Graduate: Critical) rated none: 4 short;
        // SQL expert rated basic: 3; experiments advanced (Important) rated intermediate: 1.
        for (id, level) in [("ml-modelling", 0), ("sql", 1), ("experiments", 2)] {
            select(id, in: &screen)
            rate(level, in: &screen)
        }
        press(&screen, .char("f"))
        let scientist = try XCTUnwrap(screen.fits.firstIndex { $0.role == "data-scientist" })
        while screen.roleSelection < scientist { press(&screen, .down) }
        let gaps = screen.detailLines(width: 80, glyphs: .ascii).map(\.text).filter { $0.range(of: "[#.] a gap of", options: .regularExpression) != nil }
        XCTAssertEqual(gaps.count, 3, "\(gaps)")
        XCTAssertTrue(gaps[0].contains("ML modelling") && gaps[0].contains("#### a gap of four levels"), gaps[0])
        XCTAssertTrue(gaps[1].contains("SQL") && gaps[1].contains("###. a gap of three levels"), gaps[1])
        XCTAssertTrue(gaps[2].contains("Experiments") && gaps[2].contains("#... a gap of one level"), gaps[2])
    }

    func testOpeningResultsAsksToRecordTheAssessment() throws {
        var screen = screen(try Self.realCatalog())
        select("python", in: &screen)
        XCTAssertEqual(press(&screen, .char("+"), .char("+"), .char("+")), [.handled, .handled, .handled],
                       "rating alone records nothing")
        select("statistics", in: &screen)
        rate(3, in: &screen)
        let results = press(&screen, .char("f"))
        guard case .done(let effects) = results[0], case .record(.assessment(let completed))? = effects.first else {
            return XCTFail("\(results)")
        }
        XCTAssertEqual(completed.ratings, ["python": .intermediate, "statistics": .advanced])
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
        XCTAssertTrue(text(empty).contains("Rate some skills to see what to close."), text(empty))
    }

    func testKeyHelpAndHintsComeFromTheKeyMap() throws {
        var screen = screen(try Self.realCatalog())
        XCTAssertEqual(screen.keyMap().shadowedKeys, [])
        XCTAssertEqual(screen.keyHints.entries.map(\.label), ["+", "-", "f"])
        XCTAssertTrue(screen.keyHelp.rows.contains { $0.label == "Del" || $0.label == "Delete" }, "\(screen.keyHelp.rows.map(\.label))")
        press(&screen, .enter)
        XCTAssertEqual(screen.keyMap().shadowedKeys, [])
        XCTAssertEqual(screen.keyHints.entries.map(\.label), ["↓", "P", "Esc"])
        // Every key the help lists does something.
        for binding in screen.keyMap().bindings { XCTAssertFalse(binding.keys.isEmpty) }
    }

    func testACatalogWithoutSkillsSaysSo() throws {
        var catalog = try Self.fixture()
        catalog.skills = []
        let screen = screen(catalog)
        XCTAssertTrue(screen.skills.isEmpty)
        XCTAssertTrue(text(screen).contains("This content defines no skills to rate, so there is nothing to assess."), text(screen))
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
        XCTAssertTrue(ascii.contains { $0.contains("PWN-advanced") }, ascii.last ?? "")
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
        let earlier = SelfAssessment(ratings: ["statistics": .basic])
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
        XCTAssertEqual(stored.ratings["statistics"], .basic)
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
            snapshot(screen, width: width, height: height, glyphs: width == 60 ? .ascii : .unicode, named: "results-ml-engineer")
        }
    }
}
