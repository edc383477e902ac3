/// What a piece of text *means* on screen, not what colour it is.
///
/// Screens and widgets only ever name roles; a `Theme` decides how each role looks on
/// the terminal at hand. That keeps every screen correct on a 256-colour terminal, an
/// 8-colour console and a monochrome one (or `NO_COLOR`) without a single branch.
public enum StyleRole: Hashable, Sendable {
    case normal
    /// Secondary text: counts, paths, metadata.
    case dim
    /// The screen title in the header line.
    case title
    /// A section heading inside content.
    case heading
    /// The selected row of the focused list.
    case selected
    /// The selected row of a list that does not have focus.
    case selectedInactive
    /// Text that should catch the eye without being a warning (matches, links).
    case accent
    /// Box borders and separators.
    case border
    /// Descriptions in the key-hint bar and help overlay.
    case hint
    /// Key names in the key-hint bar and help overlay.
    case key
    case error
    case warning
    case tabActive
    case tabInactive
    /// The filled part of a `Bar`.
    case bar
    /// The unfilled track of a `Bar`.
    case barEmpty
    /// One of eight distinguishable series colours (timeline categories, chart series).
    /// Values outside 0..7 wrap around, so callers can pass any index.
    case category(Int)

    /// Every role, with the eight categories, so themes can be checked exhaustively.
    public static let allCases: [StyleRole] = [
        .normal, .dim, .title, .heading, .selected, .selectedInactive, .accent, .border,
        .hint, .key, .error, .warning, .tabActive, .tabInactive, .bar, .barEmpty,
    ] + (0..<8).map { .category($0) }

    /// The category index folded into 0..7.
    public var normalized: StyleRole {
        if case .category(let index) = self { return .category(((index % 8) + 8) % 8) }
        return self
    }
}

/// A role plus the few modifiers a screen may add on top of it (a bold word in a
/// normal line). Modifiers add to what the theme gives the role; they never remove.
public struct Style: Hashable, Sendable {
    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Modifiers(rawValue: 1 << 0)
        public static let underline = Modifiers(rawValue: 1 << 1)
        public static let reverse = Modifiers(rawValue: 1 << 2)
    }

    public var role: StyleRole
    public var modifiers: Modifiers

    public init(_ role: StyleRole = .normal, _ modifiers: Modifiers = []) {
        self.role = role.normalized
        self.modifiers = modifiers
    }

    public func bold() -> Style { Style(role, modifiers.union(.bold)) }
    public func underline() -> Style { Style(role, modifiers.union(.underline)) }
    public func reverse() -> Style { Style(role, modifiers.union(.reverse)) }

    public static let normal = Style(.normal)
    public static let dim = Style(.dim)
    public static let title = Style(.title)
    public static let heading = Style(.heading)
    public static let selected = Style(.selected)
    public static let selectedInactive = Style(.selectedInactive)
    public static let accent = Style(.accent)
    public static let border = Style(.border)
    public static let hint = Style(.hint)
    public static let key = Style(.key)
    public static let error = Style(.error)
    public static let warning = Style(.warning)
    public static let tabActive = Style(.tabActive)
    public static let tabInactive = Style(.tabInactive)
    public static let bar = Style(.bar)
    public static let barEmpty = Style(.barEmpty)
    public static func category(_ index: Int) -> Style { Style(.category(index)) }
}
