/// A small YAML document for files other than content (the app's config): text, maps and
/// lists, each with the line and column it starts at, read by the same libyaml reader
/// (and limits) as the content.
public indirect enum YAMLValue: Sendable {
    case scalar(String, line: Int, column: Int)
    case mapping([(key: String, keyLine: Int, keyColumn: Int, value: YAMLValue)], line: Int, column: Int)
    case list([YAMLValue], line: Int, column: Int)

    public var line: Int {
        switch self {
        case .scalar(_, let line, _), .mapping(_, let line, _), .list(_, let line, _): return line
        }
    }

    public var column: Int {
        switch self {
        case .scalar(_, _, let column), .mapping(_, _, let column), .list(_, _, let column): return column
        }
    }

    /// Why a text is not YAML, and where.
    public struct ParseError: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The document in `text`, or nil when it holds none (empty, or only comments).
    public static func parse(_ text: String) throws(ParseError) -> YAMLValue? {
        let node: Node?
        do throws(YAMLError) { node = try YAMLTree.compose(text) } catch {
            switch error {
            case .syntax(let problem, let mark, _): throw ParseError(line: mark.line, column: mark.column, message: problem)
            case .duplicateKeys(let keys, let mark):
                throw ParseError(line: mark.line, column: mark.column, message: "the key '\(keys.first ?? "")' is given twice")
            case .reader(let problem, _, _): throw ParseError(line: 1, column: 1, message: problem)
            case .memory: throw ParseError(line: 1, column: 1, message: "out of memory")
            default: throw ParseError(line: 1, column: 1, message: "\(error)")
            }
        }
        return node.map(Self.init)
    }

    private init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, line: scalar.mark.line, column: scalar.mark.column)
        case .sequence(let list):
            self = .list(list.items.map(YAMLValue.init), line: list.mark.line, column: list.mark.column)
        case .mapping(let mapping):
            self = .mapping(mapping.pairs.map { key, value in
                (key.string ?? "", key.mark.line, key.mark.column, YAMLValue(value))
            }, line: mapping.mark.line, column: mapping.mark.column)
        }
    }
}
