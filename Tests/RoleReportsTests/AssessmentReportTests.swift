import BuiltinCatalog
import Foundation
import RoleModel
import XCTest
@testable import RoleReports

/// `rolescope assess` and the Skills tab's export: the README's worked example in words
/// and whole levels in the text, Markdown and JSON, gaps largest first with their plan
/// steps, and each skill once in the list with its sources' own scales.
final class AssessmentReportTests: XCTestCase {
    /// The README's worked example: a software engineer rating seven skills.
    let example = SelfAssessment(ratings: ["python": .advanced, "system-design": .advanced, "mlops": .intermediate,
                                           "ml-modelling": .basic, "retrieval": .none, "agents": .none, "evaluation": .none])

    func testTheWorkedExampleShowsEachFitWithItsWorking() throws {
        let catalog = try BuiltinCatalog.load()
        let markdown = MarkdownRenderer().render(Reports(catalog: catalog).assessment(example))
        for line in ["# Self-assessment", "7 of 21 skills rated.", "- **Python**: advanced", "- **ML modelling**: basic",
                     "Every role is scored over the same 4 skills",
                     "| AI Engineer | 9 of the 11 levels needed: 82% | Retrieval (RAG), Agents, Evaluating AI output (evals) |",
                     "| Data Scientist | 6 of the 10 levels needed: 60% |", "| ML Engineer | 9 of the 16 levels needed: 56% |",
                     "| Data Engineer | no score: no source rates Data Engineer's skills on a scale | none |",
                     "- ML modelling: you: Basic; AI Engineer needs Intermediate (H2K: Moderate, Medium): a gap of one level",
                     "- Python: you: Advanced; ML Engineer needs Expert (AI Graduate: Critical), Advanced (H2K: High): a gap of one level",
                     "Levels needed: 3 + 2 + 3 + 3 = 11. Levels short: 0 + 1 + 1 + 0 = 2. Met: 11 − 2 = 9, and 9 ÷ 11 = 82%.",
                     "1. Retrieval (RAG): you: None; AI Engineer needs it, no level given (A.Team, JoinAI): a gap of at least one level. Closed by step 1 of the plan from Software engineer",
                     "### Not rated (left out)"] {
            XCTAssertTrue(markdown.contains(line), "missing \(line) in\n\(markdown)")
        }
        // No arithmetic on fractional levels anywhere in the working.
        XCTAssertNil(markdown.range(of: #"\d\.\d"#, options: .regularExpression), markdown)
    }

    func testJSONScoresEveryRoleOverTheSameSkillsAndSaysWhatIsCovered() throws {
        let catalog = try BuiltinCatalog.load()
        let json = JSONReports(catalog: catalog).assessment(example)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["shared"] as? [String], ["python", "ml-modelling", "mlops", "system-design"])
        let fits = try XCTUnwrap(object["fits"] as? [[String: Any]])
        XCTAssertEqual(fits.map { $0["role"] as? String }, ["ai-engineer", "data-scientist", "ml-engineer", "data-engineer"])
        XCTAssertEqual(fits.map { $0["percent"] as? Int }, [82, 60, 56, nil])
        for fit in fits.prefix(3) {
            XCTAssertEqual((fit["skills"] as? [[String: Any]])?.compactMap { $0["skill"] as? String }, ["python", "ml-modelling", "mlops", "system-design"])
        }
        let coverage = try XCTUnwrap(object["coverage"] as? [String: [String: String]])
        XCTAssertEqual(coverage["retrieval"]?["ai-engineer"], "listed")
        XCTAssertEqual(coverage["retrieval"]?["ml-engineer"], "not-covered")
        XCTAssertEqual(coverage["python"]?["data-scientist"], "rated")
        XCTAssertEqual((object["unrated"] as? [String])?.count, 14)
        XCTAssertNil(json.range(of: #"\d\.\d"#, options: .regularExpression), "no fractional level in the JSON")
    }

    func testTheListShowsEachSkillOnceWithItsSourcesAndTheirScales() throws {
        let catalog = try BuiltinCatalog.load()
        let markdown = MarkdownRenderer().render(Reports(catalog: catalog).assessableSkills())
        for skill in SelfAssessment.skills(in: catalog) { XCTAssertTrue(markdown.contains("## \(skill.title) (\(skill.id))"), skill.id) }
        XCTAssertTrue(markdown.contains("- **ML Engineer**: H2K: High on Medium \\< High; AI Graduate: Critical on Less critical \\< Moderate \\< Important \\< Critical (= expert)"), markdown)
        XCTAssertTrue(markdown.contains("- **AI Engineer**: listed without a level (A.Team, JoinAI)"), markdown)
        XCTAssertTrue(markdown.contains("- **Data Engineer**: not covered"), markdown)
        XCTAssertTrue(markdown.contains("| intermediate | 2 | Use it on real work without help. |"), markdown)
    }
}

/// A session stored before the canonical skills kept fits this version cannot decode (the
/// store reads them as none): its export says so instead of showing an empty table.
final class OldStoredAssessmentTests: XCTestCase {
    func testRatingsWithoutReadableFitsSaySo() {
        let blocks = AssessmentReport.blocks(ratings: [("Python programming", .intermediate)], fits: [], formula: SelfAssessment.rules)
        let text = TextRenderer(width: 200).render(Document(blocks))
        XCTAssertTrue(text.contains("Python programming: intermediate"), text)
        XCTAssertTrue(text.contains("stored by an earlier one"), text)
        XCTAssertFalse(text.contains("Role  "), "no empty table")
    }
}
