import Foundation
import XCTest
@testable import RoleModel

/// Facts carry over from the seed articles; sentences do not. No run of twelve or more
/// consecutive words in the content may match an article. Skips when the seeds are absent.
final class NoCopiedSentencesTests: XCTestCase {
    static let runLength = 12
    static let seeds = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Lower-cased words with punctuation dropped, so quoting or re-punctuating a copied
    /// sentence does not hide it.
    static func words(_ text: String) -> [Substring] {
        let folded = text.lowercased().replacingOccurrences(of: "’", with: "'")
        return folded.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "$" || $0 == "%") }
    }

    static func shingles(_ words: [Substring]) -> Set<String> {
        guard words.count >= runLength else { return [] }
        return Set((0...(words.count - runLength)).map { words[$0..<$0 + runLength].joined(separator: " ") })
    }

    /// Every run of `runLength` words in `strings` that also stands in `seedText`.
    static func copiedRuns(in strings: [String], seedText: String) -> [String] {
        let seed = shingles(words(seedText))
        return strings.flatMap { string in
            let w = words(string)
            guard w.count >= runLength else { return [String]() }
            return (0...(w.count - runLength)).map { w[$0..<$0 + runLength].joined(separator: " ") }.filter(seed.contains)
        }
    }

    /// Every string of content a reader sees (source titles are citations, not content).
    static func contentStrings(_ catalog: Catalog) -> [String] {
        var strings: [String] = catalog.sources.map(\.covers)
        strings += catalog.dimensions.compactMap(\.help)
        for role in catalog.roles {
            strings += [role.summary] + role.related.map(\.note)
            strings += role.values.values.flatMap { $0.flatMap(\.texts) }
            strings += role.values.values.flatMap { $0.compactMap(\.summary) }
        }
        strings += catalog.overlaps.flatMap { [$0.summary] + $0.details }
        strings += catalog.transitions.flatMap { $0.learn + [$0.advice ?? "", $0.duration?.text ?? ""] }
        for questionnaire in catalog.questionnaires {
            strings += questionnaire.questions.flatMap { [$0.prompt, $0.why] + $0.answers.flatMap { [$0.label, $0.because ?? ""] } }
            strings += questionnaire.outcomes.flatMap { [$0.rationale] + $0.advice }
        }
        strings += catalog.timelines.flatMap { [$0.note ?? ""] + $0.entries.flatMap { [$0.title, $0.detail] } }
        return strings
    }

    func seedText() throws -> String {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.seeds.path))?.filter { $0.hasSuffix(".txt") } ?? []
        try XCTSkipIf(files.isEmpty, "seed articles not found at \(Self.seeds.path)")
        return try files.map { try String(contentsOf: Self.seeds.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    func testBuiltinContentCopiesNoSentence() throws {
        let seeds = try seedText()
        let catalog = try CatalogLoader.load(directory: Fixtures.assets)
        let copied = Self.copiedRuns(in: Self.contentStrings(catalog), seedText: seeds)
        XCTAssertEqual(copied, [], "runs of \(Self.runLength) words copied from a seed article")
    }

    func testTheCheckCatchesAPastedSeedSentence() throws {
        let seeds = try seedText()
        var catalog = try CatalogLoader.load(directory: Fixtures.assets)
        // Paste a sentence from a seed article into a role's summary, with its own punctuation.
        catalog.roles[0].summary = "Data engineers build pipelines that move, transform, and store data reliably. ML engineers build infrastructure for training."
        XCTAssertFalse(Self.copiedRuns(in: Self.contentStrings(catalog), seedText: seeds).isEmpty)
    }
}
