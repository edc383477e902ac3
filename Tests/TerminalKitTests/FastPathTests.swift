import XCTest
@testable import TerminalKit

/// The printable-ASCII fast paths in measuring text and cells give what measuring cluster
/// by cluster gives, controls (shown as `^X`) included.
final class FastPathTests: XCTestCase {
    func testStringWidthsMatchClusterByCluster() {
        let samples = ["hello, world", "", " ", "a\u{7F}b\u{1B}c", "\r\n", "tab\there", "ab日本", "e\u{301}x",
                       "[31mred", String((32..<127).map { Character(UnicodeScalar(UInt8($0))) })]
        for sample in samples {
            XCTAssertEqual(TextWidth.of(sample), sample.reduce(0) { $0 + TextWidth.of($1) }, sample.debugDescription)
        }
        for byte in UInt8(0)..<UInt8(128) {
            let text = "x" + String(UnicodeScalar(byte)) + "y"
            XCTAssertEqual(TextWidth.of(text), text.reduce(0) { $0 + TextWidth.of($1) }, "byte \(byte)")
        }
        XCTAssertEqual(TextWidth.of("hello, world"), 12)
        XCTAssertEqual(TextWidth.of("a\u{1B}b"), 4, "ESC shows as ^[")
    }

    func testCellWidth() {
        XCTAssertEqual(Cell("a").width, 1)
        XCTAssertEqual(Cell("").width, 0)
        XCTAssertEqual(Cell("日").width, 2)
        XCTAssertEqual(Cell("é").width, 1)
    }
}
