import Foundation
import XCTest
@testable import RoleModel

/// Inputs the fuzzers in Fuzz/ found, kept as tests of the bug each one showed. The raw
/// inputs are in Tests/Fixtures/fuzz/<target>/ (the fuzzers replay them too); each test
/// says what the input means in terms of the code it exercises.
final class FuzzRegressionTests: XCTestCase {
    /// fuzz-questionnaire: answer 0, then change(step: 0, to: -1). The change was refused
    /// (no answer -1) but had already dropped the steps from 0 on, losing the answer given.
    func testARefusedChangeKeepsEveryAnswer() throws {
        let questionnaire = try XCTUnwrap(try Fixtures.minimalCatalog().questionnaire(id: "pick"))
        var run = try QuestionnaireRun(questionnaire, answers: [0, 0])
        for (step, answer) in [(0, -1), (1, 7), (0, 2)] {
            XCTAssertThrowsError(try run.change(step: step, to: answer)) {
                XCTAssertEqual($0 as? QuestionnaireRun.RunError, .noSuchAnswer(answer, count: 2))
            }
            XCTAssertEqual(run.steps.map(\.answer), [0, 0], "change(step: \(step), to: \(answer)) was refused")
        }
        XCTAssertEqual(run.currentQuestion?.id, "q3")
    }
}
