import RoleModel
import TerminalKit

/// What the run loop should do after an update.
public enum AppEffect: Hashable, Sendable {
    case none
    /// Repaint every cell (Ctrl-L, or after the terminal was disturbed).
    case redrawAll
    case quit
}

/// The root of the app: the four tab screens, the tab history that Esc and q walk back
/// through, and the help and search overlays. Keys go to the overlay if one is open, else
/// to the focused screen, and what the screen ignores falls to the global keys here.
public struct AppModel: Sendable {
    public let catalog: Catalog
    public private(set) var tab: Tab = .roles
    public var roles: RolesScreen
    public var compare: CompareScreen
    public var questionnaire: QuestionnaireScreen
    public var timeline: TimelineScreen
    public var skills: SkillsScreen
    public private(set) var width: Int
    public private(set) var height: Int
    /// Tabs visited before the current one, for going back.
    private(set) var history: [Tab] = []
    var overlay: Overlay?
    var search = SearchState()
    /// Built when search is first opened (see `ensureSearchIndex`), not at start-up:
    /// folding every string of the catalog is work the first frame should not wait for.
    private(set) var searchIndex: SearchIndex?
    /// True while every pay figure reads "hidden" (`--hide-pay`, the `$` key).
    public private(set) var payHidden = false
    /// Where sessions are written; nil when the store could not be opened.
    public var recorder: (any SessionRecorder)?
    /// A one-line warning for the header ("sessions unavailable: ...").
    public var warning: String?
    /// Writes what `e` exports; nil in tests that do not export.
    public var exporter: (any ScreenExporter)?
    /// The last export's result ("Saved to PATH"), until the next key.
    public private(set) var status: String?
    /// A transition plan open over a tab (see AppModel+Plan.swift).
    var planLayer: PlanLayer?

    /// Below this the app shows a "terminal too small" notice instead of a screen.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    enum Overlay: Hashable, Sendable {
        case help(offset: Int)
        case search
        case resume(SessionOffer)
        case sessions([PastSession], selected: Int)
        case export(ExportPrompt)
    }

    /// `e`: asks for a file name for what is on screen.
    mutating func beginExport() {
        guard let request = exportRequest else {
            status = "Nothing to export here: e exports Compare, a questionnaire result, a timeline, a plan or a self-assessment"
            return
        }
        var editor = LineEditor(purpose: .fileName, prompt: " Export to (Markdown): ")
        editor.text = request.suggestedFileName
        overlay = .export(ExportPrompt(request: request, editor: editor, confirming: nil))
    }

    private mutating func updateExport(_ event: Event, _ prompt: ExportPrompt) -> AppEffect {
        guard case .key(let key) = event else { return .none }
        var prompt = prompt
        if let path = prompt.confirming {
            switch key {
            case .char("y"), .char("Y"): finishExport(prompt.request, path: path, overwrite: true)
            case .char("n"), .char("N"), .escape:
                prompt.confirming = nil
                overlay = .export(prompt)
            default: break
            }
            return .none
        }
        switch prompt.editor.handle(key) {
        case .editing: overlay = .export(prompt)
        case .cancelled: overlay = nil
        case .accepted(let name):
            let path = name.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return .none }
            guard let exporter else {
                overlay = nil
                status = "Export is not available here"
                return .none
            }
            switch exporter.export(prompt.request, catalog: roles.catalog, to: path, overwrite: false) {
            case .exists(let existing):
                prompt.confirming = existing
                overlay = .export(prompt)
            case .saved(let saved):
                overlay = nil
                status = "Saved to \(saved)"
            case .failed(let reason):
                overlay = nil
                status = "Not saved: \(reason)"
            }
        }
        return .none
    }

    private mutating func finishExport(_ request: ExportRequest, path: String, overwrite: Bool) {
        overlay = nil
        switch exporter?.export(request, catalog: roles.catalog, to: path, overwrite: overwrite) {
        case .saved(let saved)?: status = "Saved to \(saved)"
        case .exists(let existing)?: status = "Not saved: \(existing) exists"
        case .failed(let reason)?: status = "Not saved: \(reason)"
        case nil: status = "Export is not available here"
        }
    }

    /// Opens the list of past sessions (the `L` key).
    mutating func openPastSessions() {
        guard let recorder else {
            warning = warning ?? "sessions unavailable: the session store could not be opened"
            return
        }
        do { overlay = .sessions(try recorder.past(), selected: 0) } catch { warning = "sessions: \(error)" }
    }

    private mutating func updatePastSessions(_ event: Event, _ list: [PastSession], selected: Int) -> AppEffect {
        switch event {
        case .key(.down), .key(.char("j")): overlay = .sessions(list, selected: min(selected + 1, max(0, list.count - 1)))
        case .key(.up), .key(.char("k")): overlay = .sessions(list, selected: max(0, selected - 1))
        case .key(.enter), .key(.char("l")), .key(.right):
            overlay = nil
            guard list.indices.contains(selected), let recorder else { return .none }
            do {
                let offer = try recorder.reopen(list[selected].id)
                questionnaire.resume(offer, readOnly: list[selected].finished)
                restoreAssessment(offer)
                if tab != .questionnaire { switchTo(.questionnaire) }
            } catch {
                warning = "session #\(list[selected].id) cannot be reopened: \(error)"
            }
        case .key(.escape), .key(.char("q")), .key(.char("L")), .key(.char("h")), .key(.left): overlay = nil
        default: break
        }
        return .none
    }

    /// Offers to resume an unfinished session (Enter or y resumes, n or Esc starts fresh).
    public mutating func offerResume(_ offer: SessionOffer) { overlay = .resume(offer) }

    /// Writes what the questionnaire screen queued; a failure becomes the header's warning.
    mutating func drainRecords() {
        for record in questionnaire.takeRecords() {
            do {
                if case .start(let questionnaireToRecord, let candidate) = record {
                    guard let recorder else {
                        warning = warning ?? "sessions unavailable: the session store could not be opened"
                        status = "No session started: sessions are unavailable"
                        questionnaire.sessionCreated(nil)
                        continue
                    }
                    questionnaire.sessionCreated(try recorder.start(questionnaire: questionnaireToRecord, candidate: candidate))
                } else if let recorder, let id = questionnaire.session?.id {
                    try recorder.record(record, in: id)
                }
            } catch {
                warning = "session not saved: \(error)"
            }
        }
        storeAssessment()
    }


    public init(catalog: Catalog, width: Int, height: Int, payHidden: Bool) {
        self.init(catalog: catalog, width: width, height: height)
        if payHidden { setPayHidden(true) }
    }

    /// Builds the search index over the catalog as shown (pay taken out while hidden).
    mutating func ensureSearchIndex() {
        if searchIndex == nil { searchIndex = SearchIndex(payHidden ? catalog.hidingPay() : catalog) }
    }

    /// Hides or shows pay on every screen: they are given the catalog with pay taken out
    /// (or the real one back) and keep their places; search then finds no figures either.
    public mutating func setPayHidden(_ hidden: Bool) {
        guard hidden != payHidden else { return }
        payHidden = hidden
        let shown = hidden ? catalog.hidingPay() : catalog
        roles.setPay(hidden: hidden, catalog: shown)
        compare.setPay(hidden: hidden, catalog: shown)
        questionnaire.setPay(hidden: hidden, catalog: shown)
        timeline.setPay(hidden: hidden, catalog: shown)
        searchIndex = nil // built again, from the catalog as now shown, when next needed
        resizeScreens()
    }

    public init(catalog: Catalog, width: Int, height: Int) {
        self.catalog = catalog
        self.width = width
        self.height = height
        roles = RolesScreen(catalog: catalog)
        compare = CompareScreen(catalog: catalog)
        questionnaire = QuestionnaireScreen(catalog: catalog)
        timeline = TimelineScreen(catalog: catalog)
        skills = SkillsScreen(catalog: catalog)
        resizeScreens()
    }

    // MARK: Layout

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Row 0: tabs. Row 1: where you are. Then the screen. Last row: key hints.
    var contentArea: Rect { Rect(x: 0, y: 2, width: width, height: max(0, height - 3)) }

    private mutating func resizeScreens() {
        let event = Event.resize(width: contentArea.width, height: contentArea.height)
        _ = roles.update(event)
        _ = compare.update(event)
        _ = questionnaire.update(event)
        _ = timeline.update(event)
        resizePlan(event)
        _ = skills.update(event)
    }

    // MARK: Focused screen

    var focused: any Screen {
        if let plan = shownPlan { return plan }
        switch tab {
        case .roles: return roles
        case .compare: return compare
        case .questionnaire: return questionnaire
        case .timeline: return timeline
        case .skills: return skills
        }
    }

    private mutating func sendToFocused(_ event: Event) -> ScreenResult {
        if shownPlan != nil { return sendToPlan(event) }
        switch tab {
        case .roles: return roles.update(event)
        case .compare: return compare.update(event)
        case .questionnaire: return questionnaire.update(event)
        case .timeline: return timeline.update(event)
        case .skills: return skills.update(event)
        }
    }

    // MARK: Update

    public mutating func update(_ event: Event) -> AppEffect {
        if case .resize(let w, let h) = event {
            width = max(0, w)
            height = max(0, h)
            resizeScreens()
            return .redrawAll
        }
        if case .key(.ctrl("c")) = event { return .quit }
        if case .key(.ctrl("l")) = event { return .redrawAll }
        if isTooSmall {
            if case .key(.char("q")) = event { return .quit }
            return .none
        }
        switch overlay {
        case .help(let offset): return updateHelp(event, offset: offset)
        case .search: return updateSearch(event)
        case .sessions(let list, let selected): return updatePastSessions(event, list, selected: selected)
        case .export(let prompt): return updateExport(event, prompt)
        case .resume(let offer):
            switch event {
            case .key(.enter), .key(.char("y")), .key(.char("Y")):
                overlay = nil
                questionnaire.resume(offer)
                restoreAssessment(offer)
                if tab != .questionnaire { switchTo(.questionnaire) }
            case .key(.char("n")), .key(.char("N")), .key(.escape):
                overlay = nil
            default: break
            }
            return .none
        case nil: break
        }
        if case .key = event { status = nil }
        if case .mouse(let mouse) = event { return updateMouse(mouse) }
        let result = sendToFocused(event)
        drainRecords()
        switch result {
        case .handled: return .none
        case .navigate(let destination): open(destination); return .none
        case .ignored: break
        }
        guard let action = globalKeys(capturesText: focused.capturesText).action(for: event) else { return .none }
        return perform(action)
    }

    mutating func perform(_ action: GlobalAction) -> AppEffect {
        switch action {
        case .tab(let target): switchTo(target)
        case .nextTab: switchTo(Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!)
        case .previousTab: switchTo(Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!)
        case .help: overlay = .help(offset: 0)
        case .search:
            overlay = .search
            search.begin()
            ensureSearchIndex()
        case .togglePay: setPayHidden(!payHidden)
        case .pastSessions: openPastSessions()
        case .export: beginExport()
        case .nextHit: stepHit(by: 1)
        case .previousHit: stepHit(by: -1)
        case .back:
            if let previous = history.popLast() { tab = previous }
        case .quit:
            guard let previous = history.popLast() else { return .quit }
            tab = previous
        }
        return .none
    }

    /// Switches tab as a user choice: it starts a new history.
    mutating func switchTo(_ target: Tab) {
        guard target != tab else { return }
        history = [tab]
        tab = target
    }

    /// Opens a destination on the screen it belongs to, remembering where we came from.
    public mutating func open(_ destination: Destination) {
        let target: Tab
        switch destination {
        case .profile(let role, let dimension):
            roles.showProfile(role: role, dimension: dimension)
            target = .roles
        case .compare(let ids):
            compare.compare(roles: ids)
            target = .compare
        case .timeline(let role, let kind, let entry):
            timeline.show(role: role, kind: kind, entry: entry)
            target = .timeline
        case .timelinePair(let first, let second):
            timeline.showPair(first, second)
            target = .timeline
        case .questionnaire(let id):
            questionnaire.start(questionnaire: id)
            target = .questionnaire
        case .plan(let role, let background):
            openPlan(role: role, background: background)
            return
        }
        closePlan(on: target)
        if target != tab {
            history.append(tab)
            tab = target
        }
    }

    private mutating func updateMouse(_ mouse: MouseEvent) -> AppEffect {
        if mouse.y == 0, mouse.kind == .press {
            if let index = tabsWidget.tab(atColumn: mouse.x, area: Rect(x: 0, y: 0, width: width, height: 1)),
               let target = Tab(rawValue: index) { switchTo(target) }
            return .none
        }
        let area = contentArea
        guard area.contains(x: mouse.x, y: mouse.y) else { return .none }
        let local = MouseEvent(x: mouse.x - area.x, y: mouse.y - area.y, kind: mouse.kind)
        if case .navigate(let destination) = sendToFocused(.mouse(local)) { open(destination) }
        drainRecords()
        return .none
    }

    private mutating func updateHelp(_ event: Event, offset: Int) -> AppEffect {
        let lines = helpLines(width: helpArea.width - 4).count
        let visible = max(1, helpArea.height - 2)
        var state = ViewportState(offset: offset)
        if let wheel = event.wheel {
            state.scroll(by: wheel, contentHeight: lines, visibleRows: visible)
            overlay = .help(offset: state.offset)
            return .none
        }
        switch event {
        case .key(.down), .key(.char("j")):
            state.scroll(by: 1, contentHeight: lines, visibleRows: visible)
        case .key(.up), .key(.char("k")):
            state.scroll(by: -1, contentHeight: lines, visibleRows: visible)
        case .key(.pageDown), .key(.char(" ")), .key(.ctrl("d")): state.pageDown(contentHeight: lines, visibleRows: visible)
        case .key(.pageUp), .key(.ctrl("u")): state.pageUp(contentHeight: lines, visibleRows: visible)
        case .key(.home), .key(.char("g")): state.scrollToTop()
        case .key(.end), .key(.char("G")): state.scrollToBottom(contentHeight: lines, visibleRows: visible)
        case .key, .mouse:
            overlay = nil
            return .none
        default: break
        }
        overlay = .help(offset: state.offset)
        return .none
    }
}

extension Event {
    /// +1 for a wheel turn down, -1 up, nil for anything else.
    public var wheel: Int? {
        guard case .mouse(let mouse) = self else { return nil }
        switch mouse.kind {
        case .wheelDown: return 1
        case .wheelUp: return -1
        case .press: return nil
        }
    }
}
