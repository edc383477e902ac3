import Foundation

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
/// stroke: it folds case and diacritics once, at build time.
public struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var target: SearchTarget
        var title: String
        var text: String
        var folded: String
    }

    private var entries: [Entry] = []

    public init(_ catalog: Catalog) {
        func add(_ target: SearchTarget, _ title: String, _ texts: [String]) {
            for text in texts where !text.isEmpty {
                entries.append(Entry(target: target, title: title, text: text, folded: Self.fold(text)))
            }
        }
        for role in catalog.roles {
            add(.role(role: role.id), role.title, [role.title, role.summary] + role.aliases)
            for related in role.related {
                add(.role(role: role.id), "\(role.title) › Related titles", [related.title, related.note])
            }
            for dimension in catalog.dimensions {
                for value in role.values(for: dimension.id) {
                    add(.value(role: role.id, dimension: dimension.id), "\(role.title) › \(dimension.title)", value.texts)
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

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Every place `query` occurs, in catalog order, at most one hit per string.
    /// Words are matched in order as typed; an empty query finds nothing.
    public func search(_ query: String, limit: Int = .max) -> [SearchHit] {
        let wanted = Self.fold(query.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !wanted.isEmpty else { return [] }
        var hits: [SearchHit] = []
        for entry in entries {
            guard let range = entry.folded.range(of: wanted) else { continue }
            // Folding keeps character counts for the scripts content uses, so the offset
            // in the folded text is the offset in the original.
            let offset = entry.folded.distance(from: entry.folded.startIndex, to: range.lowerBound)
            let length = entry.folded.distance(from: range.lowerBound, to: range.upperBound)
            hits.append(SearchHit(target: entry.target, title: entry.title, text: entry.text,
                                  matchOffset: offset, matchLength: length))
            if hits.count >= limit { break }
        }
        return hits
    }
}

extension Catalog {
    /// Searches every string in the catalog. Builds an index each call; keep a
    /// `SearchIndex` instead when searching repeatedly.
    public func search(_ text: String) -> [SearchHit] { SearchIndex(self).search(text) }
}
