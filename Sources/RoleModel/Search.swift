#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A place in the catalog where search text was found.
public enum SearchTarget: Hashable, Sendable {
    case role(role: String)
    case value(role: String, dimension: String)
    case question(questionnaire: String, question: String)
    case outcome(questionnaire: String, outcome: String)
    case timelineEntry(timeline: String, entry: Int)
    case overlap(overlap: String)
    case transition(from: String, to: String)
    case source(source: String)

    /// What kind of thing was hit, for grouping and display.
    public var kind: String {
        switch self {
        case .role: return "role"
        case .value: return "value"
        case .question: return "question"
        case .outcome: return "outcome"
        case .timelineEntry: return "timeline"
        case .overlap: return "overlap"
        case .transition: return "transition"
        case .source: return "source"
        }
    }
}

/// One search result: where, a title for the place, and the text that matched.
public struct SearchHit: Hashable, Sendable {
    public var target: SearchTarget
    /// Where the hit is, in words: "ML Engineer › Pay".
    public var title: String
    /// The string that contains the match.
    public var text: String
    /// The matched range's offset into `text`, in characters.
    public var matchOffset: Int
    public var matchLength: Int
}

/// A search index over every string in a catalog. Build it once and query it per key
/// stroke: it folds case and diacritics once, at build time, and keeps every folded
/// string in one contiguous run of UTF-8 so that a query is one linear byte scan (a
/// thousand-role catalog is several megabytes of text; comparing string by string
/// through Foundation took hundreds of milliseconds per query).
public struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var target: SearchTarget
        var title: String
        var text: String
    }

    private var entries: [Entry] = []
    /// Every entry's folded text, in entry order, each followed by a 0 byte.
    private var folded: [UInt8] = []
    /// Where each entry's folded text starts in `folded`; it ends at the next entry's start,
    /// less the separator byte. Kept apart from `entries` so that finding a hit's entry
    /// reads little memory.
    private var starts: [Int] = []

    /// The number of strings indexed.
    public var count: Int { entries.count }

    public init(_ catalog: Catalog) {
        var folder = Folder()
        func add(_ target: SearchTarget, _ title: String, _ texts: [String]) {
            for text in texts where !text.isEmpty {
                entries.append(Entry(target: target, title: title, text: text))
                starts.append(folded.count)
                folded.append(contentsOf: folder.fold(text).utf8)
                folded.append(0)
            }
        }
        for role in catalog.roles {
            add(.role(role: role.id), role.title, [role.title, role.summary] + role.aliases)
            for related in role.related {
                add(.role(role: role.id), "\(role.title) › Related titles", [related.title, related.note])
            }
            for dimension in catalog.dimensions {
                let values = role.values(for: dimension.id)
                guard !values.isEmpty else { continue }
                let title = "\(role.title) › \(dimension.title)"
                for value in values {
                    add(.value(role: role.id, dimension: dimension.id), title, value.texts)
                }
            }
        }
        for questionnaire in catalog.questionnaires {
            for question in questionnaire.questions {
                add(.question(questionnaire: questionnaire.id, question: question.id), "\(questionnaire.title) › question",
                    [question.prompt, question.why] + question.answers.map(\.label))
            }
            for outcome in questionnaire.outcomes {
                add(.outcome(questionnaire: questionnaire.id, outcome: outcome.id), "\(questionnaire.title) › \(outcome.title)",
                    [outcome.title, outcome.rationale] + outcome.advice)
            }
        }
        for timeline in catalog.timelines {
            for (index, entry) in timeline.entries.enumerated() {
                add(.timelineEntry(timeline: timeline.id, entry: index),
                    "\(timeline.title) › \(entry.slot.text(for: timeline.kind))", [entry.title, entry.detail])
            }
        }
        for overlap in catalog.overlaps {
            add(.overlap(overlap: overlap.id), "Overlap › \(overlap.title)", [overlap.title, overlap.summary] + overlap.details)
        }
        for transition in catalog.transitions {
            let from = catalog.background(id: transition.from)?.title ?? transition.from
            let to = catalog.role(id: transition.to)?.title ?? transition.to
            add(.transition(from: transition.from, to: transition.to), "\(from) → \(to)",
                transition.learn + [transition.advice ?? "", transition.duration?.text ?? ""])
        }
        for source in catalog.sources {
            add(.source(source: source.id), "Source › \(source.publisher)", [source.title, source.covers])
        }
    }

    /// Folds text as `fold` does, fast: ASCII by hand (Foundation's folding of ASCII is
    /// lower-casing) and every other scalar by a table of how Foundation folded it alone,
    /// filled as the index is built. One Foundation call per string was most of the time
    /// an index took. Scalars that combine with their neighbours (marks, joiners,
    /// conjoining jamo) fold differently in context, so a string holding one is folded
    /// whole. Queries go through the same folder, so both sides always agree.
    struct Folder {
        private var table: [Unicode.Scalar: String] = [:]

        mutating func fold(_ text: String) -> String {
            var isASCII = true
            for byte in text.utf8 where byte >= 0x80 {
                isASCII = false
                break
            }
            if isASCII { return SearchIndex.asciiLowercased(text) }
            var result = ""
            result.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    let value = UInt8(scalar.value)
                    result.unicodeScalars.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
                    continue
                }
                if let folded = table[scalar] {
                    result += folded
                    continue
                }
                let properties = scalar.properties
                if properties.canonicalCombiningClass != .notReordered || properties.isGraphemeExtend
                    || (0x1100...0x11FF).contains(scalar.value) || (0xA960...0xA97F).contains(scalar.value)
                    || (0xD7B0...0xD7FF).contains(scalar.value) || scalar.value == 0x200D {
                    return SearchIndex.fold(text)
                }
                let folded = SearchIndex.fold(String(scalar))
                table[scalar] = folded
                result += folded
            }
            return result
        }
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Case and diacritics folded away (and canonically composed), so that "CAFÉ", "café"
    /// and "cafe" are the same text. ASCII, most of any catalog, is folded by hand:
    /// Foundation's folding of ASCII is lower-casing, and it is the slow part of building
    /// the index.
    static func fold(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return asciiLowercased(text) }
        return text.foldedForMatching()
    }

    /// Every place `query` occurs, in catalog order, at most one hit per string.
    /// Words are matched in order as typed; an empty query finds nothing.
    public func search(_ query: String, limit: Int = .max) -> [SearchHit] {
        var folder = Folder()
        let wanted = Array(folder.fold(query.trimmed()).utf8)
        guard !wanted.isEmpty, limit > 0 else { return [] }
        var hits: [SearchHit] = []
        let matchLength = String(decoding: wanted, as: UTF8.self).count
        folded.withUnsafeBufferPointer { haystack in
            wanted.withUnsafeBufferPointer { needle in
                var position = 0
                var entry = 0
                while let found = Self.find(needle, in: haystack, from: position) {
                    // The entry the match starts in: entries are in haystack order.
                    entry = lastEntry(startingAtOrBefore: found, from: entry)
                    let end = entry + 1 < starts.count ? starts[entry + 1] - 1 : haystack.count - 1
                    guard found + needle.count <= end else {
                        position = found + 1 // ran into the separator: look further on
                        continue
                    }
                    let start = starts[entry]
                    // Offsets in characters: folding keeps character counts for the scripts
                    // content uses, so they are offsets into the original text too.
                    let before = UnsafeBufferPointer(rebasing: haystack[start..<found])
                    let offset = before.allSatisfy { $0 < 0x80 } ? before.count : String(decoding: before, as: UTF8.self).count
                    hits.append(SearchHit(target: entries[entry].target, title: entries[entry].title, text: entries[entry].text,
                                          matchOffset: offset, matchLength: matchLength))
                    if hits.count >= limit { return }
                    position = end + 1 // one hit per string
                }
            }
        }
        return hits
    }

    /// The index of the last entry that starts at or before `offset`, searching forward
    /// from `first` (which starts at or before it): galloping, then halving, over the
    /// compact `starts`, since hits come in order and are often close together.
    private func lastEntry(startingAtOrBefore offset: Int, from first: Int) -> Int {
        var low = first, step = 1
        var high = first + 1
        while high < starts.count && starts[high] <= offset {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, starts.count) - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The first occurrence of `needle` in `haystack` at or after `position`. Compares 32
    /// positions at a time against the needle's first and last bytes (both must match,
    /// which few positions do) and checks the rest only there: a plain byte-by-byte scan
    /// stopped at every occurrence of a common first letter, tens of thousands per megabyte.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        let count = needle.count, size = haystack.count
        guard count > 0, position >= 0, position + count <= size,
              let base = haystack.baseAddress, let wanted = needle.baseAddress else { return nil }
        let first = wanted[0], last = wanted[count - 1]
        func matches(at index: Int) -> Bool {
            count <= 2 || memcmp(base + index + 1, wanted + 1, count - 2) == 0
        }
        var index = position
        let firsts = SIMD32<UInt8>(repeating: first), lasts = SIMD32<UInt8>(repeating: last)
        while index + count - 1 + 32 <= size {
            let heads = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD32<UInt8>.self)
            let tails = UnsafeRawPointer(base + index + count - 1).loadUnaligned(as: SIMD32<UInt8>.self)
            let candidates = (heads .== firsts) .& (tails .== lasts)
            // A lane that matches is all ones: the sum is non-zero only if some lane matched
            // (`any(_:)` is not inlined and cost more than the comparisons).
            if unsafeBitCast(candidates, to: SIMD32<UInt8>.self).wrappedSum() != 0 {
                for lane in 0..<32 where candidates[lane] && matches(at: index + lane) { return index + lane }
            }
            index += 32
        }
        while index + count <= size {
            if base[index] == first && base[index + count - 1] == last && matches(at: index) { return index }
            index += 1
        }
        return nil
    }
}

extension Catalog {
    /// Searches every string in the catalog. Builds an index each call; keep a
    /// `SearchIndex` instead when searching repeatedly.
    public func search(_ text: String) -> [SearchHit] { SearchIndex(self).search(text) }
}
