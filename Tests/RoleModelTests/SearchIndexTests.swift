import BuiltinCatalog
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
        XCTAssertTrue(summaryHits(index, "\"pipe line\"").isEmpty, "a phrase does not run from one string into the next")
    }

    func testWholeWordsNotSubstrings() throws {
        let index = SearchIndex(try catalog(summaries: ["RAG systems, on average", "the highest-leverage moves"]))
        XCTAssertEqual(summaryHits(index, "rag").map(\.text), ["RAG systems, on average"])
        XCTAssertEqual(summaryHits(index, "rag").first?.ranges, [0..<3], "RAG, not the 'rag' inside 'average'")
        XCTAssertTrue(summaryHits(index, "erag").isEmpty)
        XCTAssertEqual(summaryHits(index, "leverage").count, 1, "punctuation separates words: highest-leverage")
    }

    func testEveryWordMustBeThereInAnyOrder() throws {
        let index = SearchIndex(try catalog(summaries: ["designs data pipelines", "data only"]))
        XCTAssertEqual(summaryHits(index, "pipelines data").map(\.text), ["designs data pipelines"])
        XCTAssertEqual(summaryHits(index, "pipelines data").first?.ranges, [8..<12, 13..<22], "both words marked, in text order")
        XCTAssertTrue(summaryHits(index, "\"pipelines data\"").isEmpty, "a quoted phrase is in order")
        XCTAssertEqual(summaryHits(index, "\"data pipelines\"").count, 1)
    }

    func testTheLastWordIsAPrefixOnlyWhileTyping() throws {
        let index = SearchIndex(try catalog(summaries: ["orchestration with Airflow"]))
        XCTAssertTrue(index.search("Airf").isEmpty, "the command line wants whole words")
        XCTAssertEqual(index.search("Airf", prefixLast: true).first?.ranges, [19..<26], "as you type, the word being typed")
        XCTAssertTrue(index.search("Airf ", prefixLast: true).isEmpty, "a space ends the word")
        XCTAssertTrue(index.search("orch with", prefixLast: true).isEmpty, "only the last word")
    }

    func testPunctuationAndAccentsFold() throws {
        let index = SearchIndex(try catalog(summaries: ["A/B testing at Café Zoë", "CI/CD"]))
        XCTAssertEqual(summaryHits(index, "a/b testing").count, 1)
        XCTAssertEqual(summaryHits(index, "\"A B testing\"").count, 1, "the slash is punctuation")
        XCTAssertEqual(summaryHits(index, "cafe zoe").count, 1)
        XCTAssertEqual(summaryHits(index, "ci cd").map(\.text), ["CI/CD"])
    }

    func testSynonymsFindEachOther() throws {
        // The minimal catalog has two roles: one summary each.
        var content = try catalog(summaries: ["runs on Kubernetes, a large language model", "the LLM answers"])
        content.synonyms = [["k8s", "Kubernetes"], ["LLM", "large language model"]]
        let index = SearchIndex(content)
        XCTAssertEqual(summaryHits(index, "k8s").map(\.text), ["runs on Kubernetes, a large language model"])
        XCTAssertEqual(summaryHits(index, "k8s").first?.ranges, [8..<18])
        XCTAssertEqual(summaryHits(index, "LLM").map(\.text), ["runs on Kubernetes, a large language model", "the LLM answers"])
        XCTAssertEqual(summaryHits(index, "LLM").first?.ranges, [22..<42], "the phrase marked whole")
        XCTAssertEqual(summaryHits(index, "large language model").map(\.text), ["runs on Kubernetes, a large language model", "the LLM answers"])
        XCTAssertEqual(summaryHits(index, "\"large language model\"").count, 2, "a quoted phrase has its synonyms too")
    }

    func testRoleAliasesAreSynonyms() throws {
        var content = try catalog(summaries: ["one", "two"])
        content.roles[0].aliases = ["pb"]
        let index = SearchIndex(content)
        XCTAssertTrue(index.search("pb").contains { $0.text == "Pipeline Builder" }, "an alias finds the role's title")
    }

    func testRankingAndGroupingByPlace() throws {
        let content = try Fixtures.minimalCatalog()
        let hits = SearchIndex(content).search("pipeline")
        let places = hits.map(\.target.place)
        XCTAssertEqual(places, places.sorted(), "grouped by place, profiles first")
        let profile = hits.filter { $0.target.place == .profile }
        XCTAssertEqual(profile.first?.text, "Pipeline Builder", "a role's title before its values and prose")
    }

    func testFilters() throws {
        let content = try Fixtures.minimalCatalog()
        let index = SearchIndex(content)
        let all = index.search("data")
        XCTAssertFalse(all.isEmpty)
        let role = content.roles[1].id
        XCTAssertTrue(index.search("data role:\(role)").allSatisfy { hit in
            switch hit.target {
            case .role(let r), .value(let r, _): return r == role
            default: return true
            }
        })
        XCTAssertTrue(index.search("data role:\(role)").count < all.count)
        XCTAssertTrue(index.search("data in:profile").allSatisfy { $0.target.place == .profile })
        XCTAssertTrue(index.search("data role:no-such-role").isEmpty, "an unknown role finds nothing")
    }

    func testOffsetsCountCharactersAfterNonASCIIText() throws {
        let index = SearchIndex(try catalog(summaries: ["", "日本 の Café — naïve pipeline"]))
        let hit = try XCTUnwrap(summaryHits(index, "PIPELINE").first)
        XCTAssertEqual(hit.matchOffset, 18)
        XCTAssertEqual(hit.matchLength, 8)
        XCTAssertEqual(String(Array(hit.text)[hit.matchOffset..<hit.matchOffset + hit.matchLength]), "pipeline")
        XCTAssertEqual(summaryHits(index, "cafe").first?.matchOffset, 5)
        XCTAssertEqual(summaryHits(index, "NAIVE").first?.matchOffset, 12)
        XCTAssertEqual(summaryHits(index, "日本").first?.matchOffset, 0)
    }

    func testMatchesInLongTextAndInItsLastBytes() throws {
        // Longer than the 32-byte blocks the scan compares at once, with the match in a
        // block and in the last few bytes.
        let long = String(repeating: "abcdefghij ", count: 10) + "needle " + String(repeating: "k", count: 31) + " tail"
        let index = SearchIndex(try catalog(summaries: [long]))
        XCTAssertEqual(summaryHits(index, "needle").first?.matchOffset, 110)
        XCTAssertEqual(summaryHits(index, "tail").first?.matchOffset, long.count - 4)
        XCTAssertTrue(summaryHits(index, "tails").isEmpty)
        XCTAssertTrue(summaryHits(index, "il").isEmpty)
    }

    func testLimitStopsEarlyAndOrderIsCatalogOrder() throws {
        let index = SearchIndex(try catalog(summaries: ["first shared word", "second shared word"]))
        let all = summaryHits(index, "shared")
        XCTAssertEqual(all.map(\.text), ["first shared word", "second shared word"])
        XCTAssertEqual(index.search("shared", limit: 1).count, 1)
        XCTAssertTrue(index.search("shared", limit: 0).isEmpty)
        XCTAssertTrue(index.search("   ").isEmpty)
    }

    func testTheBuiltInContentFindsRAGOnlyAsAWordAndK8sAsKubernetes() throws {
        let content = try BuiltinCatalog.load()
        for hit in content.search("RAG") {
            for range in hit.ranges {
                let text = SearchIndex.folded(String(Array(hit.text)[range]))
                XCTAssertTrue(text == "rag" || text.hasPrefix("retrieval"), "\(hit.title): \(text)")
            }
        }
        XCTAssertFalse(content.search("RAG").contains { $0.text.lowercased().contains("average") && !$0.text.contains("RAG") })
        XCTAssertFalse(content.search("k8s").isEmpty)
        XCTAssertTrue(content.search("k8s").allSatisfy { $0.text.contains("Kubernetes") })
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
