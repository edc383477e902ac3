import XCTest
@testable import TerminalKit

/// Each hostile sequence a content file could hold, and what the sanitizer shows instead.
final class SanitizerTests: XCTestCase {
    /// (what it is, the hostile text, what must be shown)
    static let hostile: [(String, String, String)] = [
        ("ESC alone", "a\u{1B}b", "a^[b"),
        ("CSI clear screen", "\u{1B}[2J", "^[[2J"),
        ("CSI colour", "\u{1B}[31mred\u{1B}[0m", "^[[31mred^[[0m"),
        ("OSC 0 window title, BEL", "\u{1B}]0;pwned\u{07}", "^[]0;pwned^G"),
        ("OSC 2 window title, ST", "\u{1B}]2;pwned\u{1B}\\", "^[]2;pwned^[\\"),
        ("OSC 8 link", "\u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
         "^[]8;;http://evil.example^[\\click^[]8;;^[\\"),
        ("OSC 52 clipboard write", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "^[]52;c;cm0gLXJmIH4=^G"),
        ("DCS", "\u{1B}P1$qm\u{1B}\\", "^[P1$qm^[\\"),
        ("APC and PM", "\u{1B}_x\u{1B}\\\u{1B}^y\u{1B}\\", "^[_x^[\\^[^y^[\\"),
        ("BEL", "ding\u{07}", "ding^G"),
        ("backspace", "abc\u{08}\u{08}X", "abc^H^HX"),
        ("carriage return", "safe\rEVIL", "safe^MEVIL"),
        ("NUL and DEL", "a\u{0}b\u{7F}c", "a^@b^?c"),
        ("C1 CSI U+009B", "\u{9B}31m", "<U+009B>31m"),
        ("C1 OSC U+009D", "\u{9D}0;pwned\u{9C}", "<U+009D>0;pwned<U+009C>"),
        ("C1 DCS and others", "\u{80}\u{85}\u{90}\u{9F}", "<U+0080><U+0085><U+0090><U+009F>"),
        ("bidi embeddings and overrides", "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}",
         "<U+202A><U+202B><U+202C><U+202D><U+202E>"),
        ("bidi isolates", "\u{2066}\u{2067}\u{2068}\u{2069}", "<U+2066><U+2067><U+2068><U+2069>"),
        ("bidi marks", "\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+061C>"),
        ("zero-width space, non-joiner, word joiner, BOM", "a\u{200B}b\u{200C}c\u{2060}d\u{FEFF}e",
         "a<U+200B>b<U+200C>c<U+2060>d<U+FEFF>e"),
        ("zero-width joiner outside an emoji", "a\u{200D}b", "a<U+200D>b"),
        ("soft hyphen", "in\u{AD}visible", "in<U+00AD>visible"),
        ("line and paragraph separators", "a\u{2028}b\u{2029}c", "a<U+2028>b<U+2029>c"),
        ("Hangul fillers", "\u{3164}\u{115F}\u{FFA0}", "<U+3164><U+115F><U+FFA0>"),
        ("a trojan-source style reordering", "admin\u{202E}\u{2066}// check\u{2069}\u{2066}",
         "admin<U+202E><U+2066>// check<U+2069><U+2066>"),
    ]

    func testEveryHostileSequenceIsShownNotObeyed() {
        for (name, text, shown) in Self.hostile {
            let cleaned = Sanitizer.clean(text)
            XCTAssertEqual(cleaned, shown, name)
            XCTAssertTrue(cleaned.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F || $0.value > 0x9F && !Sanitizer.isUnsafe($0) },
                          name)
            XCTAssertEqual(Sanitizer.clean(cleaned), cleaned, "idempotent: \(name)")
            XCTAssertFalse(Sanitizer.isClean(text), name)
        }
    }

    func testNewlinesAndTabs() {
        XCTAssertEqual(Sanitizer.clean("a\nb\tc"), "a\nb c")
        XCTAssertEqual(Sanitizer.clean("a\nb", keepNewlines: false), "a^Jb")
        XCTAssertEqual(Sanitizer.clean("a\r\nb"), "a^M\nb")
    }

    func testEmojiSequencesAndOrdinaryTextPassUntouched() {
        for text in ["👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🧑🏿‍🚀", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
                     "1️⃣", "日本語", "e\u{301}", "שלום", "مرحبا", "naïve café", "Ünïcödé — “quotes” …"] {
            XCTAssertEqual(Sanitizer.clean(text), text, text)
            XCTAssertTrue(Sanitizer.isClean(text), text)
        }
        // A joiner or tag that is not inside an emoji sequence is shown.
        XCTAssertEqual(Sanitizer.clean("1\u{200D}2"), "1<U+200D>2")
        XCTAssertEqual(Sanitizer.clean("👍\u{200D}"), "👍<U+200D>")
        XCTAssertEqual(Sanitizer.clean("a\u{E0041}"), "a<U+E0041>")
    }

    func testWidthsMatchWhatIsShown() {
        XCTAssertEqual(TextWidth.of("a\u{1B}b"), 4)
        XCTAssertEqual(TextWidth.of("\u{202E}"), 8)
        XCTAssertEqual(TextWidth.of("a\u{200C}"), 9, "a joiner that clusters with its letter is measured as shown")
        XCTAssertEqual(TextWidth.of("\t"), 1)
        for (name, text, _) in Self.hostile {
            var buffer = Buffer(width: 200, height: 1)
            XCTAssertEqual(buffer.put(text, x: 0, y: 0), TextWidth.of(text), name)
        }
    }

    func testWrappingAndTruncatingHostileTextNeverOverflows() {
        let text = Self.hostile.map(\.1).joined(separator: " ")
        for width in [1, 2, 5, 9, 13, 40] {
            for line in TextWrap.lines(text, width: width) where width >= 8 {
                XCTAssertLessThanOrEqual(TextWidth.of(Sanitizer.clean(line, keepNewlines: false)), width, line)
            }
            for line in StyledLine(text).wrapped(width: width) where width >= 8 {
                XCTAssertLessThanOrEqual(TextWidth.of(Sanitizer.clean(line.text, keepNewlines: false)), width, line.text)
            }
            XCTAssertLessThanOrEqual(TextWidth.of(TextWrap.truncate(text, width: width)), width)
        }
    }
}
