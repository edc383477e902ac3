import TerminalKit
import XCTest

final class BufferLimitTests: XCTestCase {
    /// Issue 16, item 4: a terminal claiming 40000x5000 cells must not cost gigabytes.
    func testABufferLargerThanAnyTerminalIsNotAllocated() {
        let buffer = Buffer(width: 40_000, height: 5_000)
        XCTAssertEqual(buffer.width, Buffer.maximumWidth)
        XCTAssertEqual(buffer.height, Buffer.maximumHeight)
        XCTAssertEqual(buffer.cells.count, Buffer.maximumWidth * Buffer.maximumHeight)
    }
}
