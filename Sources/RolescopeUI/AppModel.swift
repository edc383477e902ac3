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
    public private(set) var width: Int
    public private(set) var height: Int
    /// Tabs visited before the current one, for going back.
    private(set) var history: [Tab] = []
    var overlay: Overlay?
    var search = SearchState()
    /// Built when search is first opened, not at start-up: folding every string of the
    /// catalog is work the first frame should not wait for.
    var searchIndex: SearchIndex?

    /// Below this the app shows a "terminal too small" notice instead of a screen.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    enum Overlay: Hashable, Sendable {
        case help(offset: Int)
        case search
    }

    public init(catalog: Catalog, width: Int, height: Int) {
        self.catalog = catalog
        self.width = width
        self.height = height
        roles = RolesScreen(catalog: catalog)
        compare = CompareScreen(catalog: catalog)
        questionnaire = QuestionnaireScreen(catalog: catalog)
        timeline = TimelineScreen(catalog: catalog)
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
    }

    // MARK: Focused screen

    var focused: any Screen {
        switch tab {
        case .roles: return roles
        case .compare: return compare
        case .questionnaire: return questionnaire
        case .timeline: return timeline
        }
    }

    private mutating func sendToFocused(_ event: Event) -> ScreenResult {
        switch tab {
        case .roles: return roles.update(event)
        case .compare: return compare.update(event)
        case .questionnaire: return questionnaire.update(event)
        case .timeline: return timeline.update(event)
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
        case nil: break
        }
        if case .mouse(let mouse) = event { return updateMouse(mouse) }
        let result = sendToFocused(event)
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
            if searchIndex == nil { searchIndex = SearchIndex(catalog) }
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
        }
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
