import BuiltinCatalog
import RoleModel
import TerminalKit
import XCTest
@testable import RoleReports

/// The plain-text commands say things the way a reader expects and the app says them
/// (issue 17): roles by name, a space after every label, and a questionnaire's
/// alternatives worded as the app's result page words them.
final class CLIWordingTests: XCTestCase {
    func testRolesNamesEachRoleWithItsIdAndAliases() throws {
        let catalog = try BuiltinCatalog.load()
        let text = TextRenderer(width: 80).render(Reports(catalog: catalog).roleList())
        for name in ["Data Engineer", "ML Engineer", "AI Engineer", "Data Scientist"] { XCTAssertTrue(text.contains(name), "\(name) in\n\(text)") }
        XCTAssertTrue(text.contains("Data Engineer:  data-engineer (also: de)\n"), text)
        XCTAssertTrue(text.contains("ML Engineer:    ml-engineer (also: mle, machine-learning-engineer)\n"), text)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(TextWidth.of(line), 80, String(line)) }
    }

    func testTheOverviewNamesTheRolesToo() throws {
        let catalog = try BuiltinCatalog.load()
        let text = TextRenderer(width: 80).render(Reports(catalog: catalog).overview(commands: [("roles", "every role")]))
        XCTAssertTrue(text.contains("AI Engineer:    ai-engineer (also: aie)"), text)
    }

    /// `assess --list` printed "ag-software-engineering:Software engineering": a label as
    /// wide as the label column lost its space. (The list now labels each role's line.)
    func testALabelAsWideAsItsColumnKeepsItsSpace() throws {
        let catalog = try BuiltinCatalog.load()
        for width in [60, 80, 100, 200] {
            let text = TextRenderer(width: width).render(Reports(catalog: catalog).assessableSkills())
            // Beside its text when the column has room (80 columns and more), else on a line of its own.
            let beside = text.contains("Data Scientist: AI Graduate: Critical"), above = text.contains("Data Scientist:\n")
            XCTAssertTrue(width >= 80 ? beside : beside || above, "width \(width):\n\(text)")
            XCTAssertNil(text.range(of: #"[a-z]:[A-Za-z]"#, options: .regularExpression), "a label runs into its text at width \(width)")
        }
        let fields = TextRenderer(width: 80).render(Document([.fields([("abcdefghijklmnopqrstuvwxyz0", "text"), ("a", "b")])]))
        XCTAssertFalse(fields.contains(":text"), fields)
    }

    func testAlternativesAreWordedAsTheAppWordsThem() throws {
        let catalog = try BuiltinCatalog.load()
        let career = try XCTUnwrap(catalog.questionnaire(id: "career"))
        let text = TextRenderer(width: 200).render(Reports(catalog: catalog).quiz(try QuestionnaireRun(career, answers: [0])))
        XCTAssertFalse(text.contains("possible results"), text)
        XCTAssertFalse(text.contains("(answers:"), text)
        let run = try QuestionnaireRun(career, answers: [0, 0, 0])
        let explanation = try XCTUnwrap(run.explanation)
        let reports = Reports(catalog: catalog)
        let sentences = explanation.alternatives.map { reports.alternativeSentence($0, current: explanation.outcome) }
        let many = try XCTUnwrap(sentences.first { $0.contains("other results") }, sentences.joined(separator: "\n"))
        XCTAssertNotNil(many.range(of: #"could have led to one of [0-9]+ other results, recommending .+, depending on the answers after it\.$"#,
                                   options: .regularExpression), many)
        let quiz = TextRenderer(width: 400).render(reports.quiz(run))
        XCTAssertTrue(quiz.contains(many + " To try it: --answers 2."), quiz)
    }

    func testAnAlternativeThatDecidesAloneNamesItsResult() throws {
        let catalog = try CatalogLoader.load(directory: ReportsTests.fixtures.appendingPathComponent("minimal"))
        let run = try QuestionnaireRun(try XCTUnwrap(catalog.questionnaire(id: "pick")), answers: [0, 0, 1])
        let text = TextRenderer(width: 200).render(Reports(catalog: catalog).quiz(run))
        XCTAssertTrue(text.contains("Answering \"Answers\" to \"Do you need answers or systems?\" would have led to Hire a thinker. To try it: --answers 1,1,1."), text)
    }
}
