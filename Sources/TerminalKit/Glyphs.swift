/// The drawing characters a screen uses, in Unicode or in plain ASCII.
///
/// A terminal whose locale is not UTF-8 would show box drawing as mojibake, so the
/// backend picks `.ascii` there (as htop does) and every widget draws through this set.
/// Each glyph is one cell wide, except `ellipsis` in ASCII (three dots).
public struct Glyphs: Hashable, Sendable {
    public var isUnicode: Bool
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// A full bar cell, and the partial cells from 1/8 to 7/8 (empty in ASCII: no partials).
    public var barFull: String
    public var barEighths: [String]
    public var barEmpty: String
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String
    public var ellipsis: String
    public var bullet: String
    /// Marks the selected row in a list, so selection survives a monochrome screen.
    public var pointer: String
    /// Separates tabs and key hints.
    public var separator: String
    /// A scrollbar's track and thumb.
    public var scrollTrack: String
    public var scrollThumb: String

    public static let unicode = Glyphs(
        isUnicode: true,
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        barFull: "█", barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barEmpty: "░",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        ellipsis: "…", bullet: "•", pointer: "▶", separator: "│",
        scrollTrack: "│", scrollThumb: "┃")

    public static let ascii = Glyphs(
        isUnicode: false,
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        barFull: "#", barEighths: [], barEmpty: ".",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
        ellipsis: "...", bullet: "*", pointer: ">", separator: "|",
        scrollTrack: "|", scrollThumb: "#")

    /// The set for a locale codeset as `nl_langinfo(CODESET)` reports it ("UTF-8",
    /// "utf8", "ANSI_X3.4-1968", ...).
    public static func forCodeset(_ codeset: String) -> Glyphs {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8" ? .unicode : .ascii
    }
}

extension Glyphs {
    /// A one-cell ASCII stand-in for common typographic characters (dashes, quotes,
    /// arrows, bullets, blocks), or the character itself when it has none.
    public static func asciiLookalike(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x80, character.unicodeScalars.count == 1 else { return character }
        switch scalar.value {
        case 0x2010...0x2015, 0x2212, 0x2500, 0x2501, 0x2550: return "-"
        case 0x2018, 0x2019, 0x201A, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201E, 0x2033: return "\""
        case 0x2026, 0x00B7, 0x2022, 0x2219, 0x25CF: return scalar.value == 0x2022 || scalar.value == 0x25CF ? "*" : "."
        case 0x203A, 0x2192, 0x25B6, 0x25B8, 0x276F, 0x00BB: return ">"
        case 0x2039, 0x2190, 0x25C0, 0x00AB: return "<"
        case 0x2191, 0x25B2: return "^"
        case 0x2193, 0x25BC: return "v"
        case 0x2588...0x258F, 0x2593: return "#"
        case 0x2591, 0x2592: return "."
        case 0x2502, 0x2503, 0x2551: return "|"
        case 0x250C...0x254B, 0x2554...0x256C: return "+"
        case 0x00D7: return "x"
        case 0x00F7: return "/" // ÷, in the self-assessment's formula
        case 0x2713, 0x2714: return "x"
        case 0x00A0, 0x2002...0x200A: return " "
        default: return character
        }
    }
}
