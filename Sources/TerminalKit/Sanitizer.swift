/// The one gate every string from content passes before it reaches a terminal.
///
/// Content files are not trusted: a title could hold an escape sequence that sets the
/// window title, writes the clipboard or moves the cursor. The sanitizer makes every
/// such character visible and inert instead of obeying it, using ASCII only so the
/// result is safe in any locale: C0 controls as caret notation (`^[`), DEL as `^?`,
/// C1 controls, bidirectional overrides and invisible format characters as `<U+202E>`.
public enum Sanitizer {
    /// Returns `text` with every control or invisible formatting character made visible.
    /// Newlines are kept when `keepNewlines` is true (prose paragraphs); tabs become a space.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        // Fast path: most content is plain printable text.
        if !text.unicodeScalars.contains(where: needsEscape) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A && keepNewlines { out.append(scalar); continue }
            if v == 0x09 { out.append(" "); continue }
            if v < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else if isHidden(v) {
                out.append(contentsOf: "<U+\(hex(v))>".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `text` would change under `clean` (used by validation to warn).
    public static func isClean(_ text: String, keepNewlines: Bool = true) -> Bool {
        !text.unicodeScalars.contains { needsEscape($0) && !(keepNewlines && $0.value == 0x0A) }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || isHidden(v)
    }

    /// C1 controls, bidirectional controls, and zero-width or other invisible characters
    /// that could reorder or hide what the reader sees. ZWJ (U+200D) and variation
    /// selectors are kept: emoji sequences need them and they cannot move the cursor.
    private static func isHidden(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9F, 0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x2028, 0x2029,
             0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
