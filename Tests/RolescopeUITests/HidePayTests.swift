import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// `--hide-pay` and the `$` key: every screen the app can show, captured with pay hidden,
/// holds no pay figure; the same walk with pay shown does (so the check can fail).
final class HidePayTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")
    static let minimal = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/minimal")

    static let figure = try! NSRegularExpression(pattern: #"\$[0-9]"#)

    func lines(_ model: AppModel, width: Int, height: Int) -> [String] {
        var buffer = Buffer(width: width, height: height)
        model.render(into: &buffer)
        return buffer.lines()
    }

    /// Every screen the app shows: each role's preview and whole profile, every pair of
    /// roles compared (every row, and every row's detail panel, paged through), every
    /// questionnaire from chooser to result, every timeline, every transition plan, the
    /// self-assessment and its results, help and a search for pay.
    func everyScreen(_ start: AppModel, width: Int, height: Int) -> [String] {
        var model = start
        var frames: [String] = []
        func capture() { frames.append(lines(model, width: width, height: height).joined(separator: "\n")) }
        func press(_ keys: [Key], each: Bool = true) {
            for key in keys {
                _ = model.update(.key(key))
                if each { capture() }
            }
        }
        let catalog = model.catalog
        // Roles: the list with each preview, then each profile paged to its end.
        press([.char("1"), .home])
        for _ in catalog.roles { press([.down]) }
        for role in catalog.roles {
            model.open(.profile(role: role.id, dimension: nil))
            capture()
            press(Array(repeating: .pageDown, count: 60))
        }
        // Compare: every pair, every row and its detail, paged.
        for (index, first) in catalog.roles.enumerated() {
            for second in catalog.roles.dropFirst(index + 1) {
                model.open(.compare(roles: [first.id, second.id]))
                capture()
                press(Array(repeating: .pageDown, count: 30))
            }
        }
        // Every row's detail panel (pay's is the one with figures), for one pair.
        model.open(.compare(roles: catalog.roles.prefix(2).map(\.id)))
        for dimension in catalog.dimensions {
            model.compare.jump(to: "dimension:" + dimension.id, model.compare.layout())
            capture()
            press([.enter, .pageDown, .pageDown, .escape])
        }
        model.open(.compare(roles: catalog.roles.map(\.id).prefix(4).map { $0 }))
        capture()
        press(Array(repeating: .pageDown, count: 30))
        // Questionnaires: each from its first question, always taking the first answer.
        for questionnaire in catalog.questionnaires {
            model.open(.questionnaire(id: questionnaire.id))
            capture()
            press(Array(repeating: .enter, count: 12))
            press(Array(repeating: .pageDown, count: 10))
        }
        // Timelines, days and weeks.
        for timeline in catalog.timelines {
            model.open(.timeline(role: timeline.role, kind: timeline.kind, entry: nil))
            capture()
            press(Array(repeating: .down, count: 12))
        }
        // Transition plans: every background into every role, paged to the end.
        for role in catalog.roles {
            for background in catalog.backgrounds {
                model.open(.plan(role: role.id, background: background.id))
                capture()
                press(Array(repeating: .pageDown, count: 10))
            }
        }
        // The self-assessment: rate every skill, then the fits and each role's gaps.
        press([.char("5")])
        press(Array(repeating: [Key.char("+"), .char("+"), .char("+"), .char("j")], count: 40).flatMap { $0 })
        press([.enter])
        press(Array(repeating: .down, count: 4) + Array(repeating: .pageDown, count: 6))
        press([.escape])
        // Help, and a search for the pay dimension.
        press([.char("?")])
        press([.escape])
        press([.char("/"), .char("p"), .char("a"), .char("y")])
        press([.escape])
        return frames
    }

    func figures(in frames: [String]) -> [String] {
        frames.flatMap { frame in
            frame.split(separator: "\n").map(String.init).filter {
                Self.figure.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
            }
        }
    }

    func testNoPayFigureOnAnyScreenWithPayHidden() throws {
        for (directory, sizes) in [(Self.assets, [(80, 24)]), (Self.minimal, [(80, 24), (120, 40)])] {
            let catalog = try CatalogLoader.load(directory: directory)
            for (width, height) in sizes {
                if directory == Self.minimal {
                    // The control: the same walk with pay shown meets figures, so the check can fail.
                    let shown = everyScreen(AppModel(catalog: catalog, width: width, height: height), width: width, height: height)
                    XCTAssertFalse(figures(in: shown).isEmpty, "the walk must reach pay figures when pay is shown")
                }
                let hidden = everyScreen(AppModel(catalog: catalog, width: width, height: height, payHidden: true),
                                         width: width, height: height)
                XCTAssertGreaterThan(hidden.count, 100)
                if directory == Self.assets {
                    // The walk reached the plans and the self-assessment's results.
                    XCTAssertTrue(hidden.contains { $0.contains("What to learn") }, "no plan was captured")
                    XCTAssertTrue(hidden.contains { $0.contains("Fit by role") }, "no self-assessment result was captured")
                }
                XCTAssertEqual(figures(in: hidden), [], "\(directory.lastPathComponent) \(width)x\(height)")
                // Every frame says so, except under the help box, which covers that row.
                let unmarked = hidden.map { $0.split(separator: "\n")[1] }.filter { !$0.contains("pay hidden") && !$0.contains("Help") }
                XCTAssertEqual(unmarked, [])
            }
        }
    }

    func testDollarKeyTogglesAndKeepsThePlace() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 120, height: 40)
        model.open(.compare(roles: ["ml-engineer", "ai-engineer"]))
        model.compare.jump(to: "dimension:pay", model.compare.layout())
        let before = lines(model, width: 120, height: 40)
        XCTAssertFalse(figures(in: [before.joined(separator: "\n")]).isEmpty)
        _ = model.update(.key(.char("$")))
        XCTAssertTrue(model.payHidden)
        XCTAssertEqual(model.tab, .compare)
        XCTAssertEqual(model.compare.roleIDs, ["ml-engineer", "ai-engineer"])
        XCTAssertEqual(figures(in: [lines(model, width: 120, height: 40).joined(separator: "\n")]), [])
        _ = model.update(.key(.char("$")))
        XCTAssertFalse(model.payHidden)
        XCTAssertEqual(lines(model, width: 120, height: 40), before)
        // Help lists the key.
        _ = model.update(.key(.char("?")))
        XCTAssertTrue(lines(model, width: 120, height: 40).contains { $0.contains("$") && $0.contains("hide pay figures") })
        _ = model.update(.key(.escape))
        _ = model.update(.key(.char("$")))
        _ = model.update(.key(.char("?")))
        XCTAssertTrue(lines(model, width: 120, height: 40).contains { $0.contains("$") && $0.contains("show pay figures") })
    }

    func testProseFiguresAreRedacted() {
        XCTAssertEqual(PayHiding.redact("AI scientists reach $400K-$800K total comp"), "AI scientists reach [pay hidden] total comp")
        XCTAssertEqual(PayHiding.redact("from $170,000 to $200,000+ a year"), "from [pay hidden] a year")
        XCTAssertEqual(PayHiding.redact("$1.2M, and $90k"), "[pay hidden], and [pay hidden]")
        XCTAssertEqual(PayHiding.redact("no figures here"), "no figures here")
        // The hand-written scan: the sentence's own punctuation stays, a "to" that is not
        // followed by a figure is not swallowed, other currencies and a spaced K count.
        XCTAssertEqual(PayHiding.redact("It pays $200,000, or more."), "It pays [pay hidden], or more.")
        XCTAssertEqual(PayHiding.redact("$90k to start"), "[pay hidden] to start")
        XCTAssertEqual(PayHiding.redact("£50 K and €60,000 – €70,000"), "[pay hidden] and [pay hidden]")
        XCTAssertEqual(PayHiding.redact("a $ sign alone, and $5 billion"), "a $ sign alone, and [pay hidden] billion")
    }

    func testSnapshotsWithPayHidden() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        for (width, height) in [(80, 24), (120, 40)] {
            var model = AppModel(catalog: catalog, width: width, height: height, payHidden: true)
            assertSnapshot(of: lines(model, width: width, height: height).joined(separator: "\n"), as: .lines, named: "roles-preview-\(width)x\(height)")
            model.open(.profile(role: "ml-engineer", dimension: "pay"))
            assertSnapshot(of: lines(model, width: width, height: height).joined(separator: "\n"), as: .lines, named: "profile-pay-\(width)x\(height)")
            model.open(.compare(roles: ["ml-engineer", "ai-engineer"]))
            model.compare.jump(to: "dimension:pay", model.compare.layout())
            _ = model.update(.key(.enter))
            XCTAssertTrue(model.compare.breadcrumb.hasSuffix("› Pay"))
            assertSnapshot(of: lines(model, width: width, height: height).joined(separator: "\n"), as: .lines, named: "compare-pay-detail-\(width)x\(height)")
            _ = model.update(.key(.escape))
            assertSnapshot(of: lines(model, width: width, height: height).joined(separator: "\n"), as: .lines, named: "compare-pay-\(width)x\(height)")
        }
    }
}
