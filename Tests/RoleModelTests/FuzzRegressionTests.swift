import Foundation
import XCTest
@testable import RoleModel

/// Inputs the fuzzers in Fuzz/ found, kept as tests of the bug each one showed. The raw
/// inputs are in Tests/Fixtures/fuzz/<target>/ (the fuzzers replay them too); each test
/// says what the input means in terms of the code it exercises.
final class FuzzRegressionTests: XCTestCase {
    /// A fuzz-content input as the fuzzer reads it: files separated by 0xFF bytes.
    func contentInput(_ name: String) throws -> [(file: String, text: String)] {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("fuzz/content/\(name)"))
        return data.split(separator: 0xFF, omittingEmptySubsequences: false).enumerated().map {
            ("f\($0.offset).yaml", String(decoding: $0.element, as: UTF8.self))
        }
    }

    func problems(_ documents: [(file: String, text: String)]) -> [ContentProblem] {
        do {
            _ = try CatalogLoader.load(documents: documents)
            XCTFail("expected the content to be refused")
            return []
        } catch {
            return error.problems
        }
    }

    /// fuzz-content, `{`: libyaml places an error at the end of input on the line after
    /// the last one, so the problem named line 2 of a one-line file.
    func testAnErrorAtTheEndOfInputNamesTheLastLine() throws {
        let found = problems(try contentInput("flow-mapping-open-at-end"))
        XCTAssertEqual(found.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" }, ["f0.yaml:1:2"])
        XCTAssertFalse(found[0].message.contains("line 2"), found[0].message)
        // The same with a final newline, CRLF line ends, and blank lines after the text.
        for (text, place) in [("a: [1\n", "1:6"), ("a: 1\r\nb: {\r\n", "2:5"), ("a: [\n\n\n", "3:1")] {
            XCTAssertEqual(problems([("x.yaml", text)]).map { "\($0.line ?? 0):\($0.column ?? 0)" }, [place], text.debugDescription)
        }
    }

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
