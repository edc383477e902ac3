import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The Questionnaire screen: key sequences in, state out; and rendered snapshots of the
/// chooser, a question with a trail, and a result, at the app's smallest common sizes.
final class QuestionnaireScreenTests: XCTestCase {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = try! CatalogLoader.load(directory: testsRoot.appendingPathComponent("Fixtures/minimal"))
    static let assets = try! CatalogLoader.load(directory: testsRoot.deletingLastPathComponent().appendingPathComponent("assets"))

    /// The content areas of an 80x24 and a 120x40 terminal.
    static let sizes = [(80, 21), (120, 37)]

    func makeScreen(_ catalog: Catalog = fixture, width: Int = 80, height: Int = 21) -> QuestionnaireScreen {
        var screen = QuestionnaireScreen(catalog: catalog)
        _ = screen.update(.resize(width: width, height: height))
        return screen
    }

    @discardableResult
    func press(_ screen: inout QuestionnaireScreen, _ keys: Key...) -> ScreenResult {
        var last = ScreenResult.ignored
        for key in keys { last = screen.update(.key(key)) }
        return last
    }

    /// Answers questions as a user does: one digit per question names the answer.
    func answer(_ screen: inout QuestionnaireScreen, _ answers: String) {
        for key in answerKeys(answers) { _ = screen.update(.key(key)) }
    }

    func rendered(_ screen: QuestionnaireScreen, width: Int, height: Int, glyphs: Glyphs = .unicode) -> String {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        screen.render(into: &buffer, area: buffer.area)
        return buffer.lines().joined(separator: "\n")
    }

    // MARK: Chooser

    func testChooserIsTheTopAndEnterStartsTheChosenQuestionnaire() {
        var screen = makeScreen()
        XCTAssertEqual(screen.view, .chooser)
        XCTAssertTrue(screen.isAtTop)
        XCTAssertFalse(screen.editsText)
        XCTAssertEqual(screen.breadcrumb, "Questionnaire")
        XCTAssertEqual(press(&screen, .char("q")), .ignored, "q at the top is the app's")
        XCTAssertEqual(press(&screen, .escape), .ignored, "Esc at the top is the app's")
        XCTAssertEqual(press(&screen, .char("2")), .ignored, "digits switch tabs from the chooser")

        XCTAssertEqual(press(&screen, .enter), .handled)
        XCTAssertEqual(screen.view, .question)
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q1")
        XCTAssertFalse(screen.isAtTop)
        XCTAssertFalse(screen.editsText, "a question types nothing: digits stay the app's")
        XCTAssertEqual(press(&screen, .char("2")), .ignored, "digits switch tabs on a question too")
        XCTAssertEqual(screen.run?.steps.count, 0, "and answer nothing")
        XCTAssertTrue(screen.commands.offers(.quit), "q stays on the screen (back to the chooser)")
        XCTAssertEqual(screen.breadcrumb, "Questionnaire › Which one? › Question 1")
    }

    func testChooserMovesWithArrowsAndJK() {
        var screen = makeScreen(Self.assets)
        XCTAssertEqual(screen.chosen, 0)
        press(&screen, .down)
        XCTAssertEqual(screen.chosen, 1)
        press(&screen, .char("j"))
        XCTAssertEqual(screen.chosen, 1, "stops at the last")
        press(&screen, .char("k"))
        XCTAssertEqual(screen.chosen, 0)
        press(&screen, .char("G"))
        XCTAssertEqual(screen.chosen, 1)
        press(&screen, .char("l"))
        XCTAssertEqual(screen.run?.questionnaire.id, Self.assets.questionnaires[1].id)
    }

    func testStartOpensAQuestionnaireFromItsFirstQuestion() {
        var screen = makeScreen()
        screen.start(questionnaire: "pick")
        XCTAssertEqual(screen.run?.steps.count, 0)
        XCTAssertEqual(screen.view, .question)

        var other = makeScreen()
        other.start(questionnaire: "no-such-thing")
        XCTAssertEqual(other.view, .chooser)
    }

    // MARK: Answering

    func testEnterAnswersAndMovesOn() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "11")
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q3")
        XCTAssertEqual(screen.breadcrumb, "Questionnaire › Which one? › Question 3")
        answer(&screen, "1")
        XCTAssertEqual(screen.run?.outcome?.id, "get-thinker")
        XCTAssertEqual(screen.view, .result)
        XCTAssertEqual(screen.breadcrumb, "Questionnaire › Which one? › Result")
        XCTAssertFalse(screen.editsText, "the result leaves ? and / to the app")
        XCTAssertFalse(screen.commands.offers(.help) || screen.commands.offers(.search))
    }

    func testDigitsAnswerNothing() {
        var screen = makeScreen()
        press(&screen, .enter)
        for digit in "123459" { XCTAssertEqual(press(&screen, .char(digit)), .ignored, "\(digit) is the app's") }
        XCTAssertEqual(screen.run?.steps.count, 0)
        XCTAssertEqual(screen.highlighted, 0)
    }

    func testArrowsAndEnterAnswerTheHighlightedAnswer() {
        var screen = makeScreen()
        press(&screen, .enter)
        XCTAssertEqual(screen.highlighted, 0)
        press(&screen, .down)
        XCTAssertEqual(screen.highlighted, 1)
        press(&screen, .down)
        XCTAssertEqual(screen.highlighted, 1, "stops at the last answer")
        press(&screen, .char("k"), .char("l"))
        XCTAssertEqual(screen.run?.steps.map(\.answer), [0])
        press(&screen, .char("j"), .enter)
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
        XCTAssertEqual(screen.run?.steps.map(\.answer), [0, 1])
    }

    func testBackTakesBackTheLastAnswerAndShowsItHighlighted() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "12")
        XCTAssertEqual(screen.view, .result)

        press(&screen, .backspace)
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q2")
        XCTAssertEqual(screen.highlighted, 1, "the answer just taken back is highlighted")
        press(&screen, .char("h"))
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q1")
        XCTAssertEqual(screen.highlighted, 0)
        XCTAssertEqual(press(&screen, .left), .handled)
        XCTAssertEqual(screen.view, .chooser, "back at the first question returns to the chooser")
    }

    func testEscAtTheFirstQuestionAndQAnywhereReturnToTheChooser() {
        var screen = makeScreen()
        press(&screen, .enter)
        XCTAssertEqual(press(&screen, .escape), .handled)
        XCTAssertEqual(screen.view, .chooser)

        press(&screen, .enter)
        answer(&screen, "1")
        XCTAssertEqual(press(&screen, .char("q")), .handled)
        XCTAssertEqual(screen.view, .chooser)
        XCTAssertNil(screen.run)

        press(&screen, .enter)
        XCTAssertEqual(screen.run?.steps.count, 1, "choosing it again carries on: q kept the walk")
        answer(&screen, "2")
        XCTAssertEqual(screen.view, .result)
        XCTAssertEqual(press(&screen, .char("q")), .handled)
        XCTAssertEqual(screen.view, .chooser)
        XCTAssertTrue(screen.keyHints.entries.contains { $0.label == "R" && $0.description == "start over" })
        press(&screen, .enter)
        XCTAssertEqual(screen.view, .result, "back to the result it left")
        press(&screen, .char("q"), .char("R"))
        XCTAssertEqual(screen.view, .question)
        XCTAssertEqual(screen.run?.steps.count, 0, "R starts afresh")
    }

    // MARK: The trail of answers

    func testUpFromTheFirstAnswerEntersTheTrailAndDownComesBack() {
        var screen = makeScreen()
        press(&screen, .enter)
        press(&screen, .up)
        XCTAssertNil(screen.selection, "no trail before the first answer")
        answer(&screen, "11")
        press(&screen, .up)
        XCTAssertEqual(screen.selection, .trail(1))
        press(&screen, .up, .up)
        XCTAssertEqual(screen.selection, .trail(0))
        press(&screen, .down)
        XCTAssertEqual(screen.selection, .trail(1))
        press(&screen, .down)
        XCTAssertNil(screen.selection)
        XCTAssertEqual(screen.highlighted, 0)

        press(&screen, .char("["), .char("["))
        XCTAssertEqual(screen.selection, .trail(0))
        press(&screen, .char("]"), .char("]"))
        XCTAssertNil(screen.selection, "] past the last earlier answer comes back to the answers")
        press(&screen, .char("["), .escape)
        XCTAssertNil(screen.selection, "Esc in the trail comes back to the answers")
        XCTAssertEqual(screen.run?.steps.count, 2, "and takes nothing back")
    }

    func testChangingAnEarlierAnswerDropsTheLaterOnes() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "11")
        press(&screen, .char("["), .char("["), .enter)
        XCTAssertEqual(screen.reviewing?.step, 0)
        XCTAssertEqual(screen.shownQuestion?.id, "q1")
        XCTAssertEqual(screen.highlighted, 0, "the answer given then is highlighted")
        XCTAssertEqual(screen.breadcrumb, "Questionnaire › Which one? › Question 1")
        XCTAssertFalse(screen.editsText)

        press(&screen, .down, .enter)
        XCTAssertNil(screen.reviewing)
        XCTAssertEqual(screen.run?.steps.map(\.answer), [1])
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
    }

    func testTheSameAnswerAgainOrEscKeepsTheLaterAnswers() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "11")
        press(&screen, .down)
        XCTAssertEqual(screen.highlighted, 1)
        press(&screen, .char("["), .enter)
        XCTAssertEqual(screen.reviewing?.step, 1)
        answer(&screen, "1")
        XCTAssertNil(screen.reviewing)
        XCTAssertEqual(screen.run?.steps.map(\.answer), [0, 0])
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q3")
        XCTAssertEqual(screen.highlighted, 1, "the current question's highlight is where it was")

        press(&screen, .char("["), .enter, .down, .escape)
        XCTAssertNil(screen.reviewing)
        XCTAssertEqual(screen.run?.steps.map(\.answer), [0, 0])
        XCTAssertEqual(screen.shownQuestion?.id, "q3")
    }

    func testAnEarlierAnswerCanBeRevisitedFromTheResult() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "111")
        press(&screen, .char("]"))
        XCTAssertEqual(screen.selection, .trail(0))
        press(&screen, .char("]"), .enter)
        XCTAssertEqual(screen.reviewing?.step, 1)
        XCTAssertEqual(screen.view, .question)
        press(&screen, .escape)
        XCTAssertEqual(screen.view, .result, "Esc returns to the result untouched")
        XCTAssertEqual(screen.run?.outcome?.id, "get-thinker")
        press(&screen, .char("]"), .char("]"), .enter)
        answer(&screen, "2")
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
    }

    // MARK: Result

    func testResultKeysNavigate() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "2")
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
        XCTAssertEqual(press(&screen, .char("c")), .navigate(.compare(roles: ["builder", "thinker"])), "with the runner-up")
        XCTAssertEqual(press(&screen, .char("t")), .navigate(.timeline(role: "builder", kind: .day, entry: nil)))
        XCTAssertEqual(press(&screen, .char("p")), .navigate(.profile(role: "builder", dimension: nil)))

        XCTAssertEqual(press(&screen, .char("r")), .ignored, "r is Compare's; R starts over")
        press(&screen, .char("R"))
        answer(&screen, "112")
        XCTAssertEqual(screen.run?.outcome?.id, "get-both")
        XCTAssertEqual(press(&screen, .char("c")), .navigate(.compare(roles: ["builder", "thinker"])), "the first two recommended")
    }

    func testTimelineFallsBackToAWeekAndCompareNeedsTwoRoles() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "111")
        XCTAssertEqual(screen.run?.outcome?.id, "get-thinker")
        XCTAssertEqual(press(&screen, .char("t")), .navigate(.timeline(role: "thinker", kind: .week, entry: nil)))
        XCTAssertEqual(press(&screen, .char("c")), .ignored, "one role and no runner-up: nothing to compare")
        XCTAssertFalse(screen.keyHints.entries.contains { $0.label == "c" })
    }

    func testRestartGoesBackToTheFirstQuestion() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "111")
        XCTAssertEqual(press(&screen, .char("R")), .handled)
        XCTAssertEqual(screen.run?.steps.count, 0)
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q1")
        XCTAssertEqual(screen.view, .question)
    }

    func testBackFromTheResultUndoesTheLastAnswer() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "112")
        press(&screen, .escape)
        XCTAssertEqual(screen.run?.currentQuestion?.id, "q3")
        XCTAssertEqual(screen.highlighted, 1)
    }

    func testEnterTriesAChangeFromTheResultAndDigitsStayTabs() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "111")
        // The alternatives: No to q1, No to q2, Both to q3.
        XCTAssertEqual(screen.run?.explanation?.alternatives.count, 3)
        XCTAssertEqual(press(&screen, .char("3")), .ignored, "digits switch tabs on the result")
        XCTAssertEqual(screen.run?.outcome?.id, "get-thinker")

        press(&screen, .char("["))
        XCTAssertEqual(screen.selection, .alternative(2), "[ starts from the last change")
        press(&screen, .enter)
        XCTAssertEqual(screen.run?.outcome?.id, "get-both")
        XCTAssertEqual(screen.run?.steps.map(\.answer), [0, 0, 1])

        press(&screen, .char("["))
        press(&screen, .char("["), .enter)
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
        XCTAssertEqual(screen.run?.steps.map(\.answer), [0, 1], "the later answer is dropped")
        XCTAssertNil(screen.selection)
    }

    func testDigitsOnTheResultAreLeftToTheApp() {
        var screen = makeScreen()
        press(&screen, .enter)
        answer(&screen, "2")
        XCTAssertEqual(screen.run?.explanation?.alternatives.count, 1)
        XCTAssertEqual(press(&screen, .char("1")), .ignored, "1 would have tried the one change")
        XCTAssertEqual(press(&screen, .char("2")), .ignored)
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
    }

    func testTheResultScrollsWhenTallerThanTheArea() {
        var screen = makeScreen(Self.assets, width: 80, height: 21)
        screen.start(questionnaire: "hiring")
        answer(&screen, "211")
        XCTAssertGreaterThan(screen.page.height, 21)
        press(&screen, .char("j"))
        XCTAssertEqual(screen.scroll, 1)
        press(&screen, .pageDown)
        XCTAssertEqual(screen.scroll, 21)
        press(&screen, .char("G"))
        XCTAssertEqual(screen.scroll, screen.page.height - 21)
        press(&screen, .pageDown)
        XCTAssertEqual(screen.scroll, screen.page.height - 21, "never past the end")
        press(&screen, .char("g"))
        XCTAssertEqual(screen.scroll, 0)
        _ = screen.update(.mouse(MouseEvent(x: 5, y: 5, kind: .wheelDown)))
        XCTAssertEqual(screen.scroll, 3)
        // Picking a change far below scrolls it into view.
        press(&screen, .char("["))
        let rows = try! XCTUnwrap(screen.page.rows(of: screen.selection!))
        XCTAssertTrue(rows.lowerBound >= screen.scroll && rows.upperBound <= screen.scroll + 21)
    }

    // MARK: Mouse

    func testAClickPicksAndASecondClickActs() throws {
        var screen = makeScreen()
        let row = try XCTUnwrap(screen.page.rows(of: .questionnaire(0))).lowerBound
        _ = screen.update(.mouse(MouseEvent(x: 4, y: row, kind: .press)))
        XCTAssertEqual(screen.view, .question, "the chosen questionnaire starts")

        let second = try XCTUnwrap(screen.page.rows(of: .answer(1))).lowerBound
        _ = screen.update(.mouse(MouseEvent(x: 4, y: second, kind: .press)))
        XCTAssertEqual(screen.highlighted, 1)
        XCTAssertEqual(screen.run?.steps.count, 0)
        _ = screen.update(.mouse(MouseEvent(x: 4, y: second, kind: .press)))
        XCTAssertEqual(screen.run?.outcome?.id, "get-builder")
    }

    // MARK: Keys, hints and help

    func testEveryStateHasOneKeyMapWithoutShadowedKeys() {
        var screen = makeScreen()
        var states: [QuestionnaireScreen] = [screen]
        press(&screen, .enter)
        states.append(screen)
        answer(&screen, "11")
        press(&screen, .up)
        states.append(screen)
        press(&screen, .enter)
        states.append(screen)
        press(&screen, .escape, .escape)
        answer(&screen, "1")
        states.append(screen)
        press(&screen, .char("["))
        states.append(screen)
        for state in states {
            XCTAssertEqual(state.keyMap().shadowedKeys, [], "\(state.view)")
            XCTAssertEqual(state.keyHints.entries, KeyHints(state.commands.keyMap(.standard, section: nil, hintLabels: true)).entries)
            XCTAssertEqual(state.keyHelp.rows, KeyHelp(state.keyMap()).rows)
        }
    }

    func testInTheAppDigitsSwitchTabsFromAQuestionAndQKeepsTheWalk() {
        var app = AppModel(catalog: Self.fixture, width: 80, height: 24)
        _ = app.update(.key(.char("3")))
        XCTAssertEqual(app.tab, .questionnaire)
        _ = app.update(.key(.enter))
        _ = app.update(.key(.enter))
        XCTAssertEqual(app.questionnaire.run?.steps.count, 1)
        _ = app.update(.key(.char("1")))
        XCTAssertEqual(app.tab, .roles, "1 switches tab from a question")
        XCTAssertEqual(app.questionnaire.run?.steps.count, 1, "and answers nothing")
        _ = app.update(.key(.char("3")))
        XCTAssertEqual(app.questionnaire.view, .question, "the question is still there")
        XCTAssertEqual(app.update(.key(.char("q"))), .none, "q goes back to the chooser, not out of the app")
        XCTAssertEqual(app.questionnaire.view, .chooser)
        _ = app.update(.key(.enter))
        XCTAssertEqual(app.questionnaire.run?.steps.count, 1, "choosing it again carries on")
        _ = app.update(.key(.char("R")))
        XCTAssertEqual(app.questionnaire.run?.steps.count, 0, "R starts over")
        for key in answerKeys("2") { _ = app.update(.key(key)) }
        XCTAssertEqual(app.questionnaire.view, .result)
        _ = app.update(.key(.char("c")))
        XCTAssertEqual(app.tab, .compare)
    }

    // MARK: Real content

    func testTheHiringPathTwoOneOneEndsAtAIEngineer() {
        var screen = makeScreen(Self.assets)
        screen.start(questionnaire: "hiring")
        answer(&screen, "211")
        XCTAssertEqual(screen.run?.outcome?.recommend, ["ai-engineer"])
        XCTAssertEqual(press(&screen, .char("c")), .navigate(.compare(roles: ["ai-engineer", "ml-engineer"])))
        XCTAssertEqual(press(&screen, .char("t")), .navigate(.timeline(role: "ai-engineer", kind: .day, entry: nil)))
        XCTAssertEqual(press(&screen, .char("p")), .navigate(.profile(role: "ai-engineer", dimension: nil)))
    }

    // MARK: Snapshots

    func snapshot(_ screen: QuestionnaireScreen, _ name: String, glyphs: Glyphs = .unicode,
                  file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        for (width, height) in Self.sizes {
            var sized = screen
            _ = sized.update(.resize(width: width, height: height))
            assertSnapshot(of: rendered(sized, width: width, height: height, glyphs: glyphs), as: .lines,
                           named: "\(name)-\(width)x\(height)", file: file, testName: testName, line: line)
        }
    }

    /// A screen driven by keys at 80x21, so scrolling and highlights are as a user left them.
    func driven(_ catalog: Catalog, _ questionnaire: String, answers: String, keys: [Key] = []) -> QuestionnaireScreen {
        var screen = makeScreen(catalog)
        screen.start(questionnaire: questionnaire)
        answer(&screen, answers)
        for key in keys { _ = screen.update(.key(key)) }
        return screen
    }

    func testSnapshotsFixture() {
        snapshot(makeScreen(), "chooser")
        snapshot(driven(Self.fixture, "pick", answers: "11", keys: [.down]), "question-with-trail")
        snapshot(driven(Self.fixture, "pick", answers: "11", keys: [.up, .up, .enter]), "changing-an-answer")
        snapshot(driven(Self.fixture, "pick", answers: "111"), "result-with-transition")
        snapshot(driven(Self.fixture, "pick", answers: "112", keys: [.char("[")]), "result-ordered-change-picked")
    }

    func testSnapshotsRealContent() {
        snapshot(makeScreen(Self.assets), "chooser")
        snapshot(driven(Self.assets, "hiring", answers: "21"), "hiring-question-3")
        snapshot(driven(Self.assets, "hiring", answers: "211"), "hiring-2-1-1-ai-engineer")
        snapshot(driven(Self.assets, "hiring", answers: "211", keys: [.char("G")]), "hiring-2-1-1-bottom")
        snapshot(driven(Self.assets, "hiring", answers: "212"), "hiring-2-1-2-ordered")
        snapshot(driven(Self.assets, "career", answers: "211", keys: [.char("G")]), "career-2-1-1-transition")
    }

    /// The whole app at 80x24, to see the screen with its breadcrumb and hint bar.
    func testSnapshotInTheApp() {
        var app = AppModel(catalog: Self.assets, width: 80, height: 24)
        app.open(.questionnaire(id: "hiring"))
        for key in answerKeys("21") { _ = app.update(.key(key)) }
        _ = app.update(.key(.up))
        var buffer = Buffer(width: 80, height: 24)
        app.render(into: &buffer)
        let hints = buffer.lines()[23]
        XCTAssertTrue(hints.contains("Esc back a step"), "the hint bar keeps the way out: \(hints)")
        XCTAssertTrue(hints.contains("? help"), "and help: \(hints)")
        assertSnapshot(of: buffer.lines().joined(separator: "\n"), as: .lines, named: "app-hiring-question-3-80x24")
    }

    func testSnapshotASCII() {
        snapshot(driven(Self.assets, "hiring", answers: "21", keys: [.up]), "ascii-trail", glyphs: .ascii)
    }
}
