import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The plan screen: opened with P from a questionnaire result and from a role's profile,
/// a background picker, scrolling, `e` export, and Esc/q back to where it was opened.
final class PlanScreenTests: XCTestCase {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = testsDirectory.appendingPathComponent("Fixtures/minimal")
    static let assets = testsDirectory.deletingLastPathComponent().appendingPathComponent("assets")

    func realCatalog() throws -> Catalog { try CatalogLoader.load(directory: Self.assets) }

    func press(_ model: inout AppModel, _ keys: Key...) { for key in keys { _ = model.update(.key(key)) } }

    func text(_ model: AppModel) -> String {
        var buffer = Buffer(width: model.width, height: model.height)
        model.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    func makeScreen(_ catalog: Catalog, role: String, background: String?, width: Int = 80, height: Int = 21) throws -> PlanScreen {
        var screen = try XCTUnwrap(PlanScreen(catalog: catalog, role: role, background: background))
        _ = screen.update(.resize(width: width, height: height))
        return screen
    }

    func render(_ screen: PlanScreen, width: Int, height: Int, glyphs: Glyphs = .unicode) -> [String] {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        screen.render(into: &buffer, area: buffer.area)
        return buffer.lines()
    }

    /// The plan's text alone, every line, as `update` lays it out.
    /// (Lines joined by spaces, so a sentence wrapped across lines still reads whole.)
    func document(_ screen: PlanScreen) -> String {
        screen.documentLines(glyphs: .unicode).map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    // MARK: Opening and going back

    func testPFromTheCareerResultOpensThePlanForItsMoveAndEscReturnsToTheResult() throws {
        var model = AppModel(catalog: try realCatalog(), width: 80, height: 24)
        model.open(.questionnaire(id: "career"))
        // Build products -> the feature people use -> software engineering: AI Engineer.
        for key in answerKeys("211") { press(&model, key) }
        XCTAssertEqual(model.questionnaire.view, .result)
        XCTAssertTrue(text(model).contains("P plan to get there"), "the result says where P leads")
        XCTAssertTrue(model.focused.keyHints.entries.contains { $0.label == "P" && $0.description == "plan" })

        press(&model, .char("P"))
        let plan = try XCTUnwrap(model.shownPlan)
        XCTAssertEqual(model.tab, .questionnaire, "the plan opens over the tab it came from")
        XCTAssertEqual(plan.role.id, "ai-engineer")
        XCTAssertEqual(plan.background?.id, "software-engineer", "the background of the move the result names")
        let screen = text(model)
        XCTAssertTrue(screen.contains("Plan › From Software engineer to AI Engineer"))
        XCTAssertTrue(screen.contains("How long: about three months"), "the duration the article gives")
        XCTAssertTrue(screen.contains("[JoinAI, A.Team]"), "cited like the other screens")

        press(&model, .escape)
        XCTAssertNil(model.shownPlan)
        XCTAssertEqual(model.tab, .questionnaire)
        XCTAssertEqual(model.questionnaire.view, .result, "back on the result, as it was")
        XCTAssertTrue(text(model).contains("Recommended"))
    }

    func testPFromAProfilePlansIntoThatRoleAndQGoesBackToTheProfile() throws {
        var model = AppModel(catalog: try realCatalog(), width: 80, height: 24)
        model.open(.profile(role: "ml-engineer", dimension: nil))
        XCTAssertTrue(model.roles.keyHelp.rows.contains { $0.label == "P" && $0.description == "plan" })
        press(&model, .char("P"))
        let plan = try XCTUnwrap(model.shownPlan)
        XCTAssertEqual(model.tab, .roles)
        XCTAssertEqual(plan.role.id, "ml-engineer")
        XCTAssertEqual(plan.background?.id, "software-engineer", "no background given: the first with a plan into the role")

        press(&model, .char("q"))
        XCTAssertNil(model.shownPlan)
        XCTAssertEqual(model.roles.openRole?.id, "ml-engineer", "q goes back to the profile, not to the list")
        XCTAssertEqual(model.update(.key(.char("q"))), AppEffect.none, "and q again leaves the profile, not the app")
        XCTAssertNil(model.roles.openRole)
    }

    func testEveryBackKeyClosesThePlan() throws {
        for key in [Key.escape, .char("q"), .char("h"), .left, .backspace] {
            var model = AppModel(catalog: try realCatalog(), width: 80, height: 24)
            model.open(.profile(role: "data-scientist", dimension: nil))
            press(&model, .char("P"), key)
            XCTAssertNil(model.shownPlan, "\(key)")
            XCTAssertEqual(model.roles.openRole?.id, "data-scientist", "\(key)")
        }
    }

    func testSwitchingTabsKeepsThePlanAndOpeningSomethingElseThereClosesIt() throws {
        var model = AppModel(catalog: try realCatalog(), width: 80, height: 24)
        model.open(.profile(role: "ml-engineer", dimension: nil))
        press(&model, .char("P"), .char("]"))
        press(&model, .char("2"))
        XCTAssertNil(model.shownPlan, "the plan belongs to the Roles tab")
        XCTAssertTrue(text(model).contains("Compare ›"))
        press(&model, .char("1"))
        XCTAssertEqual(model.shownPlan?.background?.id, "data-analyst", "back on Roles, the plan as it was left")
        model.open(.profile(role: "ai-engineer", dimension: nil))
        XCTAssertNil(model.shownPlan, "a profile opened on Roles is not hidden under the plan")
        XCTAssertEqual(model.roles.openRole?.id, "ai-engineer")
    }

    /// The minimal fixture without its backgrounds and moves.
    func noBackgrounds() throws -> Catalog {
        var catalog = try CatalogLoader.load(directory: Self.fixture)
        catalog.backgrounds = []
        catalog.transitions = []
        return catalog
    }

    func testPIsNotOfferedWhenTheContentHasNoBackgrounds() throws {
        let catalog = try noBackgrounds()
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        model.open(.profile(role: catalog.roles[0].id, dimension: nil))
        XCTAssertFalse(model.roles.keyHelp.rows.contains { $0.label == "P" })
        press(&model, .char("P"))
        XCTAssertNil(model.shownPlan)
        // Asked for anyway, the plan says why there is none rather than showing nothing.
        let screen = try makeScreen(catalog, role: catalog.roles[0].id, background: nil)
        XCTAssertTrue(document(screen).contains("This content names no backgrounds"))
        XCTAssertNil(screen.exportRequest, "no background: nothing to export")
        XCTAssertNil(PlanScreen(catalog: catalog, role: "no-such-role", background: nil))
    }

    func testAFixtureResultNamingAMoveOpensThatMove() throws {
        let catalog = try CatalogLoader.load(directory: Self.fixture)
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        model.open(.questionnaire(id: "pick"))
        // Yes, yes, answers: "Hire a thinker". The move its result names leads into the
        // builder, not the thinker, so the plan starts at the first background and says
        // that no article leads from it into the thinker.
        for key in answerKeys("111") { press(&model, key) }
        XCTAssertEqual(model.questionnaire.view, .result)
        press(&model, .char("P"))
        XCTAssertEqual(model.shownPlan?.role.id, "thinker", "the recommended role")
        XCTAssertEqual(model.shownPlan?.background?.id, "analyst")
        XCTAssertTrue(text(model).contains("No article describes a move from Analyst to Data Thinker."))
        XCTAssertTrue(text(model).contains("Where else the articles lead from Analyst"))
    }

    // MARK: Choosing a background

    func testBracketsStepThroughEveryBackgroundAndABackgroundWithoutAPlanSaysSo() throws {
        let catalog = try realCatalog()
        var screen = try makeScreen(catalog, role: "ml-engineer", background: "software-engineer")
        XCTAssertTrue(document(screen).contains("What to learn, in order"))
        XCTAssertEqual(screen.update(.key(.char("]"))), .handled)
        XCTAssertEqual(screen.background?.id, "data-analyst")
        let none = document(screen)
        XCTAssertTrue(none.contains("No article describes a move from Data analyst to ML Engineer."))
        XCTAssertTrue(none.contains("Backgrounds the articles do lead to ML Engineer from"))
        XCTAssertTrue(none.contains("Where else the articles lead from Data analyst"))
        XCTAssertTrue(none.contains("• AI Engineer"), "names the roles it does have plans for")
        XCTAssertFalse(none.contains("--from"), "the command line's flags are not the app's")

        _ = screen.update(.key(.char("[")))
        _ = screen.update(.key(.char("[")))
        XCTAssertEqual(screen.background?.id, catalog.backgrounds.last?.id, "[ wraps round to the last")
        for _ in catalog.backgrounds { _ = screen.update(.key(.char("]"))) }
        XCTAssertEqual(screen.background?.id, catalog.backgrounds.last?.id, "a full turn comes back")
    }

    func testThePickerListsEveryBackgroundAndMarksThoseWithAPlan() throws {
        let catalog = try realCatalog()
        let screen = try makeScreen(catalog, role: "ml-engineer", background: nil, width: 120, height: 37)
        let lines = render(screen, width: 120, height: 37)
        for background in catalog.backgrounds {
            XCTAssertTrue(lines.contains { $0.contains(background.title.prefix(12)) }, background.title)
        }
        let marked = lines.filter { $0.hasPrefix("▶ ✓") || $0.hasPrefix("  ✓") }.map { $0.dropFirst(4).prefix(20) }
        XCTAssertEqual(marked.map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: " ").first! },
                       ["Software", "Data", "Researcher"], "software engineer, data scientist and ML graduate have plans into ML Engineer")
        XCTAssertTrue(lines.contains { $0.contains("✓ has a plan into ML Engineer") })
        // Without Unicode the mark is a "+".
        XCTAssertTrue(render(screen, width: 120, height: 37, glyphs: .ascii).contains { $0.hasPrefix("> + Software engineer") })
    }

    func testClickingABackgroundShowsItsPlan() throws {
        var screen = try makeScreen(try realCatalog(), role: "ai-engineer", background: nil)
        let lines = render(screen, width: 80, height: 21)
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("Data analyst") })
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 5, y: row, kind: .press))), .handled)
        XCTAssertEqual(screen.background?.id, "data-analyst")
        XCTAssertEqual(screen.update(.mouse(MouseEvent(x: 5, y: 0, kind: .press))), .ignored, "the heading is no background")
        XCTAssertEqual(screen.background?.id, "data-analyst")
    }

    // MARK: Scrolling

    func testScrollsLikeTheOtherScreensAndANewBackgroundStartsAtTheTop() throws {
        var screen = try makeScreen(try realCatalog(), role: "ml-engineer", background: "software-engineer")
        let total = screen.documentLines(glyphs: .unicode).count
        XCTAssertGreaterThan(total, 21, "the plan is longer than the area at 80x21")
        _ = screen.update(.key(.char("j")))
        XCTAssertEqual(screen.scroll.offset, 1)
        _ = screen.update(.key(.char("k")))
        XCTAssertEqual(screen.scroll.offset, 0)
        _ = screen.update(.key(.pageDown))
        XCTAssertGreaterThan(screen.scroll.offset, 1)
        _ = screen.update(.key(.pageUp))
        XCTAssertEqual(screen.scroll.offset, 0)
        _ = screen.update(.key(.char("G")))
        XCTAssertEqual(screen.scroll.offset, total - 21)
        let bottom = render(screen, width: 80, height: 21)
        XCTAssertTrue(bottom.contains { $0.contains("• Data Engineer") }, "G shows the end of the plan")
        _ = screen.update(.key(.char("g")))
        XCTAssertEqual(screen.scroll.offset, 0)
        _ = screen.update(.mouse(MouseEvent(x: 40, y: 5, kind: .wheelDown)))
        XCTAssertEqual(screen.scroll.offset, PlanScreen.wheelLines)
        _ = screen.update(.key(.char("]")))
        XCTAssertEqual(screen.scroll.offset, 0)
    }

    // MARK: Keys, help and export

    func testHintsAndHelpComeFromTheKeysTheScreenDispatchesOn() throws {
        var model = AppModel(catalog: try realCatalog(), width: 100, height: 24)
        model.open(.profile(role: "ai-engineer", dimension: nil))
        press(&model, .char("P"))
        let hints = text(model).split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(hints.contains("] next background"), hints)
        XCTAssertTrue(hints.contains("e export"), hints)
        XCTAssertTrue(hints.contains("Esc back"), hints)
        XCTAssertFalse(hints.contains("q quit"), "the plan's q goes back")
        press(&model, .char("?"))
        let help = text(model)
        XCTAssertTrue(help.contains("Keys for the plan"))
        let keymap = Keymap.standard
        for row in ["]", "next background", "[", "previous background", keymap.label(.back), keymap.label(.pageDown), keymap.label(.first)] {
            XCTAssertTrue(help.contains(row), row)
        }
        XCTAssertTrue(help.range(of: #"q\s+back"#, options: .regularExpression) != nil, "q is the plan's back in help")
        let plan = try XCTUnwrap(model.shownPlan)
        for binding in plan.keyMap().bindings where binding.action != .export {
            var copy = plan
            let expected: ScreenResult = binding.action == .back || binding.action == .quit ? .done([.close]) : .handled
            XCTAssertEqual(copy.update(.key(binding.keys[0])), expected, binding.label)
        }
        var copy = plan
        XCTAssertEqual(copy.update(.key(.char("e"))), .ignored, "e is left to the app, which exports the plan's request")
    }

    func testEExportsThePlanAsShown() throws {
        var model = AppModel(catalog: try realCatalog(), width: 100, height: 24)
        let exporter = ExportUITests.FakeExporter()
        model.exporter = exporter
        model.open(.profile(role: "ml-engineer", dimension: nil))
        press(&model, .char("P"), .char("]"), .char("]"))
        press(&model, .char("e"))
        XCTAssertTrue(text(model).contains("Export as Markdown (Tab: format) to: rolescope-plan-data-scientist-to-ml-engineer.md"))
        press(&model, .enter)
        XCTAssertEqual(exporter.written.first?.0, .plan(role: "ml-engineer", background: "data-scientist"))
        XCTAssertNotNil(model.shownPlan, "the plan stays open after exporting")
        XCTAssertTrue(text(model).contains("Saved to /here/rolescope-plan-data-scientist-to-ml-engineer.md"))
    }

    // MARK: Snapshots

    func testRealCatalogSnapshots() throws {
        let catalog = try realCatalog()
        for (width, height) in [(80, 21), (120, 37)] {
            let plan = try makeScreen(catalog, role: "ml-engineer", background: "data-scientist", width: width, height: height)
            assertSnapshot(of: render(plan, width: width, height: height).joined(separator: "\n"), as: .lines,
                           named: "ds-to-mle-\(width)x\(height)")
            let none = try makeScreen(catalog, role: "ml-engineer", background: "data-analyst", width: width, height: height)
            assertSnapshot(of: render(none, width: width, height: height).joined(separator: "\n"), as: .lines,
                           named: "no-plan-\(width)x\(height)")
        }
        var bottom = try makeScreen(catalog, role: "ai-engineer", background: "software-engineer")
        _ = bottom.update(.key(.char("G")))
        assertSnapshot(of: render(bottom, width: 80, height: 21).joined(separator: "\n"), as: .lines, named: "swe-to-aie-bottom-80x21")
    }

    func testFixtureSnapshots() throws {
        let catalog = try CatalogLoader.load(directory: Self.fixture)
        for (width, height) in [(80, 21), (120, 37)] {
            let plan = try makeScreen(catalog, role: "builder", background: nil, width: width, height: height)
            assertSnapshot(of: render(plan, width: width, height: height).joined(separator: "\n"), as: .lines,
                           named: "analyst-to-builder-\(width)x\(height)")
        }
        let catalogWithout = try noBackgrounds()
        let screen = try makeScreen(catalogWithout, role: catalogWithout.roles[0].id, background: nil)
        assertSnapshot(of: render(screen, width: 80, height: 21).joined(separator: "\n"), as: .lines, named: "no-backgrounds-80x21")
    }
}
