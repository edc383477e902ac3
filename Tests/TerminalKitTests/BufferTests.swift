import XCTest
@testable import TerminalKit

final class BufferTests: XCTestCase {
    func testPutWritesTextAndReportsCellsUsed() {
        var buffer = Buffer(width: 10, height: 2)
        XCTAssertEqual(buffer.put("hello", x: 1, y: 0), 5)
        XCTAssertEqual(buffer.lines(), [" hello", ""])
    }

    func testPutStopsAtMaxWidthAndRightEdge() {
        var buffer = Buffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("abcdef", x: 0, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(buffer.lines(), ["abc"])
        XCTAssertEqual(buffer.put("wxyz", x: 4, y: 0), 2)
        XCTAssertEqual(buffer.lines(), ["abc wx"])
    }

    func testPutOutsideTheBufferWritesNothing() {
        var buffer = Buffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("x", x: 0, y: 1), 0)
        XCTAssertEqual(buffer.put("x", x: 9, y: 0), 0)
        XCTAssertEqual(buffer.put("x", x: 0, y: 0, maxWidth: 0), 0)
        XCTAssertEqual(buffer.lines(), [""])
    }

    func testWideCharacterTakesAContinuationCell() {
        var buffer = Buffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("日本", x: 0, y: 0), 4)
        XCTAssertEqual(buffer[0, 0].text, "日")
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].text, "本")
        XCTAssertEqual(buffer.lines(), ["日本"])
    }

    func testOverwritingTheFirstHalfOfAWideCharacterBlanksTheSecond() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("日", x: 0, y: 0)
        buffer.put("a", x: 0, y: 0)
        XCTAssertEqual(buffer[1, 0].text, " ")
        XCTAssertEqual(buffer.lines(), ["a"])
    }

    func testOverwritingTheSecondHalfOfAWideCharacterBlanksTheFirst() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("日", x: 0, y: 0)
        buffer.put("b", x: 1, y: 0)
        XCTAssertEqual(buffer.lines(), [" b"])
    }

    func testWideCharacterOverlappingAnotherBreaksIt() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("日本", x: 0, y: 0)
        buffer.put("語", x: 1, y: 0)
        XCTAssertEqual(buffer.lines(), [" 語 "].map { String($0.reversed().drop { $0 == " " }.reversed()) })
        XCTAssertEqual(buffer[0, 0].text, " ")
        XCTAssertEqual(buffer[3, 0].text, " ")
    }

    func testWideCharacterAtTheClipEdgeBecomesASpace() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.fill(buffer.area, with: "x")
        XCTAssertEqual(buffer.put("ab日", x: 0, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(buffer.lines(), ["ab xx"])
        var edge = Buffer(width: 3, height: 1)
        XCTAssertEqual(edge.put("a日", x: 1, y: 0), 2)
        XCTAssertEqual(edge[2, 0].text, " ")
    }

    func testControlCharactersAreShownNotObeyed() {
        var buffer = Buffer(width: 20, height: 1)
        buffer.put("a\u{1B}[2Jb\nc", x: 0, y: 0)
        XCTAssertEqual(buffer.lines(), ["a^[[2Jb^Jc"])
        XCTAssertFalse(buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    func testFillCoversTheClippedRectangle() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 5, height: 5), with: "#", style: .accent)
        XCTAssertEqual(buffer.lines(), ["", "  ##", "  ##"])
        XCTAssertEqual(buffer[3, 2].style, .accent)
    }

    func testFillRefusesWideAndControlCharacters() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.fill(buffer.area, with: "日")
        XCTAssertEqual(buffer.cells.map(\.text), [" ", " ", " "])
        buffer.fill(buffer.area, with: "\u{07}")
        XCTAssertEqual(buffer.lines(), ["???"])
    }

    func testClearBlanksEverything() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.put("abc", x: 0, y: 0, style: .title)
        buffer.clear()
        XCTAssertEqual(buffer, Buffer(width: 3, height: 1))
    }

    func testPutTruncatedEndsWithTheGlyphSetsEllipsis() {
        var unicode = Buffer(width: 6, height: 1)
        unicode.putTruncated("abcdefgh", x: 0, y: 0, maxWidth: 6)
        XCTAssertEqual(unicode.lines(), ["abcde…"])
        var ascii = Buffer(width: 6, height: 1, glyphs: .ascii)
        ascii.putTruncated("abcdefgh", x: 0, y: 0, maxWidth: 6)
        XCTAssertEqual(ascii.lines(), ["abc..."])
    }

    func testDiffReportsOnlyChangedCells() {
        var before = Buffer(width: 4, height: 2)
        before.put("abcd", x: 0, y: 0)
        var after = before
        after.put("X", x: 2, y: 1)
        after.put("b", x: 1, y: 0, style: .accent)
        XCTAssertEqual(after.diff(from: before), [
            CellChange(x: 1, y: 0, cell: Cell("b", style: .accent)),
            CellChange(x: 2, y: 1, cell: Cell("X")),
        ])
        XCTAssertEqual(after.diff(from: after), [])
    }

    func testDiffIsFullWhenSizesDiffer() {
        let small = Buffer(width: 2, height: 2)
        let large = Buffer(width: 3, height: 2)
        XCTAssertEqual(large.diff(from: small).count, 6)
    }

    func testDiffIncludesBothHalvesOfANewWideCharacter() {
        let before = Buffer(width: 4, height: 1)
        var after = before
        after.put("日", x: 1, y: 0)
        XCTAssertEqual(after.diff(from: before).map(\.x), [1, 2])
        XCTAssertTrue(after.diff(from: before)[1].cell.isContinuation)
    }

    func testSetStyleKeepsText() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.put("abc", x: 0, y: 0)
        buffer.setStyle(.selected, in: Rect(x: 1, y: 0, width: 9, height: 1))
        XCTAssertEqual(buffer.lines(), ["abc"])
        XCTAssertEqual(buffer.cells.map(\.style), [.normal, .selected, .selected])
    }

    func testStyledLinePutsEachSpanInItsStyle() {
        var buffer = Buffer(width: 10, height: 1)
        let line = StyledLine(spans: [Span("ab", style: .key), Span("cd", style: .hint)])
        XCTAssertEqual(buffer.put(line, x: 0, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(buffer.lines(), ["abc"])
        XCTAssertEqual(buffer[2, 0].style, .hint)
    }
}
