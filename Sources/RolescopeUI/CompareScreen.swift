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
    /// False (the default): every row is one line per role, at a glance; true: every
    /// value in full, with pay on its axis.
    public private(set) var fullText = false
    /// The cursor's row, by `CompareLayout.Row.key`; nil means the first row.
    var cursorKey: String?
    /// The first body line shown.
    var offset = 0
    var width = 80
    var height = 21
    var chooser: RoleChooser?
    var detail: CompareDetail?
    /// The table as laid out for the current state (see `layOut`).
    var table: (key: CompareLayoutKey, layout: CompareLayout)?

    /// Shows `catalog` (the app's, or its copy with pay hidden); the place is kept, and
    /// the layouts made from the other catalog are dropped.
    public mutating func setPay(hidden: Bool, catalog: Catalog) {
        self.catalog = catalog
        payHidden = hidden
        table = nil
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

    /// The roles compared and the toggles, for the state file.
    public var place: (roles: [String], differencesOnly: Bool, showsSources: Bool, fullText: Bool) {
        (roleIDs, differencesOnly, showsSources, fullText)
    }

    /// Puts the cursor on the row with `key` ("overlap:ID", "dimension:ID"), scrolled to it.
    /// `inFull` shows the table in full text first, as a search landing needs: the words
    /// it found may be in text the summary leaves out.
    public mutating func focus(row key: String, inFull: Bool = false) {
        if inFull { fullText = true }
        layOut()
        jump(to: key, layout())
    }

    /// Sets the toggles (from the state file), keeping the cursor's row.
    public mutating func setToggles(differencesOnly: Bool, showsSources: Bool, fullText: Bool = false) {
        guard differencesOnly != self.differencesOnly || showsSources != self.showsSources || fullText != self.fullText else { return }
        let set = { (screen: inout CompareScreen) in
            screen.differencesOnly = differencesOnly
            screen.showsSources = showsSources
            screen.fullText = fullText
        }
        // At the top with no row chosen (as at start-up) there is no place to keep, and
        // no reason to lay the table out for a screen not yet shown.
        if cursorKey == nil && offset == 0 { set(&self) } else { keepingCursorInPlace(set) }
    }

    // MARK: Keys

    public var section: String { chooser != nil ? "Choose roles" : detail != nil ? "Details" : "Compare" }

    public var commands: [Command] {
        if chooser != nil { return RoleChooser.commands }
        if detail != nil { return CompareDetail.commands }
        return [
            Command(.down, "next row (or read on in a tall one)", hint: false), Command(.up, "previous row", hint: false),
            Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
            Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
            Command(.first, "first row", hint: false), Command(.last, "last row", hint: false),
            Command(.open, "details"),
            Command(.fullText, fullText ? "summary" : "full text"),
            Command(.differences, differencesOnly ? "all rows" : "differences"),
            Command(.nextSection, "next section", hint: false), Command(.previousSection, "previous section", hint: false),
            Command(.sources, showsSources ? "hide sources" : "show sources"),
            Command(.chooseRoles, "roles"),
            Command(.day, "days"),
            Command(.overlaps, "overlaps", hint: false),
        ]
    }

    /// The help overlay lists the same commands as the hint bar; where the bar's word is
    /// terse (it must fit 80 columns with the app's own hints), help says more.
    public var keyHelp: KeyHelp {
        KeyHelp(rows: keyMap().bindings.map { binding in
            KeyHelp.Row(section: binding.section, label: binding.label,
                        description: (isAtTop ? Self.explanation(binding.action) : nil) ?? binding.description)
        })
    }

    /// The cursor's row (its first line on screen), the chooser's role, or the panel's text.
    public var focus: Point? {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        if let chooser {
            let listArea = RoleChooser.listArea(in: RoleChooser.frame(in: area, roleCount: catalog.roles.count))
            let selected = chooser.list.selected ?? 0
            let offset = chooser.list.visibleOffset(count: catalog.roles.count, visibleRows: listArea.height)
            return Point(x: listArea.x, y: listArea.y + selected - offset)
        }
        if detail != nil { return Point(x: CompareDetail.textArea(in: area).x, y: CompareDetail.textArea(in: area).y) }
        let layout = layout()
        guard let index = cursorIndex(layout) else { return nil }
        let row = layout.rows[layout.focus[index]]
        let y = layout.headerHeight + max(0, row.top - clampedOffset(layout))
        return Point(x: 0, y: min(y, max(0, height - 1)))
    }

    static func explanation(_ action: Action) -> String? {
        switch action {
        case .open: return "show the row in full, with notes and every source's title"
        case .fullText: return "switch the whole table between one line per role (summary) and every value in full"
        case .differences: return "show only the rows where the roles differ (with the count), or all rows again"
        case .sources: return "hide or show the [source] after each value"
        case .chooseRoles: return "choose the two to four roles to compare"
        case .day: return "the first two roles' days, side by side"
        case .overlaps: return "jump to where the roles overlap"
        default: return nil
        }
    }

    public var isAtTop: Bool { chooser == nil && detail == nil }

    public var breadcrumb: String {
        var text = "Compare"
        let titles = roles.map(\.title)
        if !titles.isEmpty { text += " › " + titles.joined(separator: " vs ") }
        if differencesOnly { text += " (differences only)" }
        if !showsSources { text += " (sources hidden)" }
        if fullText { text += " (full text)" }
        if detail == nil, chooser == nil, width > 0 {
            // "› Pay · row 3 of 9": the cursor's section, and its place in it. Where the
            // line is too long for the screen, the roles go (their titles head the
            // columns) so that the place is not cut.
            let layout = layout()
            if let index = cursorIndex(layout), let section = layout.sections.first(where: { $0.first <= index && index <= $0.last }) {
                let place = " › \(section.title) · row \(index - section.first + 1) of \(section.last - section.first + 1)"
                if TextWidth.of(text + place) + 2 > width && !titles.isEmpty {
                    text = "Compare" + (differencesOnly ? " (differences only)" : "") + (!showsSources ? " (sources hidden)" : "")
                        + (fullText ? " (full text)" : "")
                }
                // Then the toggles, which the rule under the titles and the hints also show.
                if TextWidth.of(text + place) + 2 > width { text = "Compare" }
                text += place
            }
        }
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
        case .key(let key):
            return handle(key: key)
        }
    }

    public mutating func perform(_ action: Action) -> ScreenResult {
        layOut()
        defer { layOut() }
        if chooser != nil { return updateChooser(action) }
        if detail != nil { return updateDetail(action) }
        let layout = layout()
        switch action {
        case .down: moveDown(layout)
        case .up: moveUp(layout)
        case .pageDown: page(by: 1, layout)
        case .pageUp: page(by: -1, layout)
        case .halfPageDown: scroll(by: max(1, bodyHeight(layout) / 2), layout); placeCursorInView(layout, preferLast: false)
        case .halfPageUp: scroll(by: -max(1, bodyHeight(layout) / 2), layout); placeCursorInView(layout, preferLast: true)
        case .first:
            cursorKey = layout.focus.first.flatMap { layout.rows[$0].key }
            offset = 0
        case .last:
            cursorKey = layout.focus.last.flatMap { layout.rows[$0].key }
            offset = layout.maxOffset(visible: bodyHeight(layout))
        case .open:
            guard let key = cursorIndex(layout).map({ layout.rows[layout.focus[$0]].key }) ?? nil else { return .handled }
            detail = CompareDetail(key: key)
        case .sources:
            keepingCursorInPlace { $0.showsSources.toggle() }
        case .differences:
            keepingCursorInPlace { $0.differencesOnly.toggle() }
        case .fullText:
            keepingCursorInPlace { $0.fullText.toggle() }
        case .chooseRoles:
            chooser = RoleChooser(chosen: roleIDs)
        case .day:
            guard roleIDs.count >= 2 else { return .handled }
            return .navigate(.timelinePair(roleIDs[0], roleIDs[1]))
        case .overlaps: jumpToOverlaps(layout)
        case .nextSection, .previousSection: jumpSection(forward: action == .nextSection, layout)
        default: return .ignored
        }
        return .handled
    }

    private mutating func updateChooser(_ action: Action) -> ScreenResult {
        guard var chooser else { return .ignored }
        switch chooser.perform(action, roles: catalog.roles) {
        case .stay: self.chooser = chooser
        case .cancel: self.chooser = nil
        case .apply(let ids):
            self.chooser = nil
            if ids != roleIDs { compare(roles: ids) }
        }
        return .handled
    }

    private mutating func updateDetail(_ action: Action) -> ScreenResult {
        guard var detail else { return .ignored }
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
        layOut()
        defer { layOut() }
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
