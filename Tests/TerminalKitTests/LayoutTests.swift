import XCTest
@testable import TerminalKit

final class LayoutTests: XCTestCase {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    func testHeaderBodyFooter() {
        let areas = Layout.vertical([.length(1), .fill(1), .length(1)]).split(screen)
        XCTAssertEqual(areas, [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    func testFillSharesByWeightAndGivesRemainderToTheFirst() {
        XCTAssertEqual(Layout.sizes([.fill(1), .fill(2)], total: 10), [4, 6])
        XCTAssertEqual(Layout.sizes([.fill(1), .fill(1), .fill(1)], total: 10), [4, 3, 3])
    }

    func testPercentAndMin() {
        XCTAssertEqual(Layout.sizes([.percent(25), .fill(1)], total: 80), [20, 60])
        XCTAssertEqual(Layout.sizes([.min(10), .length(5)], total: 30), [25, 5])
        XCTAssertEqual(Layout.sizes([.min(10), .fill(1)], total: 30), [20, 10])
    }

    func testOverfullConstraintsShrinkLaterAreasNeverNegative() {
        XCTAssertEqual(Layout.sizes([.length(5), .length(5), .fill(1)], total: 7), [5, 2, 0])
        XCTAssertEqual(Layout.sizes([.length(-3), .percent(250)], total: 4), [0, 4])
        XCTAssertEqual(Layout.sizes([.length(3), .fill(1)], total: 0), [0, 0])
        let areas = Layout.horizontal([.length(10), .fill(1), .length(10)], spacing: 2)
            .split(Rect(x: 0, y: 0, width: 5, height: 1))
        XCTAssertTrue(areas.allSatisfy { $0.width >= 0 && $0.right <= 5 })
    }

    func testSpacingLeavesGaps() {
        let areas = Layout.horizontal([.fill(1), .fill(1)], spacing: 2).split(Rect(x: 1, y: 0, width: 12, height: 3))
        XCTAssertEqual(areas, [Rect(x: 1, y: 0, width: 5, height: 3), Rect(x: 8, y: 0, width: 5, height: 3)])
    }

    func testRectHelpersNeverGoNegative() {
        let small = Rect(x: 2, y: 2, width: 3, height: 1)
        XCTAssertEqual(small.inset(by: 5), Rect(x: 3, y: 2, width: 1, height: 1))
        XCTAssertEqual(Rect(x: 0, y: 0, width: -4, height: 2).width, 0)
        XCTAssertEqual(small.splitTop(9).rest.height, 0)
        XCTAssertEqual(small.splitLeft(2).rest, Rect(x: 4, y: 2, width: 1, height: 1))
        XCTAssertEqual(small.splitRight(1).right, Rect(x: 4, y: 2, width: 1, height: 1))
        XCTAssertEqual(small.splitBottom(1).rest.height, 0)
        XCTAssertTrue(small.intersection(Rect(x: 10, y: 10, width: 2, height: 2)).isEmpty)
        XCTAssertEqual(screen.centered(width: 20, height: 4), Rect(x: 30, y: 10, width: 20, height: 4))
        XCTAssertEqual(screen.centered(width: 200, height: 4).width, 80)
    }
}
