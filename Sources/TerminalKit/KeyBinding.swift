/// One entry of a screen's key map: which keys, what they do, and how to describe them.
///
/// A screen declares its `[KeyBinding<Action>]` once; `KeyMap` turns a key into the
/// action, and `KeyHints` and `KeyHelp` draw the same list. The hint bar and the help
/// overlay therefore cannot promise a key the screen does not handle, or miss one.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    /// The keys as shown to the user, e.g. "j/k" or "↑/↓". Defaults to the keys' labels
    /// joined by "/".
    public var label: String
    public var description: String
    public var action: Action
    /// Whether the one-line hint bar shows this binding (the help overlay shows all).
    public var showsInHintBar: Bool
    /// An optional group heading in the help overlay ("Navigation", "Export").
    public var section: String?

    public init(_ keys: [Key], label: String? = nil, _ description: String, action: Action,
                showsInHintBar: Bool = true, section: String? = nil) {
        self.keys = keys
        self.label = label ?? keys.map { $0.label() }.joined(separator: "/")
        self.description = description
        self.action = action
        self.showsInHintBar = showsInHintBar
        self.section = section
    }

    public init(_ key: Key, label: String? = nil, _ description: String, action: Action,
                showsInHintBar: Bool = true, section: String? = nil) {
        self.init([key], label: label, description, action: action,
                  showsInHintBar: showsInHintBar, section: section)
    }
}

/// A screen's key bindings, looked up by key. The first binding that lists a key wins,
/// so a screen can put its own bindings before shared ones to override them.
public struct KeyMap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The action for a key event; nil for other events and unbound keys.
    public func action(for event: Event) -> Action? {
        if case .key(let key) = event { return action(for: key) }
        return nil
    }

    /// The bindings shown in the hint bar, in order.
    public var hintBindings: [KeyBinding<Action>] { bindings.filter(\.showsInHintBar) }

    /// Keys bound more than once (a likely mistake; the later binding is unreachable).
    public var shadowedKeys: [Key] {
        var seen = Set<Key>()
        var shadowed: [Key] = []
        for key in bindings.flatMap(\.keys) {
            if !seen.insert(key).inserted && !shadowed.contains(key) { shadowed.append(key) }
        }
        return shadowed
    }
}
