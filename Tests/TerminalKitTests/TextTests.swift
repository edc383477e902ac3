import XCTest
@testable import TerminalKit

final class TextTests: XCTestCase {
    func testWidthsAreTerminalCells() {
        XCTAssertEqual(TextWidth.of("日本"), 4)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1)
        XCTAssertEqual(TextWidth.of("abc"), 3)
        XCTAssertEqual(TextWidth.of("👍"), 2)
    }

    func testSanitizerShowsControlsAndBidiOverrides() {
        XCTAssertEqual(Sanitizer.clean("a\u{1B}]0;pwned\u{07}b", keepNewlines: false), "a^[]0;pwned^Gb")
        XCTAssertEqual(Sanitizer.clean("x\u{202E}y"), "x<U+202E>y")
        XCTAssertEqual(Sanitizer.clean("a\nb"), "a\nb")
        XCTAssertEqual(Sanitizer.clean("a\u{9B}b"), "a<U+009B>b")
        XCTAssertTrue(Sanitizer.isClean("plain text"))
    }

    func testWrapNeverSplitsWideCharacters() {
        XCTAssertEqual(TextWrap.lines("日本語の文章", width: 5), ["日本", "語の", "文章"])
        XCTAssertEqual(TextWrap.lines("one two three", width: 7), ["one two", "three"])
        XCTAssertEqual(TextWrap.truncate("abcdef", width: 4), "abc…")
        XCTAssertEqual(TextWrap.pad("日", to: 3), "日 ")
    }

    func testStyledLineWrapKeepsStyles() {
        let line = StyledLine(spans: [Span("Salary:", style: .heading), Span(" high and rising fast", style: .normal)])
        let wrapped = line.wrapped(width: 12)
        XCTAssertEqual(wrapped.map(\.text), ["Salary: high", "and rising", "fast"])
        XCTAssertEqual(wrapped[0].spans.first?.style, .heading)
        XCTAssertEqual(wrapped[2].spans.first?.style, .normal)
        XCTAssertEqual(StyledLine("a\n\nb").wrapped(width: 5).map(\.text), ["a", "", "b"])
        XCTAssertEqual(StyledLine("abcdefgh").wrapped(width: 3).map(\.text), ["abc", "def", "gh"])
    }
}
