import RoleModel
import TerminalKit

/// The Compare tab: two to four roles as columns and the catalog's dimensions as rows,
/// each cell holding every source's value side by side, pay on one shared axis, and the
/// roles' overlaps at the bottom. The heart of Rolescope: where the roles' differences,
/// and the sources' disagreements, can be read across.
///
/// Rows scroll together under a fixed header. The cursor stops on dimension and overlap
/// rows; a row taller than the screen is read on with j/k before the cursor moves past.
public struct CompareScreen: Screen {
    private(set) var catalog: Catalog
    /// True while pay is hidden: `catalog` is then the app's catalog with pay taken out.
    public private(set) var payHidden = false
    /// The compared roles' ids, in column order.
    public private(set) var roleIDs: [String]
    public private(set) var showsSources = true
    public private(set) var differencesOnly = false
    /// The cursor's row, by `CompareLayout.Row.key`; nil means the first row.
    var cursorKey: String?
    /// The first body line shown.
    var offset = 0
    var width = 80
    var height = 21
    var chooser: RoleChooser?
    var detail: CompareDetail?
    private(set) var layoutCache = CompareLayoutCache(capacity: 2)

    /// Shows `catalog` (the app's, or its copy with pay hidden); the place is kept, and
    /// the layouts made from the other catalog are dropped.
    mutating func setPay(hidden: Bool, catalog: Catalog) {
        self.catalog = catalog
        payHidden = hidden
        layoutCache = CompareLayoutCache(capacity: 2)
    }

    public init(catalog: Catalog) {
        self.catalog = catalog
        roleIDs = catalog.roles.prefix(2).map(\.id)
    }

    /// Shows these roles side by side from the top. Unknown ids are dropped, at most four
    /// are kept, and fewer than two are topped up from the catalog's first roles.
    public mutating func compare(roles ids: [String]) {
        var chosen: [String] = []
        for id in ids {
            let resolved = catalog.role(id: id)?.id ?? (try? catalog.role(matching: id).id)
            if let resolved, !chosen.contains(resolved), chosen.count < RoleChooser.allowed.upperBound {
                chosen.append(resolved)
            }
        }
        for role in catalog.roles where chosen.count < RoleChooser.allowed.lowerBound && !chosen.contains(role.id) {
            chosen.append(role.id)
        }
        roleIDs = chosen
        cursorKey = nil
        offset = 0
        chooser = nil
        detail = nil
    }

    var roles: [Role] { roleIDs.compactMap { catalog.role(id: $0) } }

    // MARK: Keys

    enum Action: Hashable, Sendable {
        case down, up, pageDown, pageUp, top, bottom
        case details, toggleSources, toggleDifferences, chooseRoles, days, overlaps
    }

    var keyMap: KeyMap<Action> {
        KeyMap([
            KeyBinding([.char("j"), .down], label: "j/↓", "next row (or read on in a tall one)", action: .down,
                       showsInHintBar: false, section: "Compare"),
            KeyBinding([.char("k"), .up], label: "k/↑", "previous row", action: .up, showsInHintBar: false, section: "Compare"),
            KeyBinding([.pageDown, .ctrl("d")], label: "PgDn/Ctrl-D", "page down", action: .pageDown, showsInHintBar: false,
                       section: "Compare"),
            KeyBinding([.pageUp, .ctrl("u")], label: "PgUp/Ctrl-U", "page up", action: .pageUp, showsInHintBar: false,
                       section: "Compare"),
            KeyBinding([.char("g"), .home], label: "g/Home", "first row", action: .top, showsInHintBar: false, section: "Compare"),
            KeyBinding([.char("G"), .end], label: "G/End", "last row", action: .bottom, showsInHintBar: false, section: "Compare"),
            KeyBinding(.enter, "details", action: .details, section: "Compare"),
            KeyBinding([.char("l"), .right], label: "l/→", "details", action: .details, showsInHintBar: false,
                       section: "Compare"),
            KeyBinding(.char("d"), differencesOnly ? "all rows" : "differences", action: .toggleDifferences,
                       section: "Compare"),
            KeyBinding(.char("s"), showsSources ? "hide sources" : "show sources", action: .toggleSources, section: "Compare"),
            KeyBinding(.char("r"), "roles", action: .chooseRoles, section: "Compare"),
            KeyBinding(.char("t"), "days", action: .days, section: "Compare"),
            KeyBinding(.char("o"), "overlaps", action: .overlaps, showsInHintBar: false, section: "Compare"),
        ])
    }

    /// The help overlay lists the same bindings as the hint bar; where the bar's word is
    /// terse (it must fit 80 columns with the app's own hints), help says more.
    public var keyHelp: KeyHelp {
        if chooser != nil { return KeyHelp(RoleChooser.keyMap) }
        if detail != nil { return KeyHelp(CompareDetail.keyMap) }
        return KeyHelp(rows: keyMap.bindings.map { binding in
            KeyHelp.Row(section: binding.section, label: binding.label,
                        description: Self.explanation(binding.action) ?? binding.description)
        })
    }

    static func explanation(_ action: Action) -> String? {
        switch action {
        case .details: return "show the row in full, with notes and every source's title"
        case .toggleDifferences: return "show only the rows where the roles differ, or all rows again"
        case .toggleSources: return "hide or show the [source] after each value"
        case .chooseRoles: return "choose the two to four roles to compare"
        case .days: return "the first two roles' days, side by side"
        case .overlaps: return "jump to where the roles overlap"
        default: return nil
        }
    }

    public var keyHints: KeyHints {
        if chooser != nil { return KeyHints(RoleChooser.keyMap) }
        if detail != nil { return KeyHints(CompareDetail.keyMap) }
        return KeyHints(keyMap)
    }

    public var isAtTop: Bool { chooser == nil && detail == nil }

    public var breadcrumb: String {
        var text = "Compare"
        let titles = roles.map(\.title)
        if !titles.isEmpty { text += " › " + titles.joined(separator: " vs ") }
        if differencesOnly { text += " (differences only)" }
        if !showsSources { text += " (sources hidden)" }
        if let detail { text += " › " + CompareDetail.title(key: detail.key, catalog: catalog) }
        if chooser != nil { text += " › Choose roles" }
        return text
    }

    // MARK: Update

    public mutating func update(_ event: Event) -> ScreenResult {
        switch event {
        case .resize(let newWidth, let newHeight):
            let resize = { (screen: inout CompareScreen) in
                screen.width = max(0, newWidth)
                screen.height = max(0, newHeight)
            }
            // With the cursor on the first row and the table at its top there is nothing
            // to keep in place: a new size leaves both there. Skipping the layout matters at
            // start-up, when the app sizes every tab before the first frame and Compare
            // would otherwise lay out its whole table twice (at the old and the new width)
            // for a screen nobody has opened.
            if cursorKey == nil && offset == 0 { resize(&self) } else { keepingCursorInPlace(resize) }
            if let detail { self.detail = clampedDetail(detail) }
            return .handled
        case .tick:
            return .ignored
        case .mouse(let mouse):
            return click(mouse)
        case .key:
            break
        }
        if chooser != nil { return updateChooser(event) }
        if detail != nil { return updateDetail(event) }
        guard let action = keyMap.action(for: event) else { return .ignored }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        let layout = layout()
        switch action {
        case .down: moveDown(layout)
        case .up: moveUp(layout)
        case .pageDown: page(by: 1, layout)
        case .pageUp: page(by: -1, layout)
        case .top:
            cursorKey = layout.focus.first.flatMap { layout.rows[$0].key }
            offset = 0
        case .bottom:
            cursorKey = layout.focus.last.flatMap { layout.rows[$0].key }
            offset = layout.maxOffset(visible: bodyHeight(layout))
        case .details:
            guard let key = cursorIndex(layout).map({ layout.rows[layout.focus[$0]].key }) ?? nil else { return .handled }
            detail = CompareDetail(key: key)
        case .toggleSources:
            keepingCursorInPlace { $0.showsSources.toggle() }
        case .toggleDifferences:
            keepingCursorInPlace { $0.differencesOnly.toggle() }
        case .chooseRoles:
            chooser = RoleChooser(chosen: roleIDs)
        case .days:
            guard roleIDs.count >= 2 else { return .handled }
            return .navigate(.timelinePair(roleIDs[0], roleIDs[1]))
        case .overlaps: jumpToOverlaps(layout)
        }
        return .handled
    }

    private mutating func updateChooser(_ event: Event) -> ScreenResult {
        guard var chooser, let action = RoleChooser.keyMap.action(for: event) else { return .ignored }
        switch chooser.perform(action, roles: catalog.roles) {
        case .stay: self.chooser = chooser
        case .cancel: self.chooser = nil
        case .apply(let ids):
            self.chooser = nil
            if ids != roleIDs { compare(roles: ids) }
        }
        return .handled
    }

    private mutating func updateDetail(_ event: Event) -> ScreenResult {
        guard var detail, let action = CompareDetail.keyMap.action(for: event) else { return .ignored }
        let (count, visible) = detailMetrics(detail)
        self.detail = detail.perform(action, lineCount: count, visible: visible) ? detail : nil
        return .handled
    }

    private func detailMetrics(_ detail: CompareDetail) -> (lines: Int, visible: Int) {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        let lines = CompareDetail.lines(key: detail.key, catalog: catalog, roles: roles,
                                        width: CompareDetail.textWidth(in: area), glyphs: .unicode)
        return (lines.count, CompareDetail.textArea(in: area).height)
    }

    private func clampedDetail(_ detail: CompareDetail) -> CompareDetail {
        var detail = detail
        let (count, visible) = detailMetrics(detail)
        detail.scroll.clamp(contentHeight: count, visibleRows: visible)
        return detail
    }

    // MARK: Mouse

    private mutating func click(_ mouse: MouseEvent) -> ScreenResult {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        if var chooser {
            switch mouse.kind {
            case .wheelDown: _ = chooser.perform(.down, roles: catalog.roles)
            case .wheelUp: _ = chooser.perform(.up, roles: catalog.roles)
            case .press: chooser.click(x: mouse.x, y: mouse.y, area: area, roles: catalog.roles)
            }
            self.chooser = chooser
            return .handled
        }
        if var detail {
            let (count, visible) = detailMetrics(detail)
            switch mouse.kind {
            case .wheelDown: detail.scroll.scroll(by: 3, contentHeight: count, visibleRows: visible)
            case .wheelUp: detail.scroll.scroll(by: -3, contentHeight: count, visibleRows: visible)
            case .press: break
            }
            self.detail = detail
            return .handled
        }
        let layout = layout()
        switch mouse.kind {
        case .wheelDown: wheel(by: 3, layout)
        case .wheelUp: wheel(by: -3, layout)
        case .press:
            if mouse.y < layout.headerHeight - 1 && mouse.x >= layout.geometry.leftWidth {
                // A click on the role titles opens the chooser.
                chooser = RoleChooser(chosen: roleIDs)
                return .handled
            }
            let y = mouse.y - layout.headerHeight
            guard y >= 0, y < bodyHeight(layout), let index = layout.rowIndex(atLine: offset + y),
                  let key = layout.rows[index].key else { return .handled }
            if key == currentKey(layout) {
                detail = CompareDetail(key: key)
            } else {
                cursorKey = key
                reveal(index, movingDown: true, layout)
            }
        }
        return .handled
    }
}
