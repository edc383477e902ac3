#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a name did not pick out exactly one thing.
public enum LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing matched; `known` lists the valid ids.
    case unknown(kind: String, query: String, known: [String])
    /// Several matched the prefix; `matches` lists them.
    case ambiguous(kind: String, query: String, matches: [String])

    public var description: String {
        switch self {
        case .unknown(let kind, let query, let known):
            return "unknown \(kind) '\(query)'; known \(kind)s: \(known.joined(separator: ", "))"
        case .ambiguous(let kind, let query, let matches):
            return "'\(query)' could be any of these \(kind)s: \(matches.joined(separator: ", ")); type more of the name"
        }
    }
}

extension Catalog {
    /// The role named by `query`: its id, an alias, its title, or a unique prefix of any
    /// of them, ignoring case, spaces and underscores.
    public func role(matching query: String) throws(LookupError) -> Role {
        try Self.resolve(query, in: roles, kind: "role", id: \.id) { [$0.id, $0.title] + $0.aliases }
    }

    public func questionnaire(matching query: String) throws(LookupError) -> Questionnaire {
        try Self.resolve(query, in: questionnaires, kind: "questionnaire", id: \.id) { [$0.id, $0.title] }
    }

    public func background(matching query: String) throws(LookupError) -> Background {
        try Self.resolve(query, in: backgrounds, kind: "background", id: \.id) { [$0.id, $0.title] + $0.aliases }
    }

    public func dimension(matching query: String) throws(LookupError) -> Dimension {
        try Self.resolve(query, in: dimensions, kind: "dimension", id: \.id) { [$0.id, $0.title] }
    }

    static func normalize(_ name: String) -> String {
        String(name.foldedForMatching().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    static func resolve<T>(_ query: String, in items: [T], kind: String, id: KeyPath<T, String>,
                           names: (T) -> [String]) throws(LookupError) -> T {
        let wanted = normalize(query.trimmed())
        guard !wanted.isEmpty else { throw .unknown(kind: kind, query: query, known: items.map { $0[keyPath: id] }) }
        if let exact = items.first(where: { names($0).map(normalize).contains(wanted) }) { return exact }
        let matches = items.filter { names($0).map(normalize).contains { $0.hasPrefix(wanted) } }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .unknown(kind: kind, query: query, known: items.map { $0[keyPath: id] }) }
        throw .ambiguous(kind: kind, query: query, matches: matches.map { $0[keyPath: id] })
    }
}
