import XCTest
@testable import RoleModel

/// The loader reads scalars with Yams's basic resolver and checks ids by hand (both for
/// speed); these pin down that what it accepts and rejects did not change.
final class LoaderSpeedupTests: XCTestCase {
    func testSlugCheckMatchesTheDocumentedPattern() {
        for valid in ["a", "ml-engineer", "a1-b2-c3", "0", "x9"] {
            XCTAssertTrue(CatalogBuilder.isSlug(valid), valid)
        }
        for invalid in ["", "-a", "a-", "a--b", "ML-engineer", "ml_engineer", "ml engineer", "é", "a.b", "a-\u{0301}"] {
            XCTAssertFalse(CatalogBuilder.isSlug(invalid), invalid)
        }
    }

    func testIdThatIsNotASlugIsReported() throws {
        let problems = try problems(replacing: "extra.yaml", with: "sources:\n  - {id: Gamma--1, title: G, publisher: P, date: '2026', covers: c}\n")
        assertProblem(problems, "source id 'Gamma--1' is not a slug", file: "extra.yaml", atLine: 2, hint: "lower-case letters")
    }

    private func pay(_ openEnded: String) -> String {
        """
        role:
          id: builder
          title: Pipeline Builder
          aliases: [pb]
          summary: Builds the pipes.
          values:
            output:
              - text: Pipelines that work.
                sources: [alpha]
            pay:
              - {low: 90000, high: 120000, openEnded: \(openEnded), basis: salary, sources: [alpha]}
        """
    }

    private func loadBuilder(openEnded: String) throws -> Catalog {
        var documents = try Fixtures.minimalDocuments().filter { $0.file != "builder.yaml" }
        documents.append(("builder.yaml", pay(openEnded)))
        return try CatalogLoader.load(documents: documents)
    }

    func testUnquotedBooleansInAnyCaseAreRead() throws {
        for (text, expected) in [("true", true), ("True", true), ("YES", true), ("on", true),
                                 ("false", false), ("No", false), ("OFF", false)] {
            let catalog = try loadBuilder(openEnded: text)
            guard case .money(let money)? = catalog.role(id: "builder")?.values(for: "pay").first?.content else {
                return XCTFail("no pay value for \(text)")
            }
            XCTAssertEqual(money.openEnded, expected, text)
        }
    }

    func testQuotedOrOtherTextIsNotABoolean() throws {
        for text in ["\"true\"", "'yes'", "maybe", "1"] {
            var documents = try Fixtures.minimalDocuments().filter { $0.file != "builder.yaml" }
            documents.append(("builder.yaml", pay(text)))
            XCTAssertThrowsError(try CatalogLoader.load(documents: documents), text) { error in
                XCTAssertTrue((error as? ContentError)?.problems.contains { $0.message.contains("should be true or false") } ?? false,
                              "\(text): \(error)")
            }
        }
    }

    func testNumbersAndDatesStayText() throws {
        // With the basic resolver nothing is typed by Yams: a date or a number is read as
        // the text written, and whole numbers are converted by the reader.
        let catalog = try Fixtures.minimalCatalog()
        XCTAssertEqual(catalog.source("alpha")?.date.isEmpty, false)
        guard case .money(let money)? = catalog.role(id: "builder")?.values(for: "pay").first?.content else {
            return XCTFail("no pay")
        }
        XCTAssertEqual(money.low, 90000)
        XCTAssertEqual(money.high, 120000)
    }

    func testBlankTextIsStillReportedAsEmpty() throws {
        for blank in ["\"  \"", "\"\\t\"", "\"\\u00A0\""] {
            let problems = try problems(replacing: "extra.yaml", with: "sources:\n  - {id: gamma, title: \(blank), publisher: P, date: '2026', covers: c}\n")
            assertProblem(problems, "'title' in source 'gamma' is empty", file: "extra.yaml", atLine: 2)
        }
        XCTAssertFalse(MapReader.isBlank("a"))
        XCTAssertFalse(MapReader.isBlank(" a "))
        XCTAssertFalse(MapReader.isBlank("é"))
        XCTAssertTrue(MapReader.isBlank(""))
        XCTAssertTrue(MapReader.isBlank(" \n\t"))
    }
}
