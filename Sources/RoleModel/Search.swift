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

    /// Where the hit is, as the results group it and `in:` filters it.
    public var place: SearchPlace {
        switch self {
        case .role, .value: return .profile
        case .outcome: return .outcome
        case .question: return .question
        case .timelineEntry: return .timeline
        case .transition: return .plan
        case .overlap: return .overlap
        case .source: return .source
        }
    }

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

/// The kinds of place a hit can be in, in the order results list them.
public enum SearchPlace: String, CaseIterable, Comparable, Hashable, Sendable {
    case profile, outcome, question, timeline, plan, overlap, source

    /// The heading of the place's group of results.
    public var title: String {
        switch self {
        case .profile: return "Role profiles"
        case .outcome: return "Questionnaire results"
        case .question: return "Questions"
        case .timeline: return "Timelines"
        case .plan: return "Plans"
        case .overlap: return "Overlaps"
        case .source: return "Sources"
        }
    }

    /// The names `in:` accepts for the place.
    static let names: [String: SearchPlace] = [
        "profile": .profile, "profiles": .profile, "role": .profile, "roles": .profile,
        "outcome": .outcome, "outcomes": .outcome, "result": .outcome, "results": .outcome,
        "question": .question, "questions": .question,
        "timeline": .timeline, "timelines": .timeline, "day": .timeline, "week": .timeline,
        "plan": .plan, "plans": .plan, "transition": .plan, "transitions": .plan,
        "overlap": .overlap, "overlaps": .overlap, "source": .source, "sources": .source,
    ]

    public static func < (a: SearchPlace, b: SearchPlace) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One search result: where, a title for the place, and the text that matched.
public struct SearchHit: Hashable, Sendable {
    public var target: SearchTarget
    /// Where the hit is, in words: "ML Engineer › Pay".
    public var title: String
    /// The string that contains the match.
    public var text: String
    /// The matched words' ranges in `text`, in characters, in order.
    public var ranges: [Range<Int>]
    /// The first match's offset into `text`, in characters.
    public var matchOffset: Int { ranges.first?.lowerBound ?? 0 }
    public var matchLength: Int { ranges.first?.count ?? 0 }
    /// The matched text itself, each range once: what the landing place highlights.
    public var matchedWords: [String] {
        let characters = Array(text)
        var words: [String] = []
        for range in ranges where range.upperBound <= characters.count {
            let word = String(characters[range])
            if !words.contains(word) { words.append(word) }
        }
        return words
    }
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
        /// 0 a name (a role's title or alias, a dimension's title), 1 a value, 2 prose.
        var tier: Int
        /// The roles the entry is about, for `role:`.
        var roles: [String]
    }

    /// Synonym groups, each term folded into its words.
    private var synonyms: [[[String]]] = []
    /// Every name a role goes by (folded), for `role:`.
    private var roleNames: [(id: String, names: [String])] = []

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
        func add(_ target: SearchTarget, _ title: String, _ texts: [String], tier: Int = 2, roles: [String] = []) {
            for text in texts where !text.isEmpty {
                entries.append(Entry(target: target, title: title, text: text, tier: tier, roles: roles))
                starts.append(folded.count)
                folded.append(contentsOf: folder.fold(text).utf8)
                folded.append(0)
            }
        }
        for role in catalog.roles {
            add(.role(role: role.id), role.title, [role.title] + role.aliases, tier: 0, roles: [role.id])
            add(.role(role: role.id), role.title, [role.summary], roles: [role.id])
            for related in role.related {
                add(.role(role: role.id), "\(role.title) › Related titles", [related.title, related.note], roles: [role.id])
            }
            for dimension in catalog.dimensions {
                let values = role.values(for: dimension.id)
                guard !values.isEmpty else { continue }
                let title = "\(role.title) › \(dimension.title)"
                add(.value(role: role.id, dimension: dimension.id), title, [dimension.title], tier: 0, roles: [role.id])
                for value in values {
                    add(.value(role: role.id, dimension: dimension.id), title, value.texts, tier: 1, roles: [role.id])
                }
            }
            roleNames.append((role.id, ([role.id, role.title] + role.aliases).map { folder.fold($0) }))
        }
        for questionnaire in catalog.questionnaires {
            for question in questionnaire.questions {
                add(.question(questionnaire: questionnaire.id, question: question.id), "\(questionnaire.title) › \(question.prompt)",
                    [question.prompt, question.why] + question.answers.map(\.label))
            }
            for outcome in questionnaire.outcomes {
                add(.outcome(questionnaire: questionnaire.id, outcome: outcome.id), "\(questionnaire.title) › \(outcome.title)",
                    [outcome.title, outcome.rationale] + outcome.advice, roles: outcome.recommend)
            }
        }
        for timeline in catalog.timelines {
            for (index, entry) in timeline.entries.enumerated() {
                add(.timelineEntry(timeline: timeline.id, entry: index),
                    "\(timeline.title) › \(entry.slot.text(for: timeline.kind))", [entry.title, entry.detail], roles: [timeline.role])
            }
        }
        for overlap in catalog.overlaps {
            add(.overlap(overlap: overlap.id), "Overlap › \(overlap.title)", [overlap.title, overlap.summary] + overlap.details,
                roles: overlap.roles)
        }
        for transition in catalog.transitions {
            let from = catalog.background(id: transition.from)?.title ?? transition.from
            let to = catalog.role(id: transition.to)?.title ?? transition.to
            add(.transition(from: transition.from, to: transition.to), "Plan › \(from) → \(to)",
                transition.learn + [transition.advice ?? "", transition.duration?.text ?? ""], roles: [transition.to])
        }
        for source in catalog.sources {
            add(.source(source: source.id), "Source › \(source.publisher)", [source.title, source.covers])
        }
        rankOrder()
        synonyms = catalog.synonyms.map { group in group.map { Self.words(folder.fold($0)) }.filter { !$0.isEmpty } }
        // A role is also found by its aliases (DS, MLE…).
        for role in catalog.roles {
            let names = ([role.title] + role.aliases).map { Self.words(folder.fold($0)) }.filter { !$0.isEmpty }
            if names.count > 1 { synonyms.append(names) }
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

    /// Every string that holds every word of `query` as a whole word (the last word also
    /// as the start of one when `prefixLast`, for search as you type), a "quoted phrase"
    /// as words in order, and any word or phrase also as its synonyms. `role:ID` keeps the
    /// places about one role, `in:PLACE` one kind of place. Case, accents and punctuation
    /// are folded away. Hits come grouped by kind of place (profiles first), names before
    /// values before prose, then in catalog order; one hit per place (a profile section, a
    /// question, a result, a timeline entry, a plan, an overlap).
    public func search(_ query: String, limit: Int = .max, prefixLast: Bool = false) -> [SearchHit] {
        var folder = Folder()
        let parsed = SearchQuery(query, folder: &folder, synonyms: synonyms, prefixLast: prefixLast)
        guard !parsed.terms.isEmpty, limit > 0 else { return [] }
        let role = parsed.role.flatMap { name in
            roleNames.first { $0.names.contains(name) }?.id ?? roleNames.first { $0.names.contains { $0.hasPrefix(name) } }?.id
        }
        if parsed.role != nil && role == nil { return [] }
        // Candidates: the strings holding the most telling term's first word (the byte scan
        // below), then each checked word by word.
        let probe = parsed.terms.max { a, b in a.shortestFirstWord < b.shortestFirstWord }!
        var candidates = Set<Int>()
        for alternative in probe.alternatives {
            for entry in entriesContaining(word: alternative.words[0]) { candidates.insert(entry) }
        }
        // Entries are in ranking order: checked in that order (on the folded bytes, words
        // compared with memcmp), stopping at `limit` places; byte ranges become character
        // ranges only for the hits returned.
        var seen = Set<SearchTarget>()
        var hits: [SearchHit] = []
        let query = parsed.bytes
        folded.withUnsafeBufferPointer { haystack in
            for index in candidates.sorted() where hits.count < limit {
                let entry = entries[index]
                if let wanted = parsed.places, !wanted.contains(entry.target.place) { continue }
                if let role, !entry.roles.contains(role) { continue }
                // One hit per place: its first string in ranking order stands for it.
                if seen.contains(entry.target) { continue }
                let end = index + 1 < starts.count ? starts[index + 1] - 1 : haystack.count - 1
                let text = UnsafeBufferPointer(rebasing: haystack[starts[index]..<end])
                guard let ranges = query.match(text) else { continue }
                seen.insert(entry.target)
                hits.append(SearchHit(target: entry.target, title: entry.title, text: entry.text,
                                      ranges: characterRanges(ranges, in: index)))
            }
        }
        return hits
    }

    /// Lays the entries out in the order results are ranked (kind of place, then names,
    /// values, prose, then catalog order), so a search reads them in that order and can
    /// stop as soon as it has as many places as it was asked for.
    private mutating func rankOrder() {
        let order = entries.indices.sorted { a, b in
            let x = entries[a], y = entries[b]
            if x.target.place != y.target.place { return x.target.place < y.target.place }
            if x.tier != y.tier { return x.tier < y.tier }
            return a < b
        }
        var ranked: [Entry] = []
        var rankedStarts: [Int] = []
        var rankedFolded: [UInt8] = []
        ranked.reserveCapacity(entries.count)
        rankedFolded.reserveCapacity(folded.count)
        for index in order {
            ranked.append(entries[index])
            rankedStarts.append(rankedFolded.count)
            let end = index + 1 < starts.count ? starts[index + 1] : folded.count
            rankedFolded.append(contentsOf: folded[starts[index]..<end])
        }
        entries = ranked
        starts = rankedStarts
        folded = rankedFolded
    }

    /// Byte ranges of entry `index`'s folded text as character ranges (folding keeps the
    /// character count, so they are ranges of the original text too).
    private func characterRanges(_ ranges: [Range<Int>], in index: Int) -> [Range<Int>] {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : folded.count - 1
        let bytes = folded[starts[index]..<end]
        if bytes.allSatisfy({ $0 < 0x80 }) { return ranges }
        let text = Array(bytes)
        func characters(_ count: Int) -> Int { String(decoding: text[0..<count], as: UTF8.self).count }
        return ranges.map { characters($0.lowerBound)..<characters($0.upperBound) }
    }

    /// The entries whose folded text has `word` starting at a word boundary.
    private func entriesContaining(word: String) -> [Int] {
        let wanted = Array(word.utf8)
        var result: [Int] = []
        folded.withUnsafeBufferPointer { haystack in
            wanted.withUnsafeBufferPointer { needle in
                var position = 0
                var entry = 0
                while let at = Self.find(needle, in: haystack, from: position) {
                    position = at + 1
                    if at > 0 && Self.isWordByte(haystack[at - 1]) { continue }
                    entry = lastEntry(startingAtOrBefore: at, from: entry)
                    if result.last != entry { result.append(entry) }
                }
            }
        }
        return result
    }

    /// Letters and digits (and every byte of a non-ASCII character) make words; the rest
    /// (spaces, punctuation) separates them.
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// The words of folded text, each with its range in characters.
    static func wordRanges(_ text: String) -> [(word: String, range: Range<Int>)] {
        var result: [(word: String, range: Range<Int>)] = []
        var current = ""
        var start = 0
        var index = 0
        for character in text {
            let isWord = character.utf8.allSatisfy(isWordByte)
            if isWord {
                if current.isEmpty { start = index }
                current.append(character)
            } else if !current.isEmpty {
                result.append((current, start..<index))
                current = ""
            }
            index += 1
        }
        if !current.isEmpty { result.append((current, start..<index)) }
        return result
    }

    static func words(_ folded: String) -> [String] { wordRanges(folded).map(\.word) }

    /// Text folded as search folds it (case and accents), to find a hit's words on screen.
    public static func folded(_ text: String) -> String { fold(text) }

    /// The words of `text` (letters and digits), folded.
    public static func foldedWords(_ text: String) -> [String] { words(fold(text)) }

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

/// A search as typed: the terms every hit must hold, and the filters.
struct SearchQuery {
    struct Alternative {
        /// Folded words, in order.
        var words: [String]
        /// The last word may be the start of a longer one (search as you type).
        var prefix: Bool
    }

    /// A word or a phrase, with its synonyms: any one alternative matches.
    struct Term {
        var alternatives: [Alternative]
        var shortestFirstWord: Int { alternatives.map { $0.words[0].utf8.count }.min() ?? 0 }
    }

    var terms: [Term] = []
    var role: String?
    var places: Set<SearchPlace>?

    init(_ query: String, folder: inout SearchIndex.Folder, synonyms: [[[String]]], prefixLast: Bool) {
        // Split into quoted phrases and plain runs of words; pick out the filters.
        var pieces: [(text: String, quoted: Bool)] = []
        var current = ""
        var quoted = false
        for character in query {
            if character == "\"" {
                if !current.isEmpty || quoted { pieces.append((current, quoted)) }
                current = ""
                quoted.toggle()
            } else if character.isWhitespace && !quoted {
                if !current.isEmpty { pieces.append((current, false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append((current, quoted)) }
        let endsInSpace = query.last?.isWhitespace ?? false
        var plain: [String] = []
        func flush(last: Bool) {
            guard !plain.isEmpty else { return }
            var index = 0
            while index < plain.count {
                // The longest synonym that starts here becomes one term with its alternatives.
                var matched: (length: Int, group: [[String]])?
                for group in synonyms {
                    for member in group where member.count <= plain.count - index && Array(plain[index..<index + member.count]) == member {
                        if member.count > (matched?.length ?? 0) { matched = (member.count, group) }
                    }
                }
                if let matched {
                    terms.append(Term(alternatives: matched.group.map { Alternative(words: $0, prefix: false) }))
                    index += matched.length
                } else {
                    let isLast = last && index == plain.count - 1 && prefixLast && !endsInSpace
                    terms.append(Term(alternatives: [Alternative(words: [plain[index]], prefix: isLast)]))
                    index += 1
                }
            }
            plain = []
        }
        for (offset, piece) in pieces.enumerated() {
            let lower = SearchIndex.asciiLowercased(piece.text)
            if !piece.quoted, lower.hasPrefix("role:") {
                role = folder.fold(String(piece.text.dropFirst(5)))
                continue
            }
            if !piece.quoted, lower.hasPrefix("in:") {
                let names = lower.dropFirst(3).split(separator: ",").compactMap { SearchPlace.names[String($0)] }
                places = (places ?? []).union(names)
                continue
            }
            let words = SearchIndex.words(folder.fold(piece.text))
            guard !words.isEmpty else { continue }
            if piece.quoted {
                flush(last: false)
                var alternatives = [Alternative(words: words, prefix: false)]
                if let group = synonyms.first(where: { $0.contains(words) }) {
                    alternatives += group.filter { $0 != words }.map { Alternative(words: $0, prefix: false) }
                }
                terms.append(Term(alternatives: alternatives))
            } else {
                plain += words
                if offset == pieces.count - 1 { flush(last: true) }
            }
        }
        flush(last: true)
    }

    /// The query's words as folded bytes, for matching on the index's bytes.
    var bytes: ByteQuery {
        ByteQuery(terms: terms.map { term in term.alternatives.map { (words: $0.words.map { Array($0.utf8) }, prefix: $0.prefix) } })
    }

}

/// A query matched on the index's folded UTF-8 bytes: words are runs of word bytes,
/// compared with memcmp, without making a String of each candidate.
struct ByteQuery {
    var terms: [[(words: [[UInt8]], prefix: Bool)]]

    /// The byte ranges of every term's words in `text`, merged and in order, or nil when a
    /// term is missing.
    func match(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        // The text's words as byte ranges.
        var words: [Range<Int>] = []
        var index = 0
        let count = text.count
        while index < count {
            if SearchIndex.isWordByte(text[index]) {
                let start = index
                while index < count && SearchIndex.isWordByte(text[index]) { index += 1 }
                words.append(start..<index)
            } else {
                index += 1
            }
        }
        func same(_ word: Range<Int>, _ wanted: [UInt8], prefix: Bool) -> Bool {
            if word.count == wanted.count || (prefix && word.count > wanted.count) {
                return wanted.withUnsafeBufferPointer { memcmp(text.baseAddress! + word.lowerBound, $0.baseAddress!, wanted.count) == 0 }
            }
            return false
        }
        var ranges: [Range<Int>] = []
        for term in terms {
            var found = false
            for alternative in term {
                let n = alternative.words.count
                guard n > 0, n <= words.count else { continue }
                for start in 0...(words.count - n) {
                    var matches = true
                    for offset in 0..<n where !same(words[start + offset], alternative.words[offset], prefix: alternative.prefix && offset == n - 1) {
                        matches = false
                        break
                    }
                    if matches {
                        found = true
                        ranges.append(words[start].lowerBound..<words[start + n - 1].upperBound)
                    }
                }
            }
            if !found { return nil }
        }
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
