import XCTest
@testable import RoleModel

/// The search index scans one run of folded UTF-8; these check the places where a byte
/// scan could go wrong: across strings, in the last bytes, after non-ASCII text, and
/// with accents and case folded.
final class SearchIndexTests: XCTestCase {
    private func catalog(summaries: [String]) throws -> Catalog {
        var catalog = try Fixtures.minimalCatalog()
        catalog.overlaps = []
        catalog.transitions = []
        catalog.timelines = []
        catalog.questionnaires = []
        catalog.sources = []
        for index in catalog.roles.indices {
            catalog.roles[index].values = [:]
            catalog.roles[index].related = []
            catalog.roles[index].aliases = []
            catalog.roles[index].summary = index < summaries.count ? summaries[index] : ""
        }
        return catalog
    }

    private func summaryHits(_ index: SearchIndex, _ query: String) -> [SearchHit] {
        index.search(query).filter { $0.text != "Pipeline Builder" && $0.text != "Data Thinker" }
    }

    func testAMatchNeverSpansTwoStrings() throws {
        let index = SearchIndex(try catalog(summaries: ["ends with pipe", "line starts this one"]))
        XCTAssertTrue(summaryHits(index, "pipeline").isEmpty)
        XCTAssertEqual(summaryHits(index, "pipe").count, 1)
        XCTAssertEqual(summaryHits(index, "line s").count, 1)
    }

    func testOneHitPerStringAtTheFirstOccurrence() throws {
        let index = SearchIndex(try catalog(summaries: ["data, more data and data again"]))
        let hits = summaryHits(index, "data")
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(hits.first?.matchOffset, 0)
        XCTAssertEqual(summaryHits(index, "again").first?.matchOffset, 25)
    }

    func testMatchesInLongTextAndInItsLastBytes() throws {
        // Longer than the 32-byte blocks the scan compares at once, with the match in a
        // block, across two blocks, and in the last few bytes.
        let long = String(repeating: "abcdefghij", count: 10) + "needle" + String(repeating: "k", count: 31) + "tail"
        let index = SearchIndex(try catalog(summaries: [long]))
        XCTAssertEqual(summaryHits(index, "needle").first?.matchOffset, 100)
        XCTAssertEqual(summaryHits(index, "tail").first?.matchOffset, long.count - 4)
        XCTAssertEqual(summaryHits(index, "hijabc").first?.matchOffset, 7)
        XCTAssertEqual(summaryHits(index, "il").first?.matchOffset, long.count - 2)
        XCTAssertEqual(summaryHits(index, "l").first?.matchOffset, 104)
        XCTAssertTrue(summaryHits(index, "tails").isEmpty)
    }

    func testOffsetsCountCharactersAfterNonASCIIText() throws {
        let index = SearchIndex(try catalog(summaries: ["日本の Café — naïve pipeline"]))
        let hit = try XCTUnwrap(summaryHits(index, "PIPELINE").first)
        XCTAssertEqual(hit.matchOffset, 17)
        XCTAssertEqual(hit.matchLength, 8)
        XCTAssertEqual(String(Array(hit.text)[hit.matchOffset..<hit.matchOffset + hit.matchLength]), "pipeline")
        let accented = try XCTUnwrap(summaryHits(index, "cafe").first)
        XCTAssertEqual(accented.matchOffset, 4)
        XCTAssertEqual(summaryHits(index, "NAIVE").first?.matchOffset, 11)
        XCTAssertEqual(summaryHits(index, "日本").first?.matchOffset, 0)
    }

    func testLimitStopsEarlyAndOrderIsCatalogOrder() throws {
        let index = SearchIndex(try catalog(summaries: ["first shared word", "second shared word"]))
        let all = summaryHits(index, "shared")
        XCTAssertEqual(all.map(\.text), ["first shared word", "second shared word"])
        XCTAssertEqual(index.search("shared", limit: 1).count, 1)
        XCTAssertTrue(index.search("shared", limit: 0).isEmpty)
        XCTAssertTrue(index.search("   ").isEmpty)
    }

    func testFoldingMatchesFoundationForASCIIAndAccents() {
        let ascii = (32..<127).map { String(UnicodeScalar(UInt8($0))) }.joined()
        XCTAssertEqual(SearchIndex.fold(ascii), ascii.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        XCTAssertEqual(SearchIndex.fold("CAFÉ Ünïcode"), "cafe unicode")
    }
}

extension SearchIndexTests {
    func testTheFastFolderAgreesWithFoundationFolding() {
        let samples = [
            "Plain ASCII, with Punctuation & Digits 123", "Café crème brûlée", "NAÏVE façade, coördinate",
            "Straße", "İstanbul", "ΣΊΣΥΦΟΣ σίσυφος", "日本語のテキスト", "한국어 텍스트", "e\u{301}cole",
            "👩‍💻 coder", "❤️ flag 🇫🇷", "ﬁnance", "Ångström Å", "“quotes” — dashes – and ’apostrophes’",
        ]
        var folder = SearchIndex.Folder()
        for sample in samples {
            XCTAssertEqual(folder.fold(sample), SearchIndex.fold(sample), sample)
            XCTAssertEqual(folder.fold(sample), SearchIndex.fold(sample), "\(sample), from the table")
        }
    }
}
