/// The one-line key-hint bar at the bottom of a screen: `j/k move  Enter open  q quit`.
///
/// Built from the same `KeyBinding`s the screen maps keys with, so it cannot drift
/// from what the keys do. Pairs that do not fit are dropped whole, never cut; a later,
/// shorter pair may still fit after a long one was dropped.
public struct KeyHints: Sendable {
    public struct Entry: Hashable, Sendable {
        public var label: String
        public var description: String

        public init(label: String, description: String) {
            self.label = label
            self.description = description
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The hints for the bindings that show in the hint bar, in order.
    public init<Action>(_ bindings: [KeyBinding<Action>]) {
        entries = bindings.filter(\.showsInHintBar).map { Entry(label: $0.label, description: $0.description) }
    }

    public init<Action>(_ map: KeyMap<Action>) {
        self.init(map.bindings)
    }

    /// Cells between two pairs.
    static let gap = 2

    /// The entries that fit in `width` cells, in order.
    public func fitting(width: Int) -> [Entry] {
        var used = 0
        var kept: [Entry] = []
        for entry in entries {
            let w = Self.width(of: entry) + (kept.isEmpty ? 0 : Self.gap)
            if used + w <= width {
                kept.append(entry)
                used += w
            }
        }
        return kept
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (index, entry) in fitting(width: area.width).enumerated() {
            if index > 0 { x += Self.gap }
            x += buffer.put(entry.label, x: x, y: area.y, style: .key, maxWidth: area.right - x)
            x += 1
            x += buffer.put(entry.description, x: x, y: area.y, style: .hint, maxWidth: area.right - x)
        }
    }

    static func width(of entry: Entry) -> Int {
        TextWidth.of(Sanitizer.clean(entry.label, keepNewlines: false)) + 1
            + TextWidth.of(Sanitizer.clean(entry.description, keepNewlines: false))
    }
}
