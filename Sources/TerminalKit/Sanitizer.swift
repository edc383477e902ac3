/// The one gate every string from content passes before it reaches a terminal.
///
/// Content files are not trusted: a title could hold an escape sequence that sets the
/// window title, writes the clipboard or moves the cursor, or a bidirectional override
/// that makes text read differently from what it is. The sanitizer makes every such
/// character visible and inert instead of obeying it, using ASCII only so the result is
/// safe in any locale: C0 controls as caret notation (`^[`), DEL as `^?`, and C1
/// controls, bidirectional controls and invisible characters as `<U+202E>`.
///
/// What it shows in place of a character is always printable ASCII, so `clean` is
/// idempotent and its output never needs cleaning again.
public enum Sanitizer {
    /// Returns `text` with every control or invisible formatting character made visible.
    /// Newlines are kept when `keepNewlines` is true (prose paragraphs); tabs become a space.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        // Fast path: most content is plain printable text.
        if !text.unicodeScalars.contains(where: isUnsafe) { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            let v = scalar.value
            if v == 0x0A && keepNewlines { out.append(scalar); continue }
            if v == 0x09 { out.append(" "); continue }
            if !isUnsafe(scalar) || isPartOfEmoji(scalars, index) { out.append(scalar); continue }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// True when `text` would change under `clean`.
    public static func isClean(_ text: String, keepNewlines: Bool = true) -> Bool {
        clean(text, keepNewlines: keepNewlines) == text
    }

    /// How `clean` shows an unsafe scalar: `^[` for C0 controls, `^?` for DEL, `<U+XXXX>`
    /// for the rest.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20 { return "^" + String(Unicode.Scalar(UInt8(v + 0x40))) }
        if v == 0x7F { return "^?" }
        return "<U+\(hex(v))>"
    }

    /// True for every scalar a terminal would obey, or could draw as nothing or as a
    /// reordering of its neighbours: C0 controls (tab and newline included; `clean`
    /// decides what happens to those), DEL, C1 controls (U+0080–U+009F, among them the
    /// one-byte CSI U+009B and OSC U+009D), every format character (general category Cf:
    /// bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069,
    /// the marks U+200E/U+200F/U+061C, zero-width space, joiners, word joiner, BOM, soft
    /// hyphen, tags, interlinear annotations), the line and paragraph separators, and the
    /// blank Hangul fillers that draw as nothing. JSON output escapes exactly these.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F) { return true }
        if v < 0xAD { return false }
        switch v {
        case 0x2028, 0x2029, 0x115F, 0x1160, 0x3164, 0xFFA0: return true
        default: return scalar.properties.generalCategory == .format
        }
    }

    /// Format characters that emoji sequences need, which cannot move the cursor and
    /// draw as part of the emoji: a zero-width joiner between two emoji (👩‍💻, 🏳️‍🌈) and the
    /// tag characters of a subdivision flag (🏴 followed by tags and a cancel tag).
    private static func isPartOfEmoji(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        let v = scalars[index].value
        guard index > 0 else { return false }
        let previous = scalars[index - 1]
        if v == 0x200D {
            guard index + 1 < scalars.count else { return false }
            return isEmojiPart(previous) && isEmojiBase(scalars[index + 1])
        }
        if v >= 0xE0020 && v <= 0xE007F {
            return isEmojiBase(previous) || (previous.value >= 0xE0020 && previous.value <= 0xE007E)
        }
        return false
    }

    /// A pictographic emoji (not the digits, `#` and `*` that are emoji only in keycaps).
    private static func isEmojiBase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xA9 && scalar.properties.isEmoji
    }

    /// What may end the left side of a ZWJ sequence: an emoji, a skin-tone modifier or
    /// the emoji presentation selector (which are emoji properties too).
    private static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        isEmojiBase(scalar) || scalar.value == 0xFE0F || scalar.properties.isEmojiModifier
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
