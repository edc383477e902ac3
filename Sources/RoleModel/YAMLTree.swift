import CLibYAML

// The content files' YAML, read into a small tree straight from libyaml's events.
//
// Yams (which vendored libyaml as its CYaml module) composed each file into its own
// `Node` tree first. Profiling the load of a 1,000-role catalog showed that composing
// took three times as long as libyaml's parsing itself: every node carried a tag object
// and an optional mark, every mapping was checked for duplicate keys by hashing whole
// nodes into a dictionary, and walking the tree retained and released those objects at
// every step. The loader needs far less: text, where it came from, the order of keys,
// whether a scalar was plain (for `true`/`false`), and the same errors. This file builds
// exactly that from the events, with libyaml still doing all of the parsing. libyaml is
// the system's (a system library target, Sources/CLibYAML), so no package pulls in Foundation.

/// A place in a YAML file, counted from 1 like an editor: the line, and the character on it.
struct Mark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// One YAML node: text, a mapping (its pairs in file order) or a list.
enum Node {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// How a scalar was written. Only plain scalars can be `true`/`false`.
    enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Scalar {
        var string: String
        var style: Style
        var mark: Mark
    }

    struct Mapping {
        /// The keys and their values, in file order (two arrays: an array of tuples that
        /// hold `Node` itself is a reference cycle to the compiler).
        var keys: [Node]
        var values: [Node]
        var mark: Mark
        /// The key-value pairs in file order.
        var pairs: Zip2Sequence<[Node], [Node]> { zip(keys, values) }
    }

    struct List {
        var items: [Node]
        var mark: Mark
    }

    /// Where the node starts.
    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let list): return list.mark
        }
    }

    /// The text of a scalar; nil for a mapping or a list.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}

/// Why a YAML text could not be read, with what libyaml said and where.
enum YAMLError: Error {
    /// The bytes are not text libyaml accepts (a control character, a bad encoding).
    /// `offset` counts UTF-8 bytes from the start; `value` is the offending character or byte.
    case reader(problem: String, offset: Int, value: Int32)
    /// A scanner, parser or composer error: the problem, where, and what was open when it
    /// happened ("while parsing a block mapping" at line 3).
    case syntax(problem: String, mark: Mark, context: (text: String, mark: Mark)?)
    /// The same key twice in one mapping: the keys, and the first place one appears.
    case duplicateKeys([String], mark: Mark)
    /// libyaml ran out of memory.
    case memory
    /// An alias (`*name`) at `mark` made the document larger than `YAMLTree.Limits` allow
    /// once every alias is expanded: `nodes` nodes in all, or collections nested `depth`
    /// deep. A few hundred bytes of nested aliases can stand for billions of nodes.
    case aliasBudget(mark: Mark, nodes: Int, depth: Int)
}

enum YAMLTree {
    /// How large a document may be once its aliases are expanded. The tree shares an
    /// aliased node rather than copying it, so composing is cheap; but everything that
    /// reads the tree (validation, the catalog builder, the problems it reports) visits
    /// each alias as a full copy. The budget is checked at each alias, so a file without
    /// aliases is bounded by the file size alone.
    struct Limits: Sendable {
        /// Nodes in the document counting each alias as the nodes it stands for.
        var nodes: Int
        /// Collections nested inside one another, counting through aliases.
        var depth: Int

        static let content = Limits(nodes: 100_000, depth: 64)
    }

    /// The single document in `text` as a tree, or nil when the text holds no document
    /// (empty, or only comments).
    static func compose(_ text: String, limits: Limits = .content) throws(YAMLError) -> Node? {
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Result<Node?, YAMLError> in
            var composer = Composer(limits: limits)
            defer { composer.close() }
            do throws(YAMLError) { return .success(try composer.compose(bytes)) } catch { return .failure(error) }
        }
        // A contiguous UTF-8 string always offers its storage.
        return try result!.get()
    }

    private struct Composer {
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        var hasEvent = false
        var anchors: [String: Node] = [:]
        let limits: Limits
        /// Nodes composed so far, each alias counted as the nodes it stands for.
        var expanded = 0
        /// Collections open around the current node.
        var depth = 0
        /// How many nested collections the node composed last holds (0 for a scalar),
        /// counting through aliases.
        var height = 0
        /// Each anchor's size and height once expanded: what an alias to it costs.
        var costs: [String: (nodes: Int, height: Int)] = [:]

        init(limits: Limits) {
            self.limits = limits
            yaml_parser_initialize(&parser)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        }

        mutating func close() {
            release()
            yaml_parser_delete(&parser)
        }

        mutating func release() {
            if hasEvent { yaml_event_delete(&event); hasEvent = false }
        }

        /// Reads the next event into `event`.
        mutating func next() throws(YAMLError) {
            release()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error() }
            hasEvent = true
        }

        mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> Node? {
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            try next() // the stream's start
            try next()
            if event.type == YAML_STREAM_END_EVENT { return nil }
            // A document start; its root follows.
            try next()
            let root = try node()
            try next() // the document's end
            try next()
            if event.type != YAML_STREAM_END_EVENT {
                throw .syntax(problem: "but found another document", mark: mark(event.start_mark),
                              context: ("expected a single document in the stream", Mark(line: 1, column: 1)))
            }
            return root
        }

        /// The node whose first event is the current one; on return the current event is
        /// its last (a scalar, an alias, or the end of its collection).
        mutating func node() throws(YAMLError) -> Node {
            let start = mark(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let node = Node.scalar(Node.Scalar(string: text, style: Self.style(scalar.style), mark: start))
                expanded += 1
                height = 0
                if let anchor = scalar.anchor {
                    anchors[String(cString: anchor)] = node
                    costs[String(cString: anchor)] = (1, 0)
                }
                return node
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let node = anchors[name], let cost = costs[name] else {
                    throw .syntax(problem: "found undefined alias", mark: start, context: nil)
                }
                expanded += cost.nodes
                height = cost.height
                if expanded > limits.nodes || depth + cost.height > limits.depth {
                    throw .aliasBudget(mark: start, nodes: expanded, depth: depth + cost.height)
                }
                return node
            case YAML_SEQUENCE_START_EVENT:
                let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
                let before = expanded
                expanded += 1
                depth += 1
                var inner = 0
                var items: [Node] = []
                while true {
                    try next()
                    if event.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node())
                    inner = max(inner, height)
                }
                depth -= 1
                height = inner + 1
                let node = Node.sequence(Node.List(items: items, mark: start))
                if let anchor {
                    anchors[anchor] = node
                    costs[anchor] = (expanded - before, height)
                }
                return node
            case YAML_MAPPING_START_EVENT:
                let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
                let before = expanded
                expanded += 1
                depth += 1
                var inner = 0
                var keys: [Node] = []
                var values: [Node] = []
                while true {
                    try next()
                    if event.type == YAML_MAPPING_END_EVENT { break }
                    keys.append(try node())
                    inner = max(inner, height)
                    try next()
                    values.append(try node())
                    inner = max(inner, height)
                }
                depth -= 1
                height = inner + 1
                try Self.checkDuplicates(keys)
                let node = Node.mapping(Node.Mapping(keys: keys, values: values, mark: start))
                if let anchor {
                    anchors[anchor] = node
                    costs[anchor] = (expanded - before, height)
                }
                return node
            default:
                throw .syntax(problem: "unexpected YAML event", mark: start, context: nil)
            }
        }

        /// Text keys that appear more than once, reported at the first place the first of
        /// them (in sorted order) appears.
        static func checkDuplicates(_ keys: [Node]) throws(YAMLError) {
            guard keys.count > 1 else { return }
            var seen: Set<String> = []
            seen.reserveCapacity(keys.count)
            var repeated: Set<String> = []
            for key in keys {
                guard let text = key.string else { continue }
                if !seen.insert(text).inserted { repeated.insert(text) }
            }
            guard !repeated.isEmpty else { return }
            let names = repeated.sorted()
            let first = keys.first { $0.string == names[0] }!.mark
            throw .duplicateKeys(names, mark: first)
        }

        static func style(_ style: yaml_scalar_style_t) -> Node.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: return .literal
            case YAML_FOLDED_SCALAR_STYLE: return .folded
            default: return .plain
            }
        }

        func mark(_ mark: yaml_mark_t) -> Mark {
            Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        func error() -> YAMLError {
            func text(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "unknown problem" }
            switch parser.error {
            case YAML_MEMORY_ERROR:
                return .memory
            case YAML_READER_ERROR:
                return .reader(problem: text(parser.problem), offset: Int(parser.problem_offset), value: parser.problem_value)
            default:
                let context = parser.context.map { (String(cString: $0), mark(parser.context_mark)) }
                return .syntax(problem: text(parser.problem), mark: mark(parser.problem_mark), context: context)
            }
        }
    }
}
