/// The help overlay's content: every binding of a key map, grouped by section, keys in
/// a right-aligned column and descriptions beside them.
///
/// It produces lines rather than drawing directly, so a long help text goes into a
/// `Viewport` inside a `Box` and scrolls like any other content.
public struct KeyHelp: Sendable {
    public struct Row: Hashable, Sendable {
        public var section: String?
        public var label: String
        public var description: String

        public init(section: String? = nil, label: String, description: String) {
            self.section = section
            self.label = label
            self.description = description
        }
    }

    public var rows: [Row]

    /// Help from rows gathered from several key maps (a screen's and the app's).
    public init(rows: [Row]) {
        self.rows = rows
    }

    public init<Action>(_ bindings: [KeyBinding<Action>]) {
        rows = bindings.map { Row(section: $0.section, label: $0.label, description: $0.description) }
    }

    public init<Action>(_ map: KeyMap<Action>) {
        self.init(map.bindings)
    }

    /// The help as lines no wider than `width`; long descriptions wrap under themselves.
    public func lines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        let labelWidth = min(rows.map { TextWidth.of(Sanitizer.clean($0.label, keepNewlines: false)) }.max() ?? 0,
                             max(1, width / 3))
        let descriptionWidth = max(1, width - labelWidth - 2)
        var result: [StyledLine] = []
        var currentSection: String?? = .none
        for row in rows {
            if currentSection != .some(row.section) {
                if !result.isEmpty { result.append(.empty) }
                if let section = row.section { result.append(StyledLine(section, style: .heading)) }
                currentSection = .some(row.section)
            }
            let label = TextWrap.truncate(Sanitizer.clean(row.label, keepNewlines: false), width: labelWidth)
            let padding = String(repeating: " ", count: labelWidth - TextWidth.of(label))
            let wrapped = TextWrap.lines(Sanitizer.clean(row.description, keepNewlines: false), width: descriptionWidth)
            for (index, text) in wrapped.enumerated() {
                let keyText = index == 0 ? padding + label : String(repeating: " ", count: labelWidth)
                result.append(StyledLine(spans: [Span(keyText, style: .key), Span("  " + text, style: .normal)]))
            }
        }
        return result
    }
}
