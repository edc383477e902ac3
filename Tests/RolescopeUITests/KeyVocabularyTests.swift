import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The one key vocabulary: a key means one thing wherever it can be pressed, the app's
/// keys (tabs, help, search, ...) are never taken by a screen, digits always switch tabs,
/// the terminal cursor follows the focus, and the config and state files read back.
final class KeyVocabularyTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")
    static let catalog = try! CatalogLoader.load(directory: assets)

    func press(_ model: inout AppModel, _ keys: [Key]) { for key in keys { _ = model.update(.key(key)) } }

    func lines(_ model: AppModel) -> [String] {
        var buffer = Buffer(width: model.width, height: model.height)
        model.render(into: &buffer)
        return buffer.lines()
    }

    // MARK: The check

    /// Actions only the app performs: a screen that offered one would shadow the app's key.
    static let globalOnly: Set<Action> = [.rolesTab, .compareTab, .questionnaireTab, .timelineTab, .skillsTab, .nextTab, .previousTab,
                                          .help, .search, .togglePay, .export, .pastSessions, .nextHit, .previousHit, .redraw]

    /// What is wrong with the keys of `model`'s current state under the key table `keys`
    /// (the app's keymap, or a deliberately broken table): a key that means two actions of
    /// one scope among what the focused component offers and the app's commands it leaves
    /// reachable, or a global-only action a screen takes for itself. Empty when all is well.
    static func keyProblems(_ model: AppModel, keys: (Action) -> [Key], state: String) -> [String] {
        // An overlay takes every key: the app's commands are not reachable under it.
        if let overlay = model.overlay { return keyProblems(overlay, leaves: [], isOverlay: true, keys: keys, state: state) }
        let screen = model.focused
        return keyProblems(screen, leaves: screen.editsText ? [] : model.globalCommands(under: screen), isOverlay: false, keys: keys, state: state)
    }

    /// The same for a component offering its commands, with the app's commands it `leaves`.
    static func keyProblems(_ component: any Screen, leaves: [Command], isOverlay: Bool, keys: (Action) -> [Key], state: String) -> [String] {
        var problems: [String] = []
        let offered = component.commands
        let reachable = offered + leaves
        if !isOverlay {
            // (b) A screen may list a global-only action for its hint (the plan's `e export`)
            // only if it hands the key back to the app, so the app's meaning is the one used.
            for command in offered where globalOnly.contains(command.action) {
                var copy = component
                if copy.perform(command.action) != .ignored {
                    problems.append("\(state): the screen takes the app's \(command.action.rawValue)")
                }
            }
        }
        // (a) One action per key and scope.
        var byKey: [Action.Scope: [Key: Action]] = [:]
        for command in reachable {
            for key in keys(command.action) {
                if let other = byKey[command.action.scope]?[key], other != command.action {
                    problems.append("\(state): \(key.label()) means both \(other.rawValue) and \(command.action.rawValue)")
                }
                byKey[command.action.scope, default: [:]][key] = command.action
            }
        }
        return problems
    }

    /// Every screen and overlay state a user can reach, each with the model in it.
    func reachableStates() throws -> [(name: String, model: AppModel)] {
        var states: [(String, AppModel)] = []
        func fresh(width: Int = 100, height: Int = 30) -> AppModel {
            var model = AppModel(catalog: Self.catalog, width: width, height: height)
            model.recorder = MemoryRecorder()
            model.exporter = ExportUITests.FakeExporter()
            return model
        }
        func state(_ name: String, _ keys: [Key], from start: AppModel? = nil) -> AppModel {
            var model = start ?? fresh()
            press(&model, keys)
            states.append((name, model))
            return model
        }
        _ = state("roles list", [])
        let profile = state("roles profile", [.enter])
        _ = state("plan", [.char("P")], from: profile)
        _ = state("help over the plan", [.char("P"), .char("?")], from: profile)
        _ = state("compare table", [.char("2")])
        _ = state("compare detail", [.char("2"), .enter])
        _ = state("compare chooser", [.char("2"), .char("r")])
        _ = state("export prompt", [.char("2"), .char("e")])
        var overwrite = fresh()
        let exporter = ExportUITests.FakeExporter()
        exporter.existing = ["rolescope-compare-ai-engineer-data-engineer.md"]
        overwrite.exporter = exporter
        press(&overwrite, [.char("2"), .char("e"), .ctrl("u")] + "taken.md".map { .char($0) })
        exporter.existing = ["taken.md"]
        press(&overwrite, [.enter])
        XCTAssertTrue(overwrite.overlay is YesNoPrompt, "the overwrite question is open")
        states.append(("overwrite prompt", overwrite))
        _ = state("questionnaire chooser", [.char("3")])
        _ = state("candidate editor", [.char("3"), .char("S")])
        let question = state("question, recording", [.char("3"), .char("S"), .enter])
        XCTAssertNotNil(question.questionnaire.session, "a session records")
        let answered = state("question with an answer, recording", [.enter], from: question)
        _ = state("earlier answer picked", [.char("[")], from: answered)
        _ = state("note editor", [.char("a")], from: answered)
        var result = answered
        for _ in 0..<8 where result.questionnaire.view == .question { press(&result, [.enter]) }
        XCTAssertEqual(result.questionnaire.view, .result)
        states.append(("result, recording", result))
        _ = state("change picked on the result", [.char("[")], from: result)
        _ = state("timeline single", [.char("4")])
        _ = state("timeline details", [.char("4"), .enter])
        _ = state("timeline week", [.char("4"), .char("w")])
        _ = state("timeline pair", [.char("4"), .char("c")])
        _ = state("timeline pair details", [.char("4"), .char("c"), .enter])
        _ = state("skills rating", [.char("5")])
        _ = state("skills results", [.char("5"), .char("+"), .char("f")])
        _ = state("help", [.char("?")])
        _ = state("search, empty", [.char("/")])
        _ = state("search with hits", [.char("/"), .char("d"), .char("a")])
        _ = state("after a search (n/N)", [.char("/"), .char("d"), .char("a"), .enter])
        var past = fresh()
        (past.recorder as? MemoryRecorder)?.stored = [(PastSession(id: 3, line: "#3", finished: true),
                                                       SessionOffer(id: 3, label: "#3", run: try QuestionnaireRun(Self.catalog.questionnaires[0], answers: [0])))]
        press(&past, [.char("L")])
        XCTAssertTrue(past.overlay is PastSessionsOverlay)
        states.append(("past sessions", past))
        var resume = fresh()
        resume.offerResume(SessionOffer(id: 7, label: "#7", run: try QuestionnaireRun(Self.catalog.questionnaires[0], answers: [0])))
        states.append(("resume prompt", resume))
        var readOnly = past
        press(&readOnly, [.enter])
        states.append(("read-only result", readOnly))
        return states
    }

    // MARK: 1. The keymap

    func testTheStandardKeymapBindsEachKeyOncePerScope() throws {
        XCTAssertNoThrow(try Keymap(overrides: [:]), "the defaults pass the clash check")
        for scope in [Action.Scope.app, .prompt] {
            var seen: [Key: Action] = [:]
            for action in Action.allCases where action.scope == scope {
                for key in Keymap.standard.keys(for: action) {
                    XCTAssertNil(seen[key], "\(key.label()) is bound to \(seen[key]?.rawValue ?? "") and \(action.rawValue)")
                    seen[key] = action
                    XCTAssertEqual(Keymap.standard.action(for: key, in: scope), action)
                }
            }
        }
        // n is the next hit outside a prompt and "no" in one: different scopes.
        XCTAssertEqual(Keymap.standard.action(for: .char("n")), .nextHit)
        XCTAssertEqual(Keymap.standard.action(for: .char("n"), in: .prompt), Action.no)
    }

    func testAKeymapThatBindsOneKeyToTwoActionsThrowsAClash() {
        XCTAssertThrowsError(try Keymap(overrides: [.raise: [.char("1")]])) { error in
            let clash = error as? Keymap.Clash
            XCTAssertEqual(clash?.key, .char("1"))
            XCTAssertEqual(Set(clash?.actions ?? []), [.raise, .rolesTab])
        }
        XCTAssertThrowsError(try Keymap(overrides: [.help: [.char("x")], .search: [.char("x")]]))
        // A key moved away from its default is free for another action.
        XCTAssertNoThrow(try Keymap(overrides: [.tick: [.char("t")], .day: [.char("D")]]))
        // Prompt keys may repeat app keys: they are read only while a prompt is open.
        XCTAssertNoThrow(try Keymap(overrides: [.yes: [.char("j")]]))
    }

    // MARK: 2. Every reachable state

    func testNoKeyMeansTwoThingsAndNoScreenShadowsTheAppInAnyReachableState() throws {
        let states = try reachableStates()
        XCTAssertGreaterThanOrEqual(states.count, 30)
        let keymap = Keymap.standard
        for (name, model) in states {
            XCTAssertEqual(Self.keyProblems(model, keys: keymap.keys(for:), state: name), [], name)
            // Every command a state offers has a key, so every hint and help row can be pressed.
            let offered = model.overlay?.commands ?? model.focused.commands
            for command in offered { XCTAssertFalse(keymap.keys(for: command.action).isEmpty, "\(name): \(command.action)") }
        }
        // The states really are different places.
        let names = Set(states.map { $0.model.overlay.map { "\(type(of: $0))" } ?? $0.model.focused.breadcrumb + $0.model.focused.section })
        XCTAssertGreaterThanOrEqual(names.count, 20, "\(names)")
    }

    func testTheCheckReportsABrokenKeymap() throws {
        // `raise` on 1: the real Keymap refuses it ...
        XCTAssertThrowsError(try Keymap(overrides: [.raise: [.char("1")]]))
        // ... so the same table is given to the check directly, as a user's edit would be.
        var broken = Keymap.standard.keys
        broken[.raise] = [.char("1")]
        var skills = AppModel(catalog: Self.catalog, width: 100, height: 30)
        press(&skills, [.char("5")])
        let problems = Self.keyProblems(skills, keys: { broken[$0] ?? [] }, state: "skills rating")
        XCTAssertEqual(problems.count, 1, "\(problems)")
        let report = problems.first ?? ""
        XCTAssertTrue(report.hasPrefix("skills rating: 1 means both") && report.contains("raise") && report.contains("tab-roles"), report)
        // Off the Skills tab nothing offers raise: the broken key does no harm there.
        let roles = AppModel(catalog: Self.catalog, width: 100, height: 30)
        XCTAssertEqual(Self.keyProblems(roles, keys: { broken[$0] ?? [] }, state: "roles"), [])

        // A screen that took a global-only action for itself is reported too.
        struct Greedy: Screen {
            var breadcrumb: String { "Greedy" }
            var commands: [Command] { [Command(.search, "my own search"), Command(.export, "left to the app")] }
            var section: String { "Greedy" }
            var isAtTop: Bool { true }
            mutating func update(_ event: Event) -> ScreenResult { .ignored }
            mutating func perform(_ action: Action) -> ScreenResult { action == .search ? .handled : .ignored }
            func render(into buffer: inout Buffer, area: Rect) {}
        }
        var plan = AppModel(catalog: Self.catalog, width: 100, height: 30)
        plan.open(.profile(role: "ml-engineer", dimension: nil))
        press(&plan, [.char("P")])
        XCTAssertEqual(Self.keyProblems(plan, keys: Keymap.standard.keys(for:), state: "plan"), [],
                       "the plan lists e for its hint but leaves it to the app")
        let greedy = Greedy()
        XCTAssertEqual(Self.keyProblems(greedy, leaves: plan.globalCommands(under: greedy), isOverlay: false,
                                        keys: Keymap.standard.keys(for:), state: "greedy"),
                       ["greedy: the screen takes the app's search"], "search taken is caught; export handed back is not")
    }

    func testDigitsSwitchTabsFromARecordingQuestionAndTheRatingsAndChangeNothing() throws {
        var model = AppModel(catalog: Self.catalog, width: 100, height: 30)
        let recorder = MemoryRecorder()
        model.recorder = recorder
        press(&model, [.char("3"), .char("S"), .enter, .enter])
        XCTAssertEqual(model.questionnaire.view, .question)
        XCTAssertNotNil(model.questionnaire.session)
        let records = recorder.records.count
        XCTAssertEqual(records, 1, "one answer recorded")
        let steps = model.questionnaire.run?.steps.map(\.answer)
        for (digit, tab) in zip("12345", Tab.allCases) {
            var copy = model
            press(&copy, [.char(digit)])
            XCTAssertEqual(copy.tab, tab, "\(digit) switches to \(tab.title)")
            XCTAssertEqual(recorder.records.count, records, "\(digit) records nothing")
            XCTAssertEqual(copy.questionnaire.run?.steps.map(\.answer), steps, "\(digit) answers nothing")
            press(&copy, [.char("3")])
            XCTAssertEqual(copy.questionnaire.view, .question, "the question is there to come back to")
        }

        press(&model, [.char("5"), .char("+"), .char("+"), .char("j"), .char("+")])
        let ratings = model.skills.assessment.ratings
        XCTAssertEqual(ratings.count, 2)
        for (digit, tab) in zip("12345", Tab.allCases) {
            var copy = model
            press(&copy, [.char(digit)])
            XCTAssertEqual(copy.tab, tab, "\(digit) switches to \(tab.title)")
            XCTAssertEqual(copy.skills.assessment.ratings, ratings, "\(digit) rates nothing")
            XCTAssertEqual(copy.skills.selection, model.skills.selection)
        }
        press(&model, [.char("0"), .char("9")])
        XCTAssertEqual(model.skills.assessment.ratings, ratings, "0 and 9 rate nothing either")
        XCTAssertEqual(recorder.records.count, records)
    }

    // MARK: 3. The cursor follows the focus

    /// Moves down with `j`, then checks the cursor moved and sits on the row that shows `expected`.
    func assertCursorFollows(_ model: inout AppModel, _ name: String, expected: (AppModel) -> String?,
                             file: StaticString = #filePath, line: UInt = #line) {
        let before = model.cursor
        press(&model, [.char("j")])
        let after = model.cursor
        XCTAssertNotEqual(after, before, "\(name): the cursor moved", file: file, line: line)
        guard let text = expected(model) else { return XCTFail("\(name): nothing focused", file: file, line: line) }
        let shown = lines(model)
        XCTAssertTrue(shown.indices.contains(after.y), "\(name): cursor off screen", file: file, line: line)
        guard shown.indices.contains(after.y) else { return }
        XCTAssertTrue(shown[after.y].contains(text), "\(name): row \(after.y) is \"\(shown[after.y])\", not \(text)", file: file, line: line)
        XCTAssertGreaterThan(after.y, 1, "\(name): inside the content, below the header", file: file, line: line)
    }

    func testTheCursorFollowsTheFocus() throws {
        var roles = AppModel(catalog: Self.catalog, width: 120, height: 40)
        assertCursorFollows(&roles, "roles list") { $0.roles.selectedRole?.title }

        var question = AppModel(catalog: Self.catalog, width: 120, height: 40)
        question.open(.questionnaire(id: "hiring"))
        assertCursorFollows(&question, "question") { model in
            model.questionnaire.shownQuestion.map { String($0.answers[model.questionnaire.highlighted].label.prefix(30)) }
        }
        XCTAssertEqual(question.questionnaire.highlighted, 1)

        var compare = AppModel(catalog: Self.catalog, width: 120, height: 40)
        press(&compare, [.char("2")])
        assertCursorFollows(&compare, "compare rows") { model in
            guard let key = model.compare.currentKey(model.compare.layout()) else { return nil }
            if let dimension = Self.catalog.dimensions.first(where: { "dimension:" + $0.id == key }) { return dimension.title }
            return Self.catalog.overlaps.first { "overlap:" + $0.id == key }?.title
        }

        var timeline = AppModel(catalog: Self.catalog, width: 120, height: 40)
        press(&timeline, [.char("4")])
        assertCursorFollows(&timeline, "timeline entry") { $0.timeline.selectedEntry.map { String($0.title.prefix(12)) } }

        var skills = AppModel(catalog: Self.catalog, width: 120, height: 40)
        press(&skills, [.char("5")])
        assertCursorFollows(&skills, "skills") { $0.skills.selectedSkill?.title }
        XCTAssertEqual(skills.skills.selection, 1)

        // An overlay with text being typed puts it there: the search query on the hint row.
        var search = AppModel(catalog: Self.catalog, width: 120, height: 40)
        press(&search, [.char("/"), .char("d"), .char("a")])
        XCTAssertEqual(search.cursor, Point(x: 3, y: 39))
    }

    // MARK: 4. The config file

    func problem(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> AppConfig.Problem? {
        do {
            _ = try AppConfig.parse(text)
            XCTFail("no problem found in \(text)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testAConfigKeyOpensHelpInTheApp() throws {
        let config = try AppConfig.parse("keys:\n  help: [H]\n")
        XCTAssertEqual(config.keymap.keys(for: .help), [.char("H")])
        var model = AppModel(catalog: Self.catalog, width: 100, height: 30, keymap: config.keymap)
        press(&model, [.char("?")])
        XCTAssertNil(model.overlay, "? no longer opens help")
        press(&model, [.char("H")])
        XCTAssertTrue(model.overlay is HelpOverlay, "H does")
        XCTAssertTrue(lines(model).joined(separator: "\n").contains("H"))
        // And the standard app is unchanged.
        var standard = AppModel(catalog: Self.catalog, width: 100, height: 30)
        press(&standard, [.char("H")])
        XCTAssertNil(standard.overlay)
    }

    func testConfigProblemsSayWhere() throws {
        let unknownAction = problem("theme: default\nkeys:\n  hepl: [x]\n")
        XCTAssertEqual(unknownAction?.line, 3)
        XCTAssertEqual(unknownAction?.column, 3)
        XCTAssertEqual(unknownAction?.message, "unknown action 'hepl'")

        let unknownKey = problem("keys:\n  help: [x, Hyper-Q]\n")
        XCTAssertEqual(unknownKey?.line, 2)
        XCTAssertEqual(unknownKey?.column, 13)
        XCTAssertEqual(unknownKey?.message, "unknown key name 'Hyper-Q'")

        let clash = problem("mouse: true\nkeys:\n  help: [q]\n")
        XCTAssertEqual(clash?.line, 3)
        XCTAssertEqual(clash?.column, 10)
        XCTAssertTrue(clash?.message.contains("'q' is bound to both") == true, clash?.message ?? "")
        XCTAssertTrue(clash?.message.contains("help") == true && clash?.message.contains("quit") == true, clash?.message ?? "")

        let wrongType = problem("theme: default\nmouse: maybe\n")
        XCTAssertEqual(wrongType?.line, 2)
        XCTAssertEqual(wrongType?.column, 8)
        XCTAssertEqual(wrongType?.message, "mouse must be true or false, not 'maybe'")

        let keysNotAMapping = problem("keys: [help]\n")
        XCTAssertEqual(keysNotAMapping?.line, 1)
        XCTAssertEqual(keysNotAMapping?.column, 7)

        let badYAML = problem("theme: default\nmouse: true\n  cursor: visible\nhide-pay: false\n")
        XCTAssertTrue(badYAML?.message.hasPrefix("not valid YAML") == true, badYAML?.message ?? "")
        XCTAssertEqual(badYAML?.line, 3)
        XCTAssertEqual(badYAML?.column, 9, badYAML?.describe(file: "config.yaml") ?? "")
        XCTAssertTrue(badYAML?.describe(file: "config.yaml").hasPrefix("config.yaml:3:9: not valid YAML") == true)
    }

    // MARK: 5. The state file

    func testViewStateRoundTripsAndRestoresTheTimeline() throws {
        var state = ViewState()
        state.tab = .compare
        state.compareRoles = ["ml-engineer", "ai-engineer"]
        state.differencesOnly = true
        state.showsSources = false
        state.timelineRole = "data-scientist"
        state.timelineKind = .week
        state.questionnaire = "hiring"
        state.walks = ["hiring": [1, 0], "career": [0]]
        state.ratings = ["statistics": .advanced, "python": SkillLevel.none]
        state.payHidden = true
        XCTAssertEqual(try ViewState.parse(state.text), state)
        XCTAssertEqual(try ViewState.parse(ViewState().text), ViewState())

        var model = AppModel(catalog: Self.catalog, width: 100, height: 30)
        press(&model, [.char("4")])
        let first = model.timeline.place.role
        press(&model, [.char("]")])
        let second = try XCTUnwrap(model.timeline.place.role)
        XCTAssertNotEqual(second, first, "on the second role")
        let saved = try ViewState.parse(model.viewState.text)
        XCTAssertEqual(saved.tab, .timeline)
        var restored = AppModel(catalog: Self.catalog, width: 100, height: 30)
        restored.restore(saved)
        XCTAssertEqual(restored.tab, .timeline)
        XCTAssertEqual(restored.timeline.place.role, second)
        XCTAssertEqual(restored.focused.breadcrumb, model.focused.breadcrumb)
        XCTAssertEqual(lines(restored)[1], lines(model)[1], "the same place on screen")
    }

    func testAnUnreadableStateThrows() {
        for text in ["version: 2\n", "tab: nowhere\n", "compare: [a\n", "ratings:\n  x: 9\n", "- a list\n"] {
            XCTAssertThrowsError(try ViewState.parse(text), text) { error in
                XCTAssertTrue(error is ViewState.Unreadable, "\(error)")
            }
        }
    }
}
