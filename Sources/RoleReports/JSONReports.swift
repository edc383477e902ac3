#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import TerminalKit

/// The JSON each command prints with `--format json`. Keys are sorted and the shapes are
/// documented in the README, so scripts can rely on them. Strings are JSON-escaped, so
/// control characters in content arrive as `\u001b`, never raw.
public struct JSONReports: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return escapingUnsafe(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// JSON text with every scalar the terminal sanitizer would not pass written as a
    /// `\uXXXX` escape. The encoder escapes C0 controls itself but leaves DEL, C1 controls
    /// (the one-byte CSI U+009B), bidirectional overrides and zero-width characters raw,
    /// and JSON is often read on a terminal. Outside strings, pretty-printed JSON holds
    /// only spaces and newlines, which stay as they are.
    static func escapingUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && Sanitizer.isUnsafe($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar != "\n", Sanitizer.isUnsafe(scalar) else { out.append(scalar); continue }
            let units = scalar.value > 0xFFFF ? Array(String(scalar).utf16) : [UInt16(scalar.value)]
            for unit in units {
                let digits = String(unit, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - digits.count) + digits).unicodeScalars)
            }
        }
        return String(out)
    }

    struct RoleSummary: Encodable {
        var id, title, summary: String
        var aliases: [String]
        init(_ role: Role) { id = role.id; title = role.title; summary = role.summary; aliases = role.aliases }
    }

    struct DimensionValues: Encodable {
        var id, title, group: String
        var kind: DimensionKind
        var scale: Scale?
        var differs: Bool?
        /// "differ", "same" or "uncovered" (only some roles have a value), by `Sameness`.
        var comparison: String?
        /// Role id to that role's values; a role with no value for the dimension maps to [].
        var values: [String: [DimensionValue]]
    }

    public func roles() -> String { Self.encode(["roles": catalog.roles.map(RoleSummary.init)]) }

    public func profile(_ role: Role) -> String { profile(RoleProfile(role, in: catalog)) }

    /// The same `RoleProfile` that `Reports.profile` lays out, as JSON.
    public func profile(_ profile: RoleProfile) -> String {
        struct Profile: Encodable {
            var role: RoleSummary
            var related: [RelatedTitle]
            var dimensions: [DimensionValues]
            var overlaps: [Overlap]
            var transitions: [Transition]
            var timelines: [String]
        }
        let role = profile.role
        let dimensions = profile.dimensions.map {
            DimensionValues(id: $0.id, title: $0.title, group: $0.group, kind: $0.kind, scale: $0.scale.flatMap(catalog.scale),
                            differs: nil, comparison: nil, values: [role.id: role.values(for: $0.id)])
        }
        return Self.encode(Profile(role: RoleSummary(role), related: role.related, dimensions: dimensions,
                                   overlaps: profile.overlaps, transitions: profile.transitions,
                                   timelines: profile.timelines.map(\.id)))
    }

    public func compare(_ roles: [Role], dimensions: [RoleModel.Dimension]) -> String {
        struct Comparison: Encodable {
            var roles: [RoleSummary]
            var dimensions: [DimensionValues]
            var overlaps: [Overlap]
            var sources: [Source]
        }
        let rows = dimensions.map { dimension in
            DimensionValues(id: dimension.id, title: dimension.title, group: dimension.group, kind: dimension.kind,
                            scale: dimension.scale.flatMap(catalog.scale), differs: catalog.differs(dimension.id, among: roles),
                            comparison: catalog.comparison(dimension.id, among: roles).rawValue,
                            values: Dictionary(uniqueKeysWithValues: roles.map { ($0.id, $0.values(for: dimension.id)) }))
        }
        let cited = Set(rows.flatMap { $0.values.values.flatMap { $0.flatMap(\.sources) } })
        return Self.encode(Comparison(roles: roles.map(RoleSummary.init), dimensions: rows,
                                      overlaps: catalog.overlaps(among: roles.map { $0.id }),
                                      sources: catalog.sources.filter { cited.contains($0.id) }))
    }

    public func questionnaires() -> String {
        struct Item: Encodable { var id, title, audience, summary: String; var questions, outcomes: Int }
        return Self.encode(["questionnaires": catalog.questionnaires.map {
            Item(id: $0.id, title: $0.title, audience: $0.audience.rawValue, summary: $0.summary,
                 questions: $0.questions.count, outcomes: $0.outcomes.count)
        }])
    }

    public func quiz(_ run: QuestionnaireRun) -> String {
        struct Step: Encodable { var question, prompt, label: String; var answer: Int; var because: String? }
        struct Alternative: Encodable { var step, answer: Int; var label: String; var outcomes: [String] }
        struct Result: Encodable {
            var questionnaire: String
            var path: [Step]
            var finished: Bool
            var nextQuestion: Question?
            var outcome: Outcome?
            var because: String?
            var alternatives: [Alternative]
            var transitions: [Transition]
        }
        let explanation = run.explanation
        return Self.encode(Result(
            questionnaire: run.questionnaire.id,
            path: run.trail.map { Step(question: $0.question.id, prompt: $0.question.prompt, label: $0.answer.label,
                                       answer: $0.answerIndex + 1, because: $0.answer.because) },
            finished: explanation != nil, nextQuestion: run.currentQuestion, outcome: run.outcome,
            because: explanation?.becauseSentence,
            alternatives: explanation?.alternatives.map { Alternative(step: $0.step + 1, answer: $0.answerIndex + 1, label: $0.answer, outcomes: $0.outcomes.map(\.id)) } ?? [],
            transitions: run.outcome?.transitions.compactMap { catalog.transition(from: $0.from, to: $0.to) } ?? []))
    }

    public func timeline(_ timeline: Timeline) -> String {
        struct Entry: Encodable { var start, end: Int; var when, title, detail, category: String; var sources: [String] }
        struct Summary: Encodable { var category: String; var amount: Int }
        struct Result: Encodable {
            var id, role, kind, title, provenance: String
            var unit: String
            var note: String?
            var sources: [String]
            var entries: [Entry]
            var timeByCategory: [Summary]
        }
        return Self.encode(Result(
            id: timeline.id, role: timeline.role, kind: timeline.kind.rawValue, title: timeline.title,
            provenance: timeline.provenance.rawValue, unit: timeline.kind == .day ? "minutes since midnight" : "half-days from Monday morning",
            note: timeline.note, sources: timeline.sources,
            entries: timeline.entries.map { Entry(start: $0.slot.start, end: $0.slot.end, when: $0.slot.text(for: timeline.kind),
                                                  title: $0.title, detail: $0.detail, category: $0.category, sources: $0.sources) },
            timeByCategory: timeline.timeByCategory.map { Summary(category: $0.category, amount: $0.amount) }))
    }

    public func search(_ query: String, hits: [SearchHit]) -> String {
        struct Match: Encodable { var start, end: Int; var text: String }
        struct Hit: Encodable { var kind, place, title, text: String; var target: [String: String]; var matches: [Match] }
        func target(_ t: SearchTarget) -> [String: String] {
            switch t {
            case .role(let r): return ["role": r]
            case .value(let r, let d): return ["role": r, "dimension": d]
            case .question(let q, let id): return ["questionnaire": q, "question": id]
            case .outcome(let q, let id): return ["questionnaire": q, "outcome": id]
            case .timelineEntry(let t, let e): return ["timeline": t, "entry": String(e)]
            case .overlap(let o): return ["overlap": o]
            case .transition(let f, let to): return ["from": f, "to": to]
            case .source(let s): return ["source": s]
            }
        }
        // `place` is where the app lands; `matches` are character ranges in `text` (end excluded).
        let list = hits.map { hit in
            let characters = Array(hit.text)
            return Hit(kind: hit.target.kind, place: hit.target.place.rawValue, title: hit.title, text: hit.text,
                       target: target(hit.target),
                       matches: hit.ranges.map { Match(start: $0.lowerBound, end: $0.upperBound, text: String(characters[$0])) })
        }
        return Self.encode(["query": query as any Encodable & Sendable, "hits": list].mapValues(AnyEncodable.init))
    }

    public func export() -> String { Self.encode(catalog) }
}

/// Lets a dictionary hold differently typed encodable values.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
