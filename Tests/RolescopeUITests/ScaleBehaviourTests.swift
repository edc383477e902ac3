import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// What the screens do to stay fast with large catalogs (memoized previews, looked-up
/// timelines, a role picker that does not measure thousands of titles) must not change
/// what they show.
final class ScaleBehaviourTests: XCTestCase {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func fixture() throws -> Catalog {
        try CatalogLoader.load(directory: tests.appendingPathComponent("Fixtures").appendingPathComponent("minimal"))
    }

    func testManyRolesShowTheChosenOneAndItsPosition() {
        let titles = (1...5000).map { "Role number \($0)" }
        let picker = RolePicker(label: "Role:", titles: titles, selected: 1233)
        let segments = picker.segments(width: 100, glyphs: .unicode)
        XCTAssertEqual(segments.map(\.text), ["Role: ", "Role number 1234", " (1234 of 5000)"])
        XCTAssertEqual(segments[1].index, 1233)
        XCTAssertEqual(picker.index(atColumn: segments[1].x + 1, area: Rect(x: 0, y: 0, width: 100, height: 1)), 1233)
    }

    func testTheShortcutAgreesWithTheGeneralLayoutAtEveryCount() {
        // From a handful of roles (all fit) through the counts where titles are shortened
        // to the counts where only the chosen one fits, the shortcut must give exactly
        // what measuring every title gives.
        for count in [1, 2, 3, 5, 8, 12, 20, 30, 40, 60, 100] {
            for width in [40, 80, 120, 200] {
                let titles = (0..<count).map { $0 % 3 == 0 ? "R\($0)" : "A longer role title \($0)" }
                let chosen = count / 2
                let picker = RolePicker(label: "Role:", titles: titles, selected: chosen)
                let fast = picker.segments(width: width, glyphs: .unicode)
                let slow = picker.segments(width: width, glyphs: .unicode, measuringEveryTitle: true)
                XCTAssertEqual(fast.map(\.text), slow.map(\.text), "\(count) roles at width \(width)")
                XCTAssertEqual(fast.map(\.x), slow.map(\.x), "\(count) roles at width \(width)")
            }
        }
    }

    func testTheStoredPreviewGivesTheSameFrameAndFollowsTheSelection() throws {
        let catalog = try Self.fixture()
        var cached = RolesScreen(catalog: catalog)
        _ = cached.update(.resize(width: 100, height: 27))
        for key in ["j", "k", "j", "k", "j", "g"] {
            _ = cached.update(.key(.char(Character(key))))
            var withCache = Buffer(width: 100, height: 27)
            cached.render(into: &withCache, area: withCache.area)
            // A new screen has an empty cache: it lays the preview out from scratch.
            var fresh = RolesScreen(catalog: catalog)
            _ = fresh.update(.resize(width: 100, height: 27))
            while fresh.selectedRole?.id != cached.selectedRole?.id { _ = fresh.update(.key(.char("j"))) }
            var withoutCache = Buffer(width: 100, height: 27)
            fresh.render(into: &withoutCache, area: withoutCache.area)
            XCTAssertEqual(withCache.lines(), withoutCache.lines(), "after \(key)")
            XCTAssertTrue(withCache.lines().joined().contains(cached.selectedRole!.summary), "the preview is the selected role's")
        }
    }

    func testThePreviewIsLaidOutByUpdateForTheSelectedRoleAndSize() throws {
        let catalog = try Self.fixture()
        var screen = RolesScreen(catalog: catalog)
        _ = screen.update(.resize(width: 100, height: 27))
        XCTAssertEqual(screen.preview?.roleID, screen.selectedRole?.id, "laid out when the size is known")
        _ = screen.update(.key(.char("j")))
        XCTAssertEqual(screen.preview?.roleID, screen.selectedRole?.id, "and again for the newly selected role")
        let width = screen.preview?.width
        _ = screen.update(.resize(width: 120, height: 27))
        XCTAssertNotEqual(screen.preview?.width, width, "and for a new width")
        let shown = screen.preview?.lines.map(\.text)
        screen.setPay(hidden: true, catalog: catalog.hidingPay())
        XCTAssertNotEqual(screen.preview?.lines.map(\.text), shown, "and with pay hidden")
    }

    func testTimelineScreenFindsTheSameTimelinesAsTheCatalog() throws {
        var catalog = try Self.fixture()
        // A second day for the builder comes after the first: the first one wins, as
        // `Catalog.timeline(for:kind:)` decides.
        if let day = catalog.timelines.first(where: { $0.role == "builder" && $0.kind == .day }) {
            var later = day
            later.id = "builder-day-2"
            later.title = "A second day"
            catalog.timelines.append(later)
        }
        let screen = TimelineScreen(catalog: catalog)
        for role in catalog.roles.map(\.id) + ["nobody"] {
            for kind in [TimelineKind.day, .week] {
                XCTAssertEqual(screen.timeline(for: role, kind: kind)?.id, catalog.timeline(for: role, kind: kind)?.id, "\(role) \(kind)")
            }
        }
        XCTAssertEqual(screen.roleIDs, catalog.roles.map(\.id).filter { !catalog.timelines(for: $0).isEmpty })
        XCTAssertEqual(screen.roleTitles, screen.roleIDs.map { catalog.role(id: $0)!.title })
    }

    func testCompareKeepsItsCursorAcrossResizesOnceMoved() throws {
        let catalog = try Self.fixture()
        var screen = CompareScreen(catalog: catalog)
        _ = screen.update(.resize(width: 80, height: 21))
        XCTAssertNil(screen.cursorKey)
        XCTAssertEqual(screen.offset, 0)
        _ = screen.update(.resize(width: 120, height: 30))
        XCTAssertEqual(screen.offset, 0, "at the top, a resize leaves the table at the top")
        _ = screen.update(.key(.char("j")))
        let key = screen.cursorKey
        XCTAssertNotNil(key)
        _ = screen.update(.resize(width: 70, height: 18))
        XCTAssertEqual(screen.cursorKey, key, "once moved, the cursor stays on its row")
    }
}
