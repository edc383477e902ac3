/// A terminal colour: the terminal's own default, or an index into its palette
/// (0..7 basic, 8..15 bright, 16..255 the 256-colour cube and greys).
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case index(Int)
}

/// Concrete attributes for one cell, what a terminal backend turns into escape codes.
public struct Attributes: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Attributes()
}

/// Maps every `StyleRole` to concrete attributes for one class of terminal.
///
/// Backgrounds stay `.default` except where a role *is* a highlight (selection, active
/// tab), so the user's own terminal background, light or dark, shows through.
public struct Theme: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case color256, color8, monochrome }

    public let kind: Kind
    private let table: [StyleRole: Attributes]

    init(kind: Kind, table: [StyleRole: Attributes]) {
        self.kind = kind
        self.table = table
    }

    /// The attributes for `style`: the role's look with the style's modifiers added.
    public func attributes(for style: Style) -> Attributes {
        var result = table[style.role.normalized] ?? .plain
        if style.modifiers.contains(.bold) { result.bold = true }
        if style.modifiers.contains(.underline) { result.underline = true }
        if style.modifiers.contains(.reverse) { result.reverse = true }
        return result
    }

    /// The theme for a terminal with `colors` colours. `NO_COLOR` (any non-empty value,
    /// see no-color.org) or an explicit `noColor` request wins over what the terminal can do.
    public static func detect(colors: Int, noColor: Bool = false,
                              environment: [String: String] = [:]) -> Theme {
        if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { return .monochrome }
        if colors >= 256 { return .color256 }
        if colors >= 8 { return .color8 }
        return .monochrome
    }

    private static func fg(_ index: Int, bold: Bool = false, underline: Bool = false) -> Attributes {
        Attributes(foreground: .index(index), bold: bold, underline: underline)
    }

    /// Mid-range palette entries that read on dark and light backgrounds alike.
    public static let color256 = Theme(kind: .color256, table: [
        .normal: .plain,
        .dim: fg(245),
        .title: fg(75, bold: true),
        .heading: fg(179, bold: true),
        .selected: Attributes(foreground: .index(255), background: .index(25), bold: true),
        .selectedInactive: Attributes(foreground: .index(252), background: .index(239)),
        .accent: fg(81),
        .border: fg(242),
        .hint: fg(246),
        .key: fg(214, bold: true),
        .error: fg(203, bold: true),
        .warning: fg(221),
        .tabActive: Attributes(foreground: .index(255), background: .index(25), bold: true),
        .tabInactive: fg(246),
        .bar: fg(75),
        .barEmpty: fg(239),
        .category(0): fg(75), .category(1): fg(114), .category(2): fg(215), .category(3): fg(176),
        .category(4): fg(80), .category(5): fg(203), .category(6): fg(221), .category(7): fg(147),
    ])

    /// The eight ANSI colours; bold stands in where eight hues run out.
    public static let color8 = Theme(kind: .color8, table: [
        .normal: .plain,
        .dim: Attributes(dim: true),
        .title: fg(6, bold: true),
        .heading: fg(3, bold: true),
        // White on blue: xterm and the Linux console draw a bold foreground of colours
        // 0-7 in its bright twin, and bold black on cyan came out grey on cyan (2.0:1).
        // White on blue is 7.4:1 in xterm's default palette and 5.7:1 in the console's,
        // bright white (bold) 9.4:1 and 13.3:1 (ContrastTests computes them).
        .selected: Attributes(foreground: .index(7), background: .index(4)),
        .selectedInactive: Attributes(foreground: .index(0), background: .index(7)),
        .accent: fg(6),
        .border: Attributes(dim: true),
        .hint: Attributes(dim: true),
        .key: fg(3, bold: true),
        .error: fg(1, bold: true),
        .warning: fg(3),
        .tabActive: Attributes(foreground: .index(7), background: .index(4), bold: true),
        .tabInactive: Attributes(dim: true),
        .bar: fg(6),
        .barEmpty: Attributes(dim: true),
        .category(0): fg(4), .category(1): fg(2), .category(2): fg(3), .category(3): fg(5),
        .category(4): fg(6), .category(5): fg(1), .category(6): fg(4, bold: true),
        .category(7): fg(2, bold: true),
    ])

    /// Only bold, reverse and underline, which every terminal has (htop's monochrome
    /// scheme). Selection is reverse; headings bold+underline; keys bold; the eight
    /// categories use the seven non-empty combinations and plain.
    public static let monochrome = Theme(kind: .monochrome, table: [
        .normal: .plain,
        .dim: .plain,
        .title: Attributes(bold: true),
        .heading: Attributes(bold: true, underline: true),
        .selected: Attributes(reverse: true),
        .selectedInactive: Attributes(underline: true),
        .accent: Attributes(underline: true),
        .border: .plain,
        .hint: .plain,
        .key: Attributes(bold: true),
        .error: Attributes(bold: true, reverse: true),
        .warning: Attributes(bold: true),
        .tabActive: Attributes(bold: true, reverse: true),
        .tabInactive: .plain,
        // Bars are drawn with block glyphs, so plain already shows them; reverse would
        // turn a full block into an empty-looking cell.
        .bar: .plain,
        .barEmpty: .plain,
        .category(0): Attributes(reverse: true),
        .category(1): Attributes(bold: true),
        .category(2): Attributes(underline: true),
        .category(3): Attributes(bold: true, underline: true),
        .category(4): Attributes(reverse: true, underline: true),
        .category(5): Attributes(bold: true, reverse: true),
        .category(6): Attributes(bold: true, reverse: true, underline: true),
        .category(7): .plain,
    ])
}
