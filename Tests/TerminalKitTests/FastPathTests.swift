import XCTest
@testable import TerminalKit

/// The ASCII fast paths in measuring text and cells give what the general path gives.
final class FastPathTests: XCTestCase {
    func testASCIIWidthsMatchTheGeneralRule() {
        XCTAssertEqual(TextWidth.of("hello, world"), 12)
        XCTAssertEqual(TextWidth.of("a\u{7F}b\u{1B}c"), 3, "controls and DEL take no cell")
        XCTAssertEqual(TextWidth.of("\r\n"), 0)
        XCTAssertEqual(TextWidth.of(Character("\r\n")), 0)
        XCTAssertEqual(TextWidth.of(Character("x")), 1)
        XCTAssertEqual(TextWidth.of(Character("\t")), 0)
        XCTAssertEqual(TextWidth.of("ab日本"), 6, "non-ASCII text falls back to cluster widths")
        XCTAssertEqual(TextWidth.of("e\u{301}x"), 2)
        for byte in UInt8(0)..<UInt8(128) {
            let character = Character(UnicodeScalar(byte))
            XCTAssertEqual(TextWidth.of(character), TextWidth.of(scalar: UnicodeScalar(byte)), "byte \(byte)")
        }
    }

    func testCellWidth() {
        XCTAssertEqual(Cell("a").width, 1)
        XCTAssertEqual(Cell("").width, 0)
        XCTAssertEqual(Cell("日").width, 2)
        XCTAssertEqual(Cell("é").width, 1)
    }
}
