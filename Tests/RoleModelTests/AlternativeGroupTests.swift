import BuiltinCatalog
import XCTest
@testable import RoleModel

/// "What would have changed the result" lists each other result once, with every answer
/// that leads there: answers leading to the same other results sit together.
final class AlternativeGroupTests: XCTestCase {
    func testAnswersLeadingToTheSameResultAreGroupedInFirstAppearanceOrder() throws {
        let catalog = try BuiltinCatalog.load()
        let hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
        let explanation = try XCTUnwrap(try QuestionnaireRun(hiring, answers: [1, 0, 0]).explanation)
        let groups = explanation.alternativeGroups
        XCTAssertEqual(groups.map(\.count), [1, 1, 2, 1])
        // The two answers in the third group reach the same other result, though one may
        // still end here depending on later answers.
        let others = groups[2].map { $0.outcomes.map(\.id).filter { $0 != explanation.outcome.id } }
        XCTAssertEqual(others[0], others[1])
        XCTAssertEqual(others[0].compactMap { hiring.outcome($0)?.title }, ["Hire a Data Engineer first, then an AI Engineer"])
        // The flat list keeps the groups together (the app numbers them in this order).
        XCTAssertEqual(explanation.alternatives, groups.flatMap { $0 })
        XCTAssertEqual(explanation.alternatives.map(\.step), [0, 0, 1, 2, 1])
    }

    func testGroupingKeepsEveryAlternative() {
        func outcome(_ id: String) -> Outcome { Outcome(id: id, title: id, recommend: [], rationale: "", sources: []) }
        func alternative(_ step: Int, _ outcomes: [String]) -> Explanation.Alternative {
            Explanation.Alternative(step: step, question: "q\(step)", answerIndex: 0, answer: "a", outcomes: outcomes.map(outcome))
        }
        let alternatives = [alternative(0, ["x"]), alternative(1, ["y"]), alternative(2, ["x", "here"]), alternative(3, ["y"])]
        let groups = Explanation.grouped(alternatives, current: "here")
        XCTAssertEqual(groups.map { $0.map(\.step) }, [[0, 2], [1, 3]])
    }
}
