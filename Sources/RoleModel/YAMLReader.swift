#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif


/// Collects problems while a content directory is read.
final class ProblemLog {
    /// Problems past this many are counted, not kept. A 1 MiB file of unknown keys (or a
    /// smaller one that aliases them) has over 100,000, and sorting, formatting and
    /// printing them all took seconds; nobody reads past the first screenful.
    static let limit = 1_000

    private(set) var problems: [ContentProblem] = []
    /// How many problems were found beyond `limit`.
    private(set) var dropped = 0

    // The message and hint are built only for a problem that is kept: past the limit a
    // file of mistakes would otherwise still format every one of them.
    func add(_ file: String, _ mark: Mark?, _ message: @autoclosure () -> String, hint: @autoclosure () -> String? = nil) {
        add(file, line: mark?.line, column: mark?.column, message(), hint: hint())
    }

    func add(_ file: String, line: Int?, column: Int?, _ message: @autoclosure () -> String, hint: @autoclosure () -> String? = nil) {
        guard problems.count < Self.limit else {
            dropped += 1
            return
        }
        problems.append(ContentProblem(file: file, line: line, column: column, message: message(), hint: hint()))
    }

    func add(_ problem: ContentProblem) {
        guard problems.count < Self.limit else {
            dropped += 1
            return
        }
        problems.append(problem)
    }
}

/// Where something was defined, for problems found after reading.
struct Place {
    var file: String
    var mark: Mark?
}

/// A YAML mapping being read as one content object, reporting every type error, missing
/// field and unknown key with its line and column.
struct MapReader {
    let mapping: Node.Mapping
    /// The values by key text. `Node.Mapping`'s own subscript compares nodes, which
    /// resolves each key's YAML tag with regular expressions: on a file near the size
    /// limit that was a third of the load time.
    private let values: [String: Node]
    let place: Place
    let log: ProblemLog
    /// What the object is, for messages: "role", "answer 2 of question 'x'".
    var what: String { whatStorage }
    private var whatStorage: String

    init?(_ node: Node, file: String, log: ProblemLog, what: String) {
        guard case .mapping(let mapping) = node else {
            log.add(file, node.mark, "\(what) should be a mapping of keys to values, found \(node.kindName)",
                    hint: "write it as `key: value` lines")
            return nil
        }
        self.mapping = mapping
        var values: [String: Node] = [:]
        for (key, value) in mapping.pairs {
            if case .scalar(let scalar) = key, values[scalar.string] == nil { values[scalar.string] = value }
        }
        self.values = values
        self.place = Place(file: file, mark: node.mark)
        self.log = log
        self.whatStorage = what
    }

    var file: String { place.file }

    /// The same mapping, named differently in messages (once its id is known).
    func named(_ what: String) -> MapReader {
        var copy = self
        copy.whatStorage = what
        return copy
    }

    func node(_ key: String) -> Node? { values[key] }

    func mark(_ key: String) -> Mark? { values[key]?.mark ?? place.mark }

    func problem(_ key: String?, _ message: String, hint: String? = nil) {
        log.add(file, key.flatMap { mark($0) } ?? place.mark, message, hint: hint)
    }

    /// Reports keys other than `known`, with the list of known ones.
    func allowOnly(_ known: [String]) {
        for (key, _) in mapping.pairs {
            guard let name = key.string, !known.contains(name) else { continue }
            log.add(file, key.mark, "unknown key '\(name)' in \(what)",
                    hint: "known keys: \(known.joined(separator: ", "))")
        }
    }

    func string(_ key: String, required: Bool = true) -> String? {
        guard let node = values[key] else {
            if required { problem(nil, "\(what) is missing '\(key)'", hint: "add `\(key): ...`") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            problem(key, "'\(key)' in \(what) should be text, found \(node.kindName)",
                    hint: "write it as text after the colon; quote it (\"...\") if it starts with [ or { or holds ': '")
            return nil
        }
        if required && Self.isBlank(scalar.string) {
            problem(key, "'\(key)' in \(what) is empty", hint: "give it a value or remove the key")
            return nil
        }
        return scalar.string
    }

    /// True when the text is empty or only white space. Almost every value starts with a
    /// visible ASCII character, which settles it without Foundation's trimming (a sixth
    /// of a large catalog's load).
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20 && first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let node = values[key] else {
            if required { problem(nil, "\(what) is missing '\(key)'", hint: "add `\(key): <whole number>`") }
            return nil
        }
        guard case .scalar(let scalar) = node, let value = Self.wholeNumber(scalar.string) else {
            problem(key, "'\(key)' in \(what) should be a whole number, found \(node.describe)",
                    hint: "write digits only, e.g. 120000")
            return nil
        }
        return value
    }

    /// Digits with optional `_` separators ("120_000"), as YAML writes long numbers.
    /// Only a text holding `_` is copied (Foundation's replacing was a visible part of
    /// loading a large catalog).
    static func wholeNumber(_ text: String) -> Int? {
        text.utf8.contains(UInt8(ascii: "_")) ? Int(String(text.filter { $0 != "_" })) : Int(text)
    }

    func bool(_ key: String) -> Bool? {
        guard let node = values[key] else { return nil }
        guard let value = node.flag else {
            problem(key, "'\(key)' in \(what) should be true or false, found \(node.describe)", hint: "write true or false")
            return nil
        }
        return value
    }

    func list(_ key: String, required: Bool = false) -> [Node] {
        guard let node = values[key] else {
            if required { problem(nil, "\(what) is missing '\(key)'", hint: "add `\(key):` with a list under it") }
            return []
        }
        guard case .sequence(let sequence) = node else {
            problem(key, "'\(key)' in \(what) should be a list, found \(node.kindName)",
                    hint: "write each item on its own line starting with '- '")
            return []
        }
        return sequence.items
    }

    func strings(_ key: String, required: Bool = false) -> [String] {
        var result: [String] = []
        let items = list(key, required: required)
        for item in items {
            if case .scalar(let scalar) = item, !scalar.string.isEmpty { result.append(scalar.string) } else {
                log.add(file, item.mark, "each item of '\(key)' in \(what) should be text, found \(item.describe)",
                        hint: "write each item as text; quote it if it holds ', ' or ': '")
            }
        }
        if required && items.isEmpty && values[key] != nil {
            problem(key, "'\(key)' in \(what) is empty", hint: "list at least one item")
        }
        return result
    }

    func map(_ key: String, what childWhat: String, required: Bool = false) -> MapReader? {
        guard let node = values[key] else {
            if required { problem(nil, "\(what) is missing '\(key)'", hint: "add `\(key):` with its keys indented below it") }
            return nil
        }
        return MapReader(node, file: file, log: log, what: childWhat)
    }
}

extension Node {
    /// A plain `true` or `false` (or YAML 1.1's yes/no/on/off). Every scalar is read as
    /// text; a quoted "true" stays text.
    var flag: Bool? {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    var kindName: String {
        switch self {
        case .scalar: return "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// A short description of a node for messages: the text itself, or its kind.
    var describe: String {
        if case .scalar(let scalar) = self {
            let text = scalar.string
            return text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
        }
        return kindName
    }
}
