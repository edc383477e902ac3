import XCTest
@testable import RoleModel

final class QuestionnaireRunTests: XCTestCase {
    var questionnaire: Questionnaire!

    override func setUpWithError() throws {
        questionnaire = try XCTUnwrap(try Fixtures.minimalCatalog().questionnaire(id: "pick"))
    }

    func testAnsweringWalksToAnOutcome() throws {
        var run = QuestionnaireRun(questionnaire)
        XCTAssertEqual(run.currentQuestion?.id, "q1")
        try run.answer(0)
        try run.answer(0)
        XCTAssertEqual(run.currentQuestion?.id, "q3")
        XCTAssertNil(run.explanation)
        try run.answer(0)
        XCTAssertEqual(run.outcome?.id, "get-thinker")
        XCTAssertThrowsError(try run.answer(0)) { XCTAssertEqual($0 as? QuestionnaireRun.RunError, .finished) }
    }

    func testOutOfRangeAnswerIsRefused() {
        var run = QuestionnaireRun(questionnaire)
        XCTAssertThrowsError(try run.answer(2)) { XCTAssertEqual($0 as? QuestionnaireRun.RunError, .noSuchAnswer(2, count: 2)) }
        XCTAssertTrue(run.steps.isEmpty)
    }

    func testBackUndoesTheLastAnswer() throws {
        var run = try QuestionnaireRun(questionnaire, answers: [0, 0, 0])
        XCTAssertTrue(run.back())
        XCTAssertEqual(run.currentQuestion?.id, "q3")
        XCTAssertTrue(run.back())
        XCTAssertTrue(run.back())
        XCTAssertFalse(run.back(), "nothing to take back at the first question")
        XCTAssertEqual(run.currentQuestion?.id, "q1")
    }

    func testChangingAnEarlierAnswerDropsTheLaterOnes() throws {
        var run = try QuestionnaireRun(questionnaire, answers: [0, 0, 0])
        try run.change(step: 1, to: 1)
        XCTAssertEqual(run.steps.count, 2)
        XCTAssertEqual(run.outcome?.id, "get-builder")
        XCTAssertThrowsError(try run.change(step: 5, to: 0)) { XCTAssertEqual($0 as? QuestionnaireRun.RunError, .noSuchStep(5)) }
    }

    func testARefusedChangeLeavesTheRunAsItWas() throws {
        var run = try QuestionnaireRun(questionnaire, answers: [0, 0, 0])
        let before = run
        XCTAssertThrowsError(try run.change(step: 0, to: 7)) { XCTAssertEqual($0 as? QuestionnaireRun.RunError, .noSuchAnswer(7, count: 2)) }
        XCTAssertEqual(run, before, "a session records a change only after the run took it; a refused one must drop nothing")
    }

    func testExplanationComesFromTheAnswersGiven() throws {
        let run = try QuestionnaireRun(questionnaire, answers: [0, 0, 0])
        let explanation = try XCTUnwrap(run.explanation)
        XCTAssertEqual(explanation.reasons.map(\.answer), ["Yes", "Yes", "Answers"])
        XCTAssertEqual(explanation.becauseSentence,
                       "This result follows because you have data, your data is clean and you need answers.")
        // Each answer not given, and where it would have led instead.
        let alternatives = explanation.alternatives.map { "\($0.step):\($0.answer)->\($0.outcomes.map(\.id).joined(separator: "|"))" }
        XCTAssertEqual(alternatives, ["0:No->get-builder", "1:No->get-builder", "2:Both->get-both"])
    }

    func testClausesWithTheirOwnAndAreKeptApart() throws {
        var tree = questionnaire!
        tree.questions[0].answers[0].because = "you have data and want answers"
        let run = try QuestionnaireRun(tree, answers: [0, 0, 0])
        XCTAssertEqual(run.explanation?.becauseSentence,
                       "This result follows because you have data and want answers; your data is clean; and you need answers.")
    }

    func testReachableOutcomesAndDepth() {
        XCTAssertEqual(questionnaire.reachableOutcomes(from: .question("q1")).sorted(), ["get-both", "get-builder", "get-thinker"])
        XCTAssertEqual(questionnaire.reachableOutcomes(from: .question("q3")), ["get-thinker", "get-both"])
        XCTAssertEqual(questionnaire.depth, 3)
    }
}
