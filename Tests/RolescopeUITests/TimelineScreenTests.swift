import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The Timeline tab: moving through a day, opening a destination, the week toggle, the
/// side-by-side comparison, role switching, mouse and paging, and what it looks like.
final class TimelineScreenTests: XCTestCase {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String = "minimal") throws -> Catalog {
        try CatalogLoader.load(directory: tests.appendingPathComponent("Fixtures").appendingPathComponent(name))
    }

    static func realCatalog() throws -> Catalog {
        try CatalogLoader.load(directory: tests.deletingLastPathComponent().appendingPathComponent("assets"))
    }

    /// The minimal catalog with a day for the thinker too, so two days can be compared.
    static func fixtureWithTwoDays() throws -> Catalog {
        var catalog = try fixture()
        let slot = { (start: String, end: String) in TimeSlot.clock(start, end)! }
        catalog.timelines.append(Timeline(
            id: "thinker-day", role: "thinker", kind: .day, title: "A thinker's day", provenance: .sourced,
            sources: ["beta"], note: "Times are estimates.", entries: [
                TimelineEntry(slot: slot("09:30", "11:00"), title: "Explore the data", detail: "Look for what is odd.",
                              category: "build", sources: ["beta"]),
                TimelineEntry(slot: slot("11:00", "12:00"), title: "Review", detail: "", category: "meetings", sources: ["beta"]),
                TimelineEntry(slot: slot("13:00", "17:00"), title: "Write it up", detail: "A long afternoon.",
                              category: "build", sources: ["alpha"]),
            ]))
        return catalog
    }

    func screen(_ catalog: Catalog, width: Int = 80, height: Int = 21) -> TimelineScreen {
        var screen = TimelineScreen(catalog: catalog)
        _ = screen.update(.resize(width: width, height: height))
        return screen
    }

    @discardableResult
    func press(_ screen: inout TimelineScreen, _ keys: Key...) -> [ScreenResult] {
        keys.map { screen.update(.key($0)) }
    }

    func text(_ screen: TimelineScreen, width: Int = 80, height: Int = 21, glyphs: Glyphs = .unicode) -> String {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        screen.render(into: &buffer, area: buffer.area)
        return buffer.lines().joined(separator: "\n")
    }

    func snapshot(_ screen: TimelineScreen, width: Int, height: Int, named name: String,
                  file: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        var screen = screen
        _ = screen.update(.resize(width: width, height: height))
        assertSnapshot(of: text(screen, width: width, height: height), as: .lines, named: "\(name)-\(width)x\(height)",
                       file: file, testName: testName, line: line)
    }

    // MARK: Moving between entries

    func testOpensOnTheFirstRoleWithADay() throws {
        let screen = screen(try Self.fixture())
        XCTAssertEqual(screen.role, "builder")
        XCTAssertEqual(screen.kind, .day)
        XCTAssertEqual(screen.breadcrumb, "Timeline › Pipeline Builder › Day")
        XCTAssertTrue(screen.isAtTop)
        XCTAssertEqual(screen.selectedPick, .init(column: 0, entry: 0))
    }

    func testJKArrowsAndGGMoveBetweenEntries() throws {
        var screen = screen(try Self.fixture())
        press(&screen, .char("j"), .down)
        XCTAssertEqual(screen.selectedEntry?.title, "Lunch")
        press(&screen, .char("k"))
        XCTAssertEqual(screen.selectedEntry?.title, "Stand-up")
        press(&screen, .char("G"))
        XCTAssertEqual(screen.selectedEntry?.title, "Orchestration")
        press(&screen, .char("j"))
        XCTAssertEqual(screen.selectedEntry?.title, "Orchestration", "stops at the last entry")
        press(&screen, .home)
        XCTAssertEqual(screen.selectedEntry?.title, "Fix ingestion")
        press(&screen, .up)
        XCTAssertEqual(screen.selectedEntry?.title, "Fix ingestion", "stops at the first entry")
        XCTAssertEqual(press(&screen, .char("x")), [.ignored], "unused keys fall to the app")
    }

    func testTheSelectedEntryScrollsIntoViewAndShowsItsDetailAndSources() throws {
        var screen = screen(try Self.fixture(), width: 60, height: 13)
        press(&screen, .char("G"))
        XCTAssertGreaterThan(screen.offset, 0, "the day is taller than the area, so it scrolls")
        let shown = text(screen, width: 60, height: 13)
        XCTAssertTrue(shown.contains("▶[B] Orchestration"), shown)
        XCTAssertTrue(shown.contains("[B] 13:00–16:00  Orchestration"), "the entry pane names it: \(shown)")
        XCTAssertTrue(shown.contains("Sources: Alpha"), shown)
        press(&screen, .char("g"))
        XCTAssertEqual(screen.offset, 0)
    }

    func testPageKeysAndTheWheelScrollTheDay() throws {
        var screen = screen(try Self.fixture(), width: 60, height: 13)
        press(&screen, .pageDown)
        XCTAssertGreaterThan(screen.offset, 0)
        XCTAssertTrue(screen.visiblePicks.contains(screen.selectedPick!), "the selection follows onto the page")
        let paged = screen.offset
        press(&screen, .ctrl("u"))
        XCTAssertLessThan(screen.offset, paged, "Ctrl-U goes up")
        XCTAssertGreaterThan(screen.offset, 0, "by half a page only")
        press(&screen, .char("b"))
        XCTAssertEqual(screen.offset, 0, "b is a whole page up")
        _ = screen.update(.mouse(MouseEvent(x: 10, y: 6, kind: .wheelDown)))
        XCTAssertEqual(screen.offset, 3)
        XCTAssertEqual(screen.selectedEntry?.title, "Fix ingestion", "the wheel scrolls without moving the selection")
        _ = screen.update(.mouse(MouseEvent(x: 10, y: 6, kind: .wheelUp)))
        XCTAssertEqual(screen.offset, 0)
    }

    func testClickingABlockSelectsItAndClickingAgainOpensItsDetails() throws {
        var screen = screen(try Self.fixture())
        // The axis starts at 09:00 with a row per quarter hour, so 12:00 (Lunch) is 12 rows down.
        let y = screen.layout(in: Rect(x: 0, y: 0, width: 80, height: 21)).body.y + 12
        _ = screen.update(.mouse(MouseEvent(x: 20, y: y, kind: .press)))
        XCTAssertEqual(screen.selectedEntry?.title, "Lunch")
        _ = screen.update(.mouse(MouseEvent(x: 20, y: y, kind: .press)))
        XCTAssertEqual(screen.level, .details)
        XCTAssertEqual(screen.breadcrumb, "Timeline › Pipeline Builder › Day › Lunch")
    }

    func testEnterOpensDetailsAndEscOrQComesBack() throws {
        var screen = screen(try Self.fixture())
        press(&screen, .char("j"), .enter)
        XCTAssertFalse(screen.isAtTop)
        let shown = text(screen)
        XCTAssertTrue(shown.contains("Stand-up"), shown)
        XCTAssertTrue(shown.contains("Beta: Beta article. Beta Blog, 2026-05."), "sources by name: \(shown)")
        XCTAssertTrue(shown.contains("Composed for tests."), "the note: \(shown)")
        XCTAssertEqual(press(&screen, .char("q")), [.handled])
        XCTAssertTrue(screen.isAtTop)
        XCTAssertEqual(screen.selectedEntry?.title, "Stand-up")
        press(&screen, .right)
        XCTAssertEqual(screen.level, .details)
        press(&screen, .escape)
        XCTAssertEqual(screen.level, .single)
        XCTAssertEqual(press(&screen, .escape), [.ignored], "at the top, Esc is the app's")
    }

    // MARK: Opening a destination

    func testShowSelectsTheEntryAndScrollsItIntoView() throws {
        var screen = screen(try Self.realCatalog(), width: 60, height: 13)
        screen.show(role: "data-engineer", kind: .day, entry: 7)
        XCTAssertEqual(screen.breadcrumb, "Timeline › Data Engineer › Day")
        XCTAssertEqual(screen.selectedEntry?.title, "Schedule the new jobs")
        XCTAssertTrue(screen.visiblePicks.contains(.init(column: 0, entry: 7)))
        XCTAssertGreaterThan(screen.offset, 0)
        XCTAssertTrue(text(screen, width: 60, height: 13).contains("▶[O] Schedule the new jobs"))

        screen.show(role: "ml-engineer", kind: .week, entry: 4)
        XCTAssertEqual(screen.breadcrumb, "Timeline › ML Engineer › Week")
        XCTAssertEqual(screen.selectedEntry?.title, "Build monitoring and drift detection")
        XCTAssertTrue(screen.visiblePicks.contains(.init(column: 0, entry: 4)))
    }

    func testShowWithAKindTheRoleLacksSaysSo() throws {
        var screen = screen(try Self.fixture())
        screen.show(role: "builder", kind: .week, entry: 2)
        XCTAssertEqual(screen.kind, .day)
        XCTAssertEqual(screen.status, "Pipeline Builder has no week; showing the day.")
        XCTAssertTrue(text(screen).contains("Pipeline Builder has no week;"), "the status is in the side panel")
        XCTAssertTrue(text(screen, width: 70, height: 21).contains("Pipeline Builder has no week; showing the day."),
                      "or on the bottom row when narrow")
        screen.show(role: "nobody", kind: .day, entry: nil)
        XCTAssertEqual(screen.status, "No timeline for nobody.")
        XCTAssertEqual(screen.role, "builder")
    }

    // MARK: Weeks

    func testWTogglesTheWeekAndBack() throws {
        var screen = screen(try Self.realCatalog())
        screen.show(role: "ml-engineer", kind: .day, entry: nil)
        press(&screen, .char("w"))
        XCTAssertEqual(screen.kind, .week)
        XCTAssertEqual(screen.breadcrumb, "Timeline › ML Engineer › Week")
        XCTAssertTrue(screen.isAtTop, "the week is a peer of the day, not a level below it")
        XCTAssertTrue(text(screen).contains("Mon am"))
        press(&screen, .char("w"))
        XCTAssertEqual(screen.kind, .day)
    }

    func testWReportsAMissingWeek() throws {
        var screen = screen(try Self.fixture())
        XCTAssertEqual(press(&screen, .char("w")), [.handled])
        XCTAssertEqual(screen.kind, .day)
        XCTAssertEqual(screen.status, "No week for Pipeline Builder; only Data Thinker has one.")
        XCTAssertTrue(text(screen).contains("No week for Pipeline Builder"), "the status is on screen")
        press(&screen, .char("j"))
        XCTAssertNil(screen.status, "the next key clears it")

        var real = self.screen(try Self.realCatalog())
        real.show(role: "ai-engineer", kind: .day, entry: nil)
        press(&real, .char("w"))
        XCTAssertEqual(real.status, "No week for AI Engineer; only Data Scientist and ML Engineer have one.")
    }

    // MARK: Roles

    func testBracketsSwitchRolesAndFallBackToTheKindTheyHave() throws {
        var screen = screen(try Self.fixture())
        press(&screen, .char("]"))
        XCTAssertEqual(screen.role, "thinker")
        XCTAssertEqual(screen.kind, .week, "the thinker has only a week")
        XCTAssertEqual(screen.status, "Data Thinker has no day; showing the week.")
        XCTAssertEqual(screen.breadcrumb, "Timeline › Data Thinker › Week")
        press(&screen, .char("w"))
        XCTAssertEqual(screen.status, "Data Thinker has only a week, no day.")
        press(&screen, .char("["))
        XCTAssertEqual(screen.role, "builder")
        XCTAssertEqual(screen.kind, .day)
    }

    func testSwitchingRolesKeepsTheTimeOfDay() throws {
        var screen = screen(try Self.realCatalog())
        screen.show(role: "ai-engineer", kind: .day, entry: 7) // 14:30–16:45
        press(&screen, .char("]"))
        XCTAssertEqual(screen.role, "data-engineer")
        XCTAssertEqual(screen.selectedEntry?.slot.text(for: .day), "14:00–15:00", "the entry under 14:30")
    }

    func testClickingARoleInThePickerShowsIt() throws {
        var screen = screen(try Self.fixture())
        let x = screen.rolePicker.segments(width: 80, glyphs: .unicode).first { $0.index == 1 }!.x + 2
        _ = screen.update(.mouse(MouseEvent(x: x, y: 0, kind: .press)))
        XCTAssertEqual(screen.role, "thinker")
    }

    // MARK: Side by side

    func testCComparesTwoDaysAndCOrEscComesBack() throws {
        var screen = screen(try Self.fixtureWithTwoDays())
        press(&screen, .char("j"))
        press(&screen, .char("c"))
        XCTAssertEqual(screen.partner, "thinker")
        XCTAssertEqual(screen.breadcrumb, "Timeline › Pipeline Builder vs Data Thinker › Days")
        XCTAssertFalse(screen.isAtTop)
        XCTAssertEqual(screen.selectedEntry?.title, "Stand-up", "the selection stays on the same time")
        let shown = text(screen)
        XCTAssertTrue(shown.contains("Pipeline Builder vs"), shown)
        XCTAssertTrue(shown.contains("[B] Explore the data"), shown)
        // j walks both days in clock order: 10:30 builder, then 11:00 thinker.
        press(&screen, .char("j"))
        XCTAssertEqual(screen.selectedPick, .init(column: 1, entry: 1))
        press(&screen, .char("c"))
        XCTAssertNil(screen.partner)
        XCTAssertEqual(screen.breadcrumb, "Timeline › Pipeline Builder › Day")
        press(&screen, .char("c"))
        XCTAssertEqual(press(&screen, .escape), [.handled])
        XCTAssertNil(screen.partner)
        press(&screen, .char("c"))
        XCTAssertEqual(press(&screen, .char("q")), [.handled], "q climbs one level")
        XCTAssertTrue(screen.isAtTop)
    }

    func testBothDaysShareOneClock() throws {
        var screen = screen(try Self.fixtureWithTwoDays())
        press(&screen, .char("c"))
        let lines = text(screen).components(separatedBy: "\n")
        // The thinker's 09:30 block starts two quarter-hour rows below the 09:00 label.
        guard let nine = lines.firstIndex(where: { $0.hasPrefix("09:00") }) else { return XCTFail("no 09:00 row") }
        XCTAssertTrue(lines[nine + 2].contains("[B] Explore the data"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[nine + 6].contains("[M] Stand-up"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[nine + 8].contains("[M] Review"), lines.joined(separator: "\n"))
    }

    func testBracketsChangeTheSecondRoleOfAComparison() throws {
        var screen = screen(try Self.realCatalog())
        screen.showPair("ai-engineer", "ml-engineer")
        XCTAssertEqual(screen.breadcrumb, "Timeline › AI Engineer vs ML Engineer › Days")
        press(&screen, .char("]"))
        XCTAssertEqual(screen.partner, "data-engineer", "wraps round, skipping the first role")
        press(&screen, .char("["))
        XCTAssertEqual(screen.partner, "ml-engineer")
        press(&screen, .char("w"))
        XCTAssertEqual(screen.partner, "ml-engineer", "no week: the comparison stays")
        XCTAssertEqual(screen.status, "No week for AI Engineer; only Data Scientist and ML Engineer have one.")
        screen.showPair("ml-engineer", "ai-engineer")
        press(&screen, .char("w"))
        XCTAssertNil(screen.partner)
        XCTAssertEqual(screen.breadcrumb, "Timeline › ML Engineer › Week", "w shows the first role's week")
    }

    func testCWithNoOtherDaySaysSo() throws {
        var screen = screen(try Self.fixture())
        press(&screen, .char("c"))
        XCTAssertNil(screen.partner)
        XCTAssertEqual(screen.status, "No other role has a day to compare with.")
        press(&screen, .char("]"), .char("c"))
        XCTAssertEqual(screen.status, "Data Thinker has no day to compare, only a week.")
    }

    func testShowPairFallsBackWhenTheSecondHasNoDay() throws {
        var screen = screen(try Self.fixtureWithTwoDays())
        screen.showPair("builder", "builder")
        XCTAssertEqual(screen.partner, "thinker")
        XCTAssertEqual(screen.status, "A day is compared with another role's; comparing with Data Thinker.")
        var real = self.screen(try Self.realCatalog())
        real.showPair("ai-engineer", "nobody")
        XCTAssertEqual(real.partner, "data-engineer", "the next role with a day")
        XCTAssertEqual(real.status, "nobody has no day to compare; comparing with Data Engineer.")
    }

    // MARK: Provenance, legend, key map

    func testProvenanceIsVisible() throws {
        var screen = screen(try Self.realCatalog(), width: 120, height: 37)
        screen.show(role: "data-engineer", kind: .day, entry: nil)
        var shown = text(screen, width: 120, height: 37)
        XCTAssertTrue(shown.contains("Composed from the role's responsibilities, not a day an article describes"), shown)
        XCTAssertTrue(shown.contains("the clock times are"), "the note: \(shown)")
        screen.show(role: "ai-engineer", kind: .day, entry: nil)
        shown = text(screen, width: 120, height: 37)
        XCTAssertTrue(shown.contains("Sourced from JoinAI"), shown)
        XCTAssertTrue(shown.contains("Rolescope's estimate"), "the note says the times are estimates: \(shown)")
    }

    func testCategoriesHaveALetterAndTheirStyle() throws {
        let catalog = try Self.realCatalog()
        var screen = screen(catalog, width: 120, height: 37)
        screen.show(role: "ai-engineer", kind: .day, entry: nil)
        var buffer = Buffer(width: 120, height: 37)
        screen.render(into: &buffer, area: buffer.area)
        let build = catalog.categories.firstIndex { $0.id == "build" }!
        let lines = buffer.lines()
        let row = lines.firstIndex { $0.contains("[B] Log structured outputs") }!
        let x = lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: "[B]")!.lowerBound)
        XCTAssertEqual(buffer[x + 1, row].text, "B")
        XCTAssertEqual(buffer[x + 1, row].style, .category(build))
        XCTAssertEqual(buffer[x + 1, row + 1].text, "B", "the letter runs down the block")
        XCTAssertTrue(lines.contains { $0.contains("[B] Build") && $0.contains("3h 00m") }, "legend with hours and minutes")
    }

    func testHintsAndHelpComeFromTheKeysTheScreenHandles() throws {
        var screen = screen(try Self.fixtureWithTwoDays())
        for level in 0..<3 {
            let labels = screen.keyHints.entries.map(\.label)
            let helpLabels = screen.keyHelp.rows.map(\.label)
            XCTAssertEqual(labels.filter { !help(helpLabels, covers: $0) }, [], "every hint is in the help")
            XCTAssertEqual(screen.keyMap().shadowedKeys, [], "level \(level)")
            for binding in screen.keyMap().bindings {
                var copy = screen
                XCTAssertNotEqual(copy.update(.key(binding.keys[0])), .ignored, binding.label)
            }
            if level < 2 { press(&screen, level == 0 ? .char("c") : .enter) }
        }
        XCTAssertEqual(screen.level, .details)
    }

    // MARK: Any size

    func testEveryViewStaysInsideItsAreaAtAnySize() throws {
        for catalog in [try Self.fixture(), try Self.fixture("cjk"), try Self.fixtureWithTwoDays(), try Self.realCatalog()] {
            for (width, height) in [(60, 13), (61, 14), (79, 21), (80, 21), (97, 30), (120, 37), (200, 60), (10, 3), (1, 1)] {
                for keys in [[], [Key.char("G")], [.char("c")], [.char("]"), .char("w")], [.char("j"), .enter]] {
                    var screen = self.screen(catalog, width: width, height: height)
                    keys.forEach { _ = screen.update(.key($0)) }
                    // Draw into the middle of a bigger buffer: nothing may land outside.
                    var buffer = Buffer(width: width + 4, height: height + 4)
                    let area = Rect(x: 2, y: 2, width: width, height: height)
                    screen.render(into: &buffer, area: area)
                    for y in 0..<buffer.height {
                        for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                            XCTAssertEqual(buffer[x, y], .blank, "\(width)x\(height) \(keys) drew at \(x),\(y)")
                        }
                    }
                }
            }
        }
    }

    func testWideTitlesAreCutWholeWithAnEllipsis() throws {
        var screen = screen(try Self.fixture("cjk"), width: 61, height: 13)
        press(&screen, .char("G"))
        let shown = text(screen, width: 61, height: 13)
        XCTAssertTrue(shown.contains("オーケストレーション"), shown)
        var narrow = Buffer(width: 61, height: 13)
        screen.render(into: &narrow, area: narrow.area)
        for y in 0..<narrow.height {
            for x in 0..<narrow.width where narrow[x, y].isContinuation {
                XCTAssertEqual(narrow[x - 1, y].width, 2, "a continuation cell follows its wide character at \(x),\(y)")
            }
        }
    }

    func testAsciiGlyphs() throws {
        var screen = screen(try Self.fixture())
        press(&screen, .char("G"))
        let shown = text(screen, glyphs: .ascii)
        XCTAssertTrue(shown.contains(">[B] Orchestration"), shown)
        let top = screen.layout(in: Rect(x: 0, y: 0, width: 80, height: 21)).body.y
        XCTAssertTrue(shown.components(separatedBy: "\n")[top].hasPrefix("      ^"), "scrolled: an up arrow on the axis: \(shown)")
        XCTAssertFalse(shown.contains("│"), shown)
        XCTAssertTrue(shown.contains("[B] 13:00-16:00 - 3h 00m - Build"), "no en dash or middle dot in ASCII: \(shown)")
        XCTAssertFalse(shown.contains { !$0.isASCII }, "everything the screen adds is ASCII: \(shown)")
    }

    // MARK: Snapshots

    func testFixtureSnapshots() throws {
        let catalog = try Self.fixture()
        for (width, height) in [(80, 21), (120, 37)] {
            var screen = TimelineScreen(catalog: catalog)
            snapshot(screen, width: width, height: height, named: "day")
            screen.show(role: "thinker", kind: .week, entry: 2)
            snapshot(screen, width: width, height: height, named: "week")
            var pair = TimelineScreen(catalog: try Self.fixtureWithTwoDays())
            pair.showPair("builder", "thinker")
            snapshot(pair, width: width, height: height, named: "pair")
        }
        var small = TimelineScreen(catalog: catalog)
        snapshot(small, width: 60, height: 13, named: "day")
        small.show(role: "builder", kind: .week, entry: nil)
        snapshot(small, width: 60, height: 13, named: "no-week")
    }

    func testRealCatalogSnapshots() throws {
        let catalog = try Self.realCatalog()
        for (width, height) in [(80, 21), (120, 37)] {
            var screen = TimelineScreen(catalog: catalog)
            snapshot(screen, width: width, height: height, named: "ai-engineer-day")
            screen.show(role: "data-engineer", kind: .day, entry: nil)
            snapshot(screen, width: width, height: height, named: "data-engineer-day")
            screen.show(role: "ml-engineer", kind: .week, entry: nil)
            snapshot(screen, width: width, height: height, named: "ml-engineer-week")
            screen.show(role: "data-scientist", kind: .week, entry: 3)
            snapshot(screen, width: width, height: height, named: "data-scientist-week")
            screen.showPair("ai-engineer", "ml-engineer")
            snapshot(screen, width: width, height: height, named: "ai-vs-ml")
            screen.showPair("data-engineer", "ai-engineer")
            snapshot(screen, width: width, height: height, named: "de-vs-ai")
            screen.show(role: "data-engineer", kind: .day, entry: 1)
            _ = screen.update(.key(.enter))
            snapshot(screen, width: width, height: height, named: "details")
        }
        var small = TimelineScreen(catalog: catalog)
        snapshot(small, width: 60, height: 13, named: "ai-engineer-day")
        small.showPair("data-engineer", "ml-engineer")
        snapshot(small, width: 60, height: 13, named: "de-vs-ml")
    }
}
