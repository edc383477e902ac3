import XCTest
@testable import TerminalKit

/// Text that is hard to lay out, through wrapping, truncation and the Buffer:
/// nothing overflows its width, truncation ends with an ellipsis inside its column, and
/// no wide character or grapheme cluster is ever split.
final class HardTextTests: XCTestCase {
    static let hard: [(String, String)] = [
        ("CJK", "データエンジニアリングの基盤を構築する仕事と日本語の長い文章"),
        ("emoji ZWJ sequences", "Team 👩‍💻👨‍👩‍👧‍👦🧑🏿‍🚀🏳️‍🌈 at work"),
        ("skin tones", "Thumbs 👍🏽👍🏿✋🏻 up"),
        ("flags and tag sequences", "Flags 🇯🇵🇩🇪🇺🇸 and 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
        ("combining marks", "Ze\u{301}ro nai\u{308}ve Z\u{337}\u{322}a\u{335}l\u{336}g\u{338}o e\u{301}\u{302}\u{303}\u{304}"),
        ("Hebrew", "מהנדס נתונים בונה צינורות"),
        ("Arabic", "مهندس البيانات يبني خطوط الأنابيب"),
        ("a very long word", "Donaudampfschifffahrtsgesellschaftskapitänswitwe" + String(repeating: "x", count: 80)),
        ("a long URL", "https://example.com/a/very/long/path/that/never/breaks?query=" + String(repeating: "abcdef", count: 10)),
        ("everything", "ML エンジニア 👩🏽‍🔬 builds מודלים with مهندس at https://x.example/no-spaces-at-all-here e\u{301}"),
    ]

    /// The cells a line takes: each character, then "" for the second half of a wide one.
    static func cells(_ line: String) -> [String] {
        line.flatMap { character -> [String] in
            switch TextWidth.of(character) {
            case 0: return []
            case 2: return [String(character), ""]
            default: return [String(character)]
            }
        }
    }

    static func assertWholeCharacters(_ buffer: Buffer, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                XCTAssertLessThanOrEqual(cell.text.count, 1, "\(what): one character per cell", file: file, line: line)
                if cell.width == 2 {
                    XCTAssertTrue(x + 1 < buffer.width && buffer[x + 1, y].isContinuation, "\(what): wide character at (\(x), \(y)) split",
                                  file: file, line: line)
                }
                if cell.isContinuation {
                    XCTAssertTrue(x > 0 && buffer[x - 1, y].width == 2, "\(what): orphan second half at (\(x), \(y))", file: file, line: line)
                }
            }
        }
    }

    func testWidthsOfHardText() {
        XCTAssertEqual(TextWidth.of("👩‍💻"), 2)
        XCTAssertEqual(TextWidth.of("👨‍👩‍👧‍👦"), 2)
        XCTAssertEqual(TextWidth.of("👍🏽"), 2)
        XCTAssertEqual(TextWidth.of("🇯🇵"), 2)
        XCTAssertEqual(TextWidth.of("🏳️‍🌈"), 2)
        XCTAssertEqual(TextWidth.of("e\u{301}\u{302}\u{303}"), 1)
        XCTAssertEqual(TextWidth.of("מהנדס"), 5)
        XCTAssertEqual(TextWidth.of("日本語"), 6)
    }

    func testWrappingNeverOverflowsSplitsOrLosesText() {
        for (name, text) in Self.hard {
            for width in 1...60 {
                let lines = TextWrap.lines(text, width: width)
                for line in lines { XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(name) at \(width): \(line)") }
                let styled = StyledLine(text).wrapped(width: width).map(\.text)
                for line in styled { XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(name) styled at \(width): \(line)") }
                guard width >= 2 else { continue }
                // Every grapheme cluster arrives whole and in order.
                let original = Array(text.filter { $0 != " " })
                XCTAssertEqual(Array(lines.joined().filter { $0 != " " }), original, "\(name) at \(width)")
                XCTAssertEqual(Array(styled.joined().filter { $0 != " " }), original, "\(name) styled at \(width)")
            }
        }
    }

    func testTruncationEndsWithAnEllipsisInsideTheColumn() {
        for (name, text) in Self.hard {
            let full = TextWidth.of(text)
            for width in 2...(full + 2) {
                let cut = TextWrap.truncate(text, width: width)
                let used = TextWidth.of(cut)
                XCTAssertLessThanOrEqual(used, width, "\(name) at \(width)")
                guard full > width else { XCTAssertEqual(cut, text); continue }
                XCTAssertTrue(cut.hasSuffix("…"), "\(name) at \(width): \(cut)")
                let kept = String(cut.dropLast())
                XCTAssertTrue(text.hasPrefix(kept), "\(name) at \(width): a prefix of whole characters")
                if used < width {
                    // Only a wide character that would straddle the ellipsis's cell leaves a gap.
                    XCTAssertEqual(used, width - 1, "\(name) at \(width)")
                    XCTAssertEqual(TextWidth.of(text[text.index(text.startIndex, offsetBy: kept.count)]), 2, "\(name) at \(width)")
                }
            }
        }
    }

    func testBufferKeepsHardTextInsideItsSpan() {
        for (name, text) in Self.hard {
            for x in [0, 3] {
                for maxWidth in 1...24 {
                    for truncated in [false, true] {
                        var buffer = Buffer(width: 30, height: 1)
                        buffer.fill(buffer.area, with: "#")
                        let used = truncated ? buffer.putTruncated(text, x: x, y: 0, maxWidth: maxWidth) : buffer.put(text, x: x, y: 0, maxWidth: maxWidth)
                        let what = "\(name) at x \(x) in \(maxWidth) cells\(truncated ? ", truncated" : "")"
                        XCTAssertLessThanOrEqual(used, maxWidth, what)
                        for column in 0..<30 where column < x || column >= x + maxWidth {
                            XCTAssertEqual(buffer[column, 0].text, "#", "\(what): cell \(column) outside the span changed")
                        }
                        Self.assertWholeCharacters(buffer, what)
                        if truncated && TextWidth.of(text) > maxWidth {
                            XCTAssertEqual(buffer[x + used - 1, 0].text, "…", "\(what): ends with the ellipsis")
                        }
                    }
                }
            }
        }
    }

    func testWideCharacterAtEveryColumnEdge() {
        // "日" starting on the last cell of a span, or straddling the buffer's edge.
        for offset in 0..<6 {
            var buffer = Buffer(width: 7, height: 1)
            buffer.fill(buffer.area, with: "#")
            buffer.put(String(repeating: "a", count: offset) + "日本", x: 1, y: 0, maxWidth: 4)
            Self.assertWholeCharacters(buffer, "offset \(offset)")
            XCTAssertEqual(buffer[0, 0].text, "#")
            XCTAssertEqual(buffer[5, 0].text, "#", "offset \(offset): nothing past the span")
        }
    }
}
