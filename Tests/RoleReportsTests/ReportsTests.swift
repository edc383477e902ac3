import Foundation
import RoleModel
import TerminalKit
import XCTest
import BuiltinCatalog
@testable import RoleReports

final class ReportsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func catalog() throws -> Catalog { try CatalogLoader.load(directory: Self.fixtures.appendingPathComponent("minimal")) }

    func testCompareTextPutsRolesInColumnsWithSources() throws {
        let catalog = try catalog()
        let doc = Reports(catalog: catalog).compare(catalog.roles)
        let text = TextRenderer(width: 200).render(doc)
        for line in TextRenderer(width: 80).render(doc).split(separator: "\n") { XCTAssertLessThanOrEqual(TextWidth.of(line), 80, String(line)) }
        let header = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("Pipeline Builder") && $0.contains("Data Thinker") })
        XCTAssertLessThan(header.range(of: "Pipeline Builder")!.lowerBound, header.range(of: "Data Thinker")!.lowerBound)
        XCTAssertTrue(text.contains("$90,000–$120,000 per year, entry-level salary, US, 2026 [Alpha]"))
        XCTAssertTrue(text.contains("$100,000–$140,000+ per year, mid-level total compensation, US"))
        XCTAssertTrue(text.contains("Statistical modelling: Advanced (3 of 3) [Alpha]"))
        XCTAssertTrue(text.contains("Shared data"), "overlaps among the compared roles")
    }

    func testOnlyDifferencesDropsEqualRows() throws {
        var catalog = try catalog()
        catalog.roles[1].values["deliverables"] = catalog.roles[0].values["deliverables"]
        let reports = Reports(catalog: catalog)
        XCTAssertEqual(reports.comparedDimensions(catalog.roles, onlyDifferences: false, only: []).map(\.id),
                       ["output", "deliverables", "modelling", "pay", "ladder"])
        // The same items from the same source are the same row; the ladder, which only one
        // role has, is not a difference between them but a gap in the sources.
        XCTAssertEqual(reports.comparedDimensions(catalog.roles, onlyDifferences: true, only: []).map(\.id),
                       ["output", "modelling", "pay"])
        XCTAssertEqual(reports.comparedDimensions(catalog.roles, onlyDifferences: false, only: ["pay"]).map(\.id), ["pay"])
        let text = TextRenderer(width: 80).render(reports.compare(catalog.roles, onlyDifferences: true))
        XCTAssertTrue(text.contains("3 of 5 rows differ (1 the same, 1 not covered for every role)."), text)
    }

    func testPayBandsLineUpByLevelAcrossColumns() throws {
        let catalog = try BuiltinCatalog.load()
        let roles = ["ai-engineer", "ml-engineer"].compactMap { catalog.role(id: $0) }
        let text = TextRenderer(width: 80).render(Reports(catalog: catalog).compare(roles))
        let lines = text.split(separator: "\n").map(String.init)
        for band in ["Pay: entry", "Pay: mid salary", "Pay: senior"] {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(band) }, band)
            // Both roles' H2K band for the level starts on the label's line.
            XCTAssertEqual(line.components(separatedBy: "per year,").count, 3, line)
        }
        let markdown = MarkdownRenderer().render(Reports(catalog: catalog).compare(roles))
        XCTAssertTrue(markdown.contains("| Pay: entry salary | $85,000–$110,000 per year"), "a row per band in Markdown too")
    }

    func testWrappedBulletsKeepTheirHangingIndent() throws {
        let catalog = try BuiltinCatalog.load()
        let reports = Reports(catalog: catalog)
        let roles = ["ai-engineer", "ml-engineer"].compactMap { catalog.role(id: $0) }
        for text in [TextRenderer(width: 80).render(reports.profile(roles[0])), TextRenderer(width: 80).render(reports.compare(roles)),
                     TextRenderer(width: 50).render(reports.compare(roles))] {
            // A wrapped line of a bullet starts under the bullet's text, two cells in; a
            // lower-case word right under the "•" would be a wrap that lost its indent.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
            for (index, line) in lines.enumerated().dropLast() {
                for (column, character) in line.enumerated() where character == "•" {
                    let below = lines[index + 1]
                    if column < below.count, below[column].isLowercase {
                        XCTFail("a wrapped bullet line under its bullet at column \(column): \(String(below))")
                    }
                }
            }
        }
    }

    func testTextWrapsByCellsForWideCharacters() throws {
        var catalog = try catalog()
        catalog.roles[0].summary = String(repeating: "日本語のテキスト", count: 12)
        let text = TextRenderer(width: 40).render(Reports(catalog: catalog).profile(catalog.roles[0]))
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(TextWidth.of(line), 40, String(line)) }
        XCTAssertTrue(text.contains("日本語のテキスト"))
    }

    func testContentCannotEmitEscapeSequences() throws {
        var catalog = try catalog()
        catalog.roles[0].title = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}Role"
        let reports = Reports(catalog: catalog)
        for output in [TextRenderer().render(reports.profile(catalog.roles[0])), MarkdownRenderer().render(reports.profile(catalog.roles[0]))] {
            XCTAssertFalse(output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E }, output)
            XCTAssertTrue(output.contains("^[]0;pwned^G^[[2J<U+009B>31m<U+202E>Role") || output.contains("^\\[\\]0;pwned^G^\\[\\[2J\\<U+009B\\>31m\\<U+202E\\>Role"), output)
        }
        let json = JSONReports(catalog: catalog).profile(catalog.roles[0])
        XCTAssertFalse(json.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        XCTAssertTrue(json.contains("\\u001b"))
    }

    func testMarkdownEscapesAndTables() throws {
        var catalog = try catalog()
        catalog.roles[0].values["output"] = [DimensionValue(.prose("a | b *c* [d]"), sources: ["alpha"])]
        let markdown = MarkdownRenderer().render(Reports(catalog: catalog).compare(catalog.roles))
        XCTAssertTrue(markdown.contains("| Primary output | a \\| b \\*c\\* \\[d\\] \\[Alpha\\] | Pipelines that work. \\[Alpha\\] |"), markdown)
        XCTAssertTrue(markdown.contains("## Pay"))
    }

    func testCompareJSONCarriesSourceIDs() throws {
        let catalog = try catalog()
        let reports = Reports(catalog: catalog)
        let json = JSONReports(catalog: catalog).compare(catalog.roles, dimensions: reports.comparedDimensions(catalog.roles, onlyDifferences: false, only: []))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let dimensions = try XCTUnwrap(object["dimensions"] as? [[String: Any]])
        let pay = try XCTUnwrap(dimensions.first { $0["id"] as? String == "pay" })
        let builderPay = try XCTUnwrap((pay["values"] as? [String: Any])?["builder"] as? [[String: Any]])
        XCTAssertEqual(builderPay.map { $0["sources"] as? [String] }, [["alpha"], ["beta"]])
        XCTAssertEqual(((builderPay[0]["content"] as? [String: Any])?["money"] as? [String: Any])?["basis"] as? String, "salary")
        XCTAssertEqual((object["sources"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["alpha", "beta"])
    }

    func testQuizReportExplainsFromTheAnswers() throws {
        let catalog = try catalog()
        let run = try QuestionnaireRun(try XCTUnwrap(catalog.questionnaire(id: "pick")), answers: [0, 0, 1])
        let text = TextRenderer(width: 200).render(Reports(catalog: catalog).quiz(run))
        XCTAssertTrue(text.contains("Hire in this order:"))
        XCTAssertTrue(text.contains("1. Pipeline Builder"))
        XCTAssertTrue(text.contains("This result follows because you have data, your data is clean and you need both."))
        XCTAssertTrue(text.contains("Answering \"Answers\" to \"Do you need answers or systems?\" would have led to Hire a thinker. To try it: --answers 1,1,1."))
    }

    func testTimelineReportSumsCategories() throws {
        let catalog = try catalog()
        let text = TextRenderer(width: 80).render(Reports(catalog: catalog).timeline(try XCTUnwrap(catalog.timeline(id: "builder-day"))))
        XCTAssertTrue(text.contains("composed from the role's responsibilities"))
        XCTAssertTrue(text.contains("Build:      4 h 30 min") || text.contains("Build:") && text.contains("4 h 30 min"), text)
        XCTAssertTrue(text.contains("09:00–10:30"))
    }

    /// `show` in every format renders one `RoleProfile`: the dimensions the text lists under
    /// its groups are the ones the JSON carries, in the same order.
    func testProfileTextAndJSONComeFromOneProfile() throws {
        let catalog = try catalog()
        for role in catalog.roles {
            let profile = RoleProfile(role, in: catalog)
            XCTAssertEqual(Set(profile.groups.flatMap { $0.dimensions.map(\.id) }), Set(profile.dimensions.map(\.id)))
            let document = Reports(catalog: catalog).profile(role)
            XCTAssertEqual(document, Reports(catalog: catalog).profile(profile))
            let headings = document.blocks.compactMap { block -> String? in
                if case .heading(3, let title) = block { return title }
                return nil
            }
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONReports(catalog: catalog).profile(role).utf8)) as? [String: Any])
            let titles = (json["dimensions"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            XCTAssertEqual(titles, profile.dimensions.map(\.title))
            for title in titles { XCTAssertTrue(headings.contains(title), "\(title) in the text profile of \(role.id)") }
        }
    }
}
