import XCTest
@testable import TerminalKit

/// Widgets are checked the way a user sees them: render into a buffer, read the rows.
final class WidgetTests: XCTestCase {
    func render(_ width: Int, _ height: Int, glyphs: Glyphs = .unicode,
                _ draw: (inout Buffer, Rect) -> Void) -> Buffer {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        draw(&buffer, buffer.area)
        return buffer
    }

    // MARK: ListView

    func testListMarksAndHighlightsTheSelection() {
        let list = ListView(strings: ["alpha", "beta", "gamma"])
        let buffer = render(10, 3) { list.render(into: &$0, area: $1, state: ListState(selected: 1)) }
        XCTAssertEqual(buffer.lines(), ["  alpha", "▶ beta", "  gamma"])
        XCTAssertEqual(buffer[9, 1].style, .selected)
        XCTAssertEqual(buffer[2, 1].style, .selected)
        XCTAssertEqual(buffer[2, 0].style, .normal)
        let inactive = ListView(strings: ["alpha"], isFocused: false)
        let b2 = render(10, 1) { inactive.render(into: &$0, area: $1, state: ListState(selected: 0)) }
        XCTAssertEqual(b2[5, 0].style, .selectedInactive)
    }

    func testListScrollsToKeepTheSelectionVisibleAndShowsArrows() {
        let list = ListView(strings: (1...10).map { "item \($0)" })
        var state = ListState()
        state.select(6, count: 10, visibleRows: 3)
        XCTAssertEqual(state.offset, 4)
        let buffer = render(12, 3) { list.render(into: &$0, area: $1, state: state) }
        XCTAssertEqual(buffer.lines(), ["  item 5   ↑", "  item 6", "▶ item 7   ↓"])
        // Moving up inside the page does not scroll.
        state.move(by: -1, count: 10, visibleRows: 3)
        XCTAssertEqual(state.offset, 4)
        state.page(by: -1, count: 10, visibleRows: 3)
        XCTAssertEqual(state.selected, 3)
        XCTAssertEqual(state.offset, 3)
        state.selectLast(count: 10, visibleRows: 3)
        XCTAssertEqual(state.offset, 7)
        state.move(by: 5, count: 10)
        XCTAssertEqual(state.selected, 9)
    }

    func testListRenderRevealsSelectionEvenWithAStaleOffset() {
        let list = ListView(strings: (1...10).map { "i\($0)" }, showsPointer: false)
        let buffer = render(5, 2) { list.render(into: &$0, area: $1, state: ListState(selected: 9, offset: 0)) }
        XCTAssertEqual(buffer.lines(), ["i9  ↑", "i10"])
        XCTAssertEqual(list.index(atRow: 1, area: buffer.area, state: ListState(selected: 9)), 9)
        XCTAssertNil(ListView(strings: ["a"]).index(atRow: 1, area: buffer.area, state: ListState()))
    }

    func testEmptyListSelectsNothing() {
        var state = ListState()
        state.move(by: 1, count: 0, visibleRows: 5)
        XCTAssertNil(state.selected)
        XCTAssertEqual(state.offset, 0)
    }

    func testListTruncatesLongItems() {
        let list = ListView(strings: ["a very long item"], showsPointer: false)
        let buffer = render(8, 1) { list.render(into: &$0, area: $1, state: ListState(selected: nil)) }
        XCTAssertEqual(buffer.lines(), ["a very …"])
    }

    // MARK: Viewport

    func testViewportScrollsAndClamps() {
        let lines = (1...10).map { "line \($0)" }
        var state = ViewportState()
        state.pageDown(contentHeight: 10, visibleRows: 4)
        XCTAssertEqual(state.offset, 3)
        state.scroll(by: 100, contentHeight: 10, visibleRows: 4)
        XCTAssertEqual(state.offset, 6)
        state.pageUp(contentHeight: 10, visibleRows: 4)
        XCTAssertEqual(state.offset, 3)
        state.scroll(by: -100, contentHeight: 10, visibleRows: 4)
        XCTAssertEqual(state.offset, 0)
        state.scrollToBottom(contentHeight: 10, visibleRows: 4)
        let buffer = render(10, 4) { Viewport(strings: lines).render(into: &$0, area: $1, state: state) }
        XCTAssertEqual(buffer.lines(), ["line 7   │", "line 8   │", "line 9   │", "line 10  ┃"])
    }

    func testViewportWithoutOverflowHasNoScrollbar() {
        let buffer = render(10, 3) {
            Viewport(strings: ["one", "two"]).render(into: &$0, area: $1, state: ViewportState(offset: 5))
        }
        XCTAssertEqual(buffer.lines(), ["one", "two", ""])
    }

    func testScrollbarThumbTouchesEndsOnlyAtTheEnds() {
        XCTAssertEqual(Viewport.thumb(offset: 0, contentHeight: 100, visibleRows: 10), 0..<1)
        XCTAssertEqual(Viewport.thumb(offset: 90, contentHeight: 100, visibleRows: 10), 9..<10)
        XCTAssertEqual(Viewport.thumb(offset: 1, contentHeight: 100, visibleRows: 10).lowerBound, 1)
        XCTAssertEqual(Viewport.thumb(offset: 89, contentHeight: 100, visibleRows: 10).upperBound, 9)
    }

    // MARK: Tabs

    func testTabsNumberAndHighlightTheActiveOne() {
        let tabs = Tabs(["Overview", "Compare", "Timeline"], selected: 1)
        let buffer = render(40, 1) { tabs.render(into: &$0, area: $1) }
        XCTAssertEqual(buffer.lines(), [" 1 Overview │ 2 Compare │ 3 Timeline"])
        XCTAssertEqual(buffer[14, 0].style, .tabActive)
        XCTAssertEqual(buffer[1, 0].style, .key)
        XCTAssertEqual(tabs.tab(atColumn: 15, area: buffer.area), 1)
        XCTAssertEqual(tabs.tab(atColumn: 0, area: buffer.area), 0)
        XCTAssertNil(tabs.tab(atColumn: 39, area: buffer.area))
    }

    func testTabsShortenTitlesThenFallBackToNumbers() {
        let tabs = Tabs(["Overview", "Compare", "Timeline"], selected: 0)
        let narrow = render(26, 1) { tabs.render(into: &$0, area: $1) }
        XCTAssertEqual(narrow.lines(), [" 1 Ove… │ 2 Com… │ 3 Tim…"])
        let tiny = render(12, 1) { tabs.render(into: &$0, area: $1) }
        XCTAssertEqual(tiny.lines(), [" 1 │ 2 │ 3"])
    }

    // MARK: KeyHints

    func testKeyHintsDropPairsThatDoNotFit() {
        let hints = KeyHints(entries: [
            .init(label: "j/k", description: "move"),
            .init(label: "Enter", description: "open the selected role"),
            .init(label: "q", description: "quit"),
        ])
        let wide = render(60, 1) { hints.render(into: &$0, area: $1) }
        XCTAssertEqual(wide.lines(), ["j/k move  Enter open the selected role  q quit"])
        XCTAssertEqual(wide[0, 0].style, .key)
        XCTAssertEqual(wide[4, 0].style, .hint)
        let narrow = render(20, 1) { hints.render(into: &$0, area: $1) }
        XCTAssertEqual(narrow.lines(), ["j/k move  q quit"])
    }

    // MARK: Box

    func testBoxDrawsBorderAndTitle() {
        let buffer = render(12, 3) { Box(title: "Roles").render(into: &$0, area: $1) }
        XCTAssertEqual(buffer.lines(), ["┌─ Roles ──┐", "│          │", "└──────────┘"])
        XCTAssertEqual(buffer[3, 0].style, .title)
        XCTAssertEqual(Box.inner(buffer.area), Rect(x: 1, y: 1, width: 10, height: 1))
    }

    func testBoxInAsciiAndWithALongTitle() {
        let buffer = render(10, 2, glyphs: .ascii) { Box(title: "A long title").render(into: &$0, area: $1) }
        XCTAssertEqual(buffer.lines(), ["+- A... -+", "+--------+"])
    }

    // MARK: Bar

    func testBarUsesEighthBlocks() {
        XCTAssertEqual(Bar.cells(fraction: 0.5, width: 4, glyphs: .unicode).cells.joined(), "██░░")
        XCTAssertEqual(Bar.cells(fraction: 0.3, width: 4, glyphs: .unicode).cells.joined(), "█▎░░")
        XCTAssertEqual(Bar.cells(fraction: 1.5, width: 3, glyphs: .unicode).cells.joined(), "███")
        XCTAssertEqual(Bar.cells(fraction: .nan, width: 3, glyphs: .unicode).cells.joined(), "░░░")
        XCTAssertEqual(Bar.cells(fraction: 0.3, width: 4, glyphs: .ascii).cells.joined(), "#...")
    }

    func testBarStylesFilledAndEmptyCells() {
        let buffer = render(4, 1) { Bar(0.3).render(into: &$0, area: $1) }
        XCTAssertEqual(buffer.cells.map(\.style), [.bar, .bar, .barEmpty, .barEmpty])
    }

    // MARK: Too small

    func testTooSmallNotice() {
        let notice = TooSmallNotice(minimumWidth: 60, minimumHeight: 20)
        let buffer = render(40, 5) { notice.render(into: &$0, area: $1) }
        XCTAssertTrue(notice.applies(to: buffer.area))
        XCTAssertFalse(notice.applies(to: Rect(x: 0, y: 0, width: 80, height: 24)))
        XCTAssertEqual(buffer.lines()[1].trimmingCharacters(in: .whitespaces), "Terminal too small")
        XCTAssertTrue(buffer.lines()[2].contains("need 60x20, have 40x5"))
    }
}
