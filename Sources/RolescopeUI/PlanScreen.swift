import RoleModel
import RoleReports
import TerminalKit

/// A transition plan: for one target role and a background picked on the left, what the
/// articles say to learn, in order, how long they say the move takes, their advice and
/// their sources. It is the document `rolescope plan` prints and `e` exports
/// (`Reports.plan`), laid out for the screen by `DocumentLines`.
///
/// The app opens it over the tab it came from (P on a role's profile or on a questionnaire
/// result); Esc or q asks the app to close it (`Effect.close`), and the app shows what
/// was under it again.
public struct PlanScreen: Screen {
    let catalog: Catalog
    /// The role the plan leads to.
    public let role: Role
    /// Index into `catalog.backgrounds` of the background shown.
    private(set) var selected: Int
    private(set) var scroll = ViewportState()
    /// The plan as laid out for the background and width shown (in Unicode): laid out when
    /// either changes, not on every key or frame.
    private(set) var document: (background: Int, width: Int, lines: [StyledLine])?
    private(set) var width = 0
    private(set) var height = 0

    /// Lines one wheel notch scrolls the plan.
    static let wheelLines = 3

    /// Nil when the catalog has no role `role`. Without a `background` (or with one the
    /// catalog lacks), the first background the articles describe a move into the role
    /// from is shown, else the first background.
    public init?(catalog: Catalog, role: String, background: String?) {
        guard let target = catalog.role(id: role) else { return nil }
        self.catalog = catalog
        self.role = target
        let backgrounds = catalog.backgrounds
        let into = Set(catalog.transitions(into: role).map(\.from))
        selected = backgrounds.firstIndex { $0.id == background }
            ?? backgrounds.firstIndex { into.contains($0.id) } ?? 0
    }

    /// The background shown; nil only when the catalog has none.
    public var background: Background? {
        catalog.backgrounds.indices.contains(selected) ? catalog.backgrounds[selected] : nil
    }

    /// True when the articles describe a move from `background` into the role.
    func hasPlan(_ background: Background) -> Bool { catalog.transition(from: background.id, to: role.id) != nil }

    // MARK: Screen

    public var breadcrumb: String {
        guard let background else { return "Plan › " + role.title }
        return "Plan › From \(background.title) to \(role.title)"
    }

    /// Esc and q close the plan (the screen's own back), so it is never "at top".
    public var isAtTop: Bool { false }

    public var section: String { "Plan" }

    public var commands: [Command] {
        var commands: [Command] = []
        if catalog.backgrounds.count > 1 {
            commands += [Command(.nextSection, "next background"), Command(.previousSection, "previous background", hint: false)]
        }
        return commands + [
            Command(.back, "back"), Command(.quit, "back", hint: false),
            Command(.down, "scroll down", hint: false), Command(.up, "scroll up", hint: false),
            Command(.first, "top", hint: false), Command(.last, "bottom", hint: false),
            Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
            Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
        ]
    }

    /// The selected background in the picker.
    public var focus: Point? {
        let panes = layout(Rect(x: 0, y: 0, width: width, height: height))
        guard panes.picker.width > 0 else { return Point(x: panes.document.x + 1, y: 0) }
        let rows = pickerRows(width: panes.picker.width, glyphs: .unicode)
        let list = pickerList(panes.picker)
        guard let first = rows.firstIndex(where: { $0.item == selected }) else { return nil }
        return Point(x: list.x, y: list.y + first - pickerOffset(rows: rows, visibleRows: list.height))
    }

    public var exportRequest: ExportRequest? { background.map { .plan(role: role.id, background: $0.id) } }

    // MARK: Update

    public mutating func update(_ event: Event) -> ScreenResult {
        switch event {
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            layOut()
            clampScroll()
            return .handled
        case .tick:
            return .ignored
        case .mouse(let mouse):
            return updateMouse(mouse)
        case .key(let key):
            return handle(key: key)
        }
    }

    public mutating func perform(_ action: Action) -> ScreenResult {
        if let movement = action.movement {
            scroll.apply(movement, contentHeight: documentLines(glyphs: .unicode).count, visibleRows: height)
            return .handled
        }
        switch action {
        case .previousSection, .nextSection: step(by: action == .previousSection ? -1 : 1)
        case .back, .quit: return .done([.close])
        default: return .ignored
        }
        return .handled
    }

    /// Scrolls so the first line holding one of `words` is in view.
    public mutating func reveal(words: [String]) {
        let wanted = Set(words.flatMap { SearchIndex.foldedWords($0) })
        let lines = documentLines(glyphs: .unicode)
        guard let row = lines.firstIndex(where: { !wanted.isDisjoint(with: SearchIndex.foldedWords($0.text)) }) else { return }
        if row < scroll.offset || row >= scroll.offset + height { scroll.offset = max(0, row - 2) }
        scroll.clamp(contentHeight: lines.count, visibleRows: height)
    }

    /// Shows the background `by` places on, wrapping round; the plan starts at its top.
    mutating func step(by offset: Int) {
        let count = catalog.backgrounds.count
        guard count > 0 else { return }
        select((selected + offset % count + count) % count)
    }

    /// Shows the background at `index` in `catalog.backgrounds`.
    public mutating func select(_ index: Int) {
        guard catalog.backgrounds.indices.contains(index), index != selected else { return }
        selected = index
        scroll = ViewportState()
        layOut()
    }

    private mutating func updateMouse(_ mouse: MouseEvent) -> ScreenResult {
        let panes = layout(Rect(x: 0, y: 0, width: width, height: height))
        if let wheel = Event.mouse(mouse).wheel {
            scroll.scroll(by: wheel * Self.wheelLines, contentHeight: documentLines(glyphs: .unicode).count, visibleRows: height)
            return .handled
        }
        guard panes.picker.contains(x: mouse.x, y: mouse.y) else { return .ignored }
        let rows = pickerRows(width: panes.picker.width, glyphs: .unicode)
        let list = pickerList(panes.picker)
        let index = pickerOffset(rows: rows, visibleRows: list.height) + mouse.y - list.y
        guard mouse.y >= list.y, rows.indices.contains(index) else { return .ignored }
        select(rows[index].item)
        return .handled
    }

    private mutating func clampScroll() {
        guard width > 0 else { return }
        scroll.clamp(contentHeight: documentLines(glyphs: .unicode).count, visibleRows: height)
    }

    // MARK: Layout, shared by update and render

    /// The picker on the left (as wide as its titles, at least `pickerMinimum` and at most
    /// a third of the area), a rule, and the plan on the right; the plan alone when the
    /// content names no backgrounds.
    func layout(_ area: Rect) -> (picker: Rect, rule: Rect, document: Rect) {
        guard !catalog.backgrounds.isEmpty else {
            return (Rect(x: area.x, y: area.y, width: 0, height: area.height), Rect(x: area.x, y: area.y, width: 0, height: area.height), area)
        }
        let titles = (catalog.backgrounds.map { TextWidth.of($0.title) }.max() ?? 0) + Self.itemIndent + 1
        let widest = max(Self.pickerMinimum, area.width / 3)
        let (picker, rest) = area.splitLeft(min(max(titles, Self.pickerMinimum), widest))
        let (rule, document) = rest.splitLeft(1)
        return (picker, rule, document)
    }

    /// Room for "Coming from" and a legend that wraps into a few words a line.
    static let pickerMinimum = 18

    /// The plan wraps to its pane less a margin on the left, a gap, and the scrollbar.
    static func documentWidth(paneWidth: Int) -> Int { max(1, paneWidth - 3) }

    /// Lays the plan out for the background and width shown, if it is not already.
    mutating func layOut() {
        guard document?.background != selected || document?.width != width else { return }
        document = (selected, width, layOut(glyphs: .unicode))
    }

    /// The plan's lines: as laid out by `layOut`, or now for other glyphs.
    func documentLines(glyphs: Glyphs) -> [StyledLine] {
        if glyphs == .unicode, let document, document.background == selected, document.width == width { return document.lines }
        return layOut(glyphs: glyphs)
    }

    /// The plan as `rolescope plan` builds it, laid out for the plan pane.
    private func layOut(glyphs: Glyphs) -> [StyledLine] {
        let pane = layout(Rect(x: 0, y: 0, width: width, height: height)).document
        let textWidth = Self.documentWidth(paneWidth: pane.width)
        guard let background else {
            return RoleText.wrap(StyledLine("This content names no backgrounds, so there is no plan into \(Sanitizer.clean(role.title)) to show.",
                                            style: .dim), width: textWidth)
        }
        let document = Reports(catalog: catalog, unicode: glyphs.isUnicode).plan(catalog.plan(from: background, to: role), commandLine: false)
        return DocumentLines.lines(document, width: textWidth, glyphs: glyphs)
    }

    /// Pointer and mark before each background's title.
    static let itemIndent = 4

    /// The picker's list: below its heading, above its legend.
    func pickerList(_ picker: Rect) -> Rect {
        let legend = min(legendLines(width: picker.width, glyphs: .unicode).count + 1, max(0, picker.height - 3))
        return Rect(x: picker.x, y: picker.y + 2, width: picker.width, height: max(0, picker.height - 2 - legend))
    }

    /// "✓ a plan into ML Engineer", under the list: what the mark means.
    func legendLines(width: Int, glyphs: Glyphs) -> [StyledLine] {
        RoleText.hang(RoleText.wrap(StyledLine("has a plan into " + Sanitizer.clean(role.title), style: .dim), width: max(1, width - 4)),
                      prefix: [Span(Self.mark(glyphs) + " ", style: .accent)], width: 2)
    }

    /// The mark of a background with a plan: a tick, or "+" in ASCII.
    static func mark(_ glyphs: Glyphs) -> String { glyphs.isUnicode ? "✓" : "+" }

    /// Every background's title wrapped under its pointer and mark, one row per line,
    /// each row knowing whose it is.
    func pickerRows(width: Int, glyphs: Glyphs) -> [(item: Int, line: StyledLine, first: Bool)] {
        var rows: [(item: Int, line: StyledLine, first: Bool)] = []
        for (index, background) in catalog.backgrounds.enumerated() {
            let planned = hasPlan(background)
            let title = StyledLine(Sanitizer.clean(background.title, keepNewlines: false), style: planned ? .normal : .dim)
            for (line, wrapped) in RoleText.wrap(title, width: max(1, width - Self.itemIndent - 1)).enumerated() {
                rows.append((index, wrapped, line == 0))
            }
        }
        return rows
    }

    /// The first picker row shown: the top, unless the selected background would fall
    /// below the list, then just enough to show all of it.
    func pickerOffset(rows: [(item: Int, line: StyledLine, first: Bool)], visibleRows: Int) -> Int {
        guard let last = rows.lastIndex(where: { $0.item == selected }), let first = rows.firstIndex(where: { $0.item == selected })
        else { return 0 }
        return max(0, min(first, last - visibleRows + 1))
    }
}
