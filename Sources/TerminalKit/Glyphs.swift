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
