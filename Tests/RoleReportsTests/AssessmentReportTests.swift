import BuiltinCatalog
import Foundation
import RoleModel
import XCTest
@testable import RoleReports

/// `rolescope assess` and the Skills tab's export: the documented formula's numbers in the
/// text, Markdown and JSON, gaps largest first, and the skills left out.
final class AssessmentReportTests: XCTestCase {
    /// The README's worked example: Statistics strong, Python programming working.
    let example = SelfAssessment(ratings: ["ag-statistics": .strong, "h2k-python": .working])

    func testTheWorkedExampleShowsEachFitWithItsWorking() throws {
        let catalog = try BuiltinCatalog.load()
        let markdown = MarkdownRenderer().render(Reports(catalog: catalog).assessment(example))
        for line in ["# Self-assessment", "2 of 26 skills rated.", "- **Python programming**: working", "- **Statistics**: strong",
                     "| Data Scientist | 75% | Statistics (1) |", "| ML Engineer | 67% | Python programming (2) |",
                     "| AI Engineer | 50% | Python programming (2) |", "| Data Engineer | — | no article rates this role's skills |",
                     "fit = 100 × (1 − 1 ÷ 4) = 75%", "fit = 100 × (1 − 2 ÷ 6) = 67%", "fit = 100 × (1 − 2 ÷ 4) = 50%",
                     "1. Python programming: gap 2 (needs High = 4, you working = 2)", "### Left out (not rated)"] {
            XCTAssertTrue(markdown.contains(line), "missing \(line) in\n\(markdown)")
        }
        // Data Scientist's best-first table row comes before ML Engineer's.
        let scientist = try XCTUnwrap(markdown.range(of: "| Data Scientist | 75%"))
        let engineer = try XCTUnwrap(markdown.range(of: "| ML Engineer | 67%"))
        XCTAssertLessThan(scientist.lowerBound, engineer.lowerBound)
    }

    func testGapsAreListedLargestFirst() throws {
        let catalog = try BuiltinCatalog.load()
        // Data Scientist: ML modelling Critical (4) rated none: gap 4; SQL Critical rated basic: gap 3.
        let assessment = SelfAssessment(ratings: ["ag-sql": .basic, "ag-ml-modeling": .none])
        let text = TextRenderer(width: 200).render(Reports(catalog: catalog).assessment(assessment))
        XCTAssertTrue(text.contains("1. ML modelling: gap 4 (needs Critical = 4, you none = 0)\n2. SQL and data work: gap 3"), text)
        XCTAssertTrue(text.contains("fit = 100 × (1 − 7 ÷ 8) = 13%"), text)
    }

    func testJSONCarriesTheFitsBestFirstAndTheUnrated() throws {
        let catalog = try BuiltinCatalog.load()
        let json = JSONReports(catalog: catalog).assessment(example)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let fits = try XCTUnwrap(object["fits"] as? [[String: Any]])
        XCTAssertEqual(fits.map { $0["role"] as? String }, ["data-scientist", "ml-engineer", "ai-engineer", "data-engineer"])
        let gaps = fits.map { fit in (fit["skills"] as? [[String: Any]] ?? []).reduce(0.0) { $0 + ($1["gap"] as? Double ?? 0) } }
        XCTAssertEqual(gaps, [1, 2, 2, 0])
        XCTAssertEqual((object["unrated"] as? [String])?.count, 24)
        XCTAssertEqual((object["ratings"] as? [[String: Any]])?.compactMap { $0["skill"] as? String }, ["h2k-python", "ag-statistics"])
    }

    func testTheListNamesEverySkillByIdWithTheScale() throws {
        let catalog = try BuiltinCatalog.load()
        let markdown = MarkdownRenderer().render(Reports(catalog: catalog).assessableSkills())
        for skill in SelfAssessment.skills(in: catalog) { XCTAssertTrue(markdown.contains("- **\(skill.id)**: \(skill.title) (needs: "), skill.id) }
        XCTAssertTrue(markdown.contains("- **ag-statistics**: Statistics (needs: Data Scientist Critical, ML Engineer Moderate)"), markdown)
        XCTAssertTrue(markdown.contains("| working | 2 | Use it on real work without help. |"), markdown)
    }
}
