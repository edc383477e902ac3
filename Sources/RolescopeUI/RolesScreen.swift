import RoleModel
import TerminalKit

/// The Roles tab: the list of roles with a preview of the selected one, and below it
/// (Enter) a role's full profile, scrolled as one document grouped by dimension group.
///
/// State is the list selection, the open profile's role and scroll offset, and the
/// content area's size (from `.resize`), which the profile needs to know where its
/// headings fall when a key jumps to one.
public struct RolesScreen: Screen {
    private(set) var catalog: Catalog
    /// True while pay is hidden: `catalog` is then the app's catalog with pay taken out.
    public private(set) var payHidden = false
    private(set) var list = ListState()
    /// The role whose profile is open; nil at the list.
    private(set) var profileRole: String?
    private(set) var scroll = ViewportState()
    /// A dimension to bring to the top once the screen knows its width.
    private var pendingAnchor: String?
    /// The open profile laid out in Unicode at the current width (see `cachedLayout`).
    private var document: ProfileDocument?
    private var width = 0
    private var height = 0
    /// The selected role's preview as laid out for the current size (in Unicode), kept
    /// up to date by `update` so a frame draws it without wrapping it again: trying up to
    /// five densities until one fits took most of a frame.
    private(set) var preview: (roleID: String, width: Int, height: Int, lines: [StyledLine])?

    /// The preview's width before the list may grow past its titles.
    static let previewWidth = 86

    /// Lines one wheel notch scrolls a profile.
    static let wheelLines = 3

    public init(catalog: Catalog) {
        self.catalog = catalog
        list = ListState(selected: catalog.roles.isEmpty ? nil : 0)
    }

    // MARK: Screen

    public var breadcrumb: String {
        guard let role = openRole else { return "Roles" }
        return "Roles › " + role.title
    }

    public var isAtTop: Bool { profileRole == nil }

    /// The role the profile shows, when one is open.
    var openRole: Role? { profileRole.flatMap { catalog.role(id: $0) } }

    /// The role selected in the list.
    var selectedRole: Role? { list.selected.flatMap { catalog.roles.indices.contains($0) ? catalog.roles[$0] : nil } }

    public var section: String { profileRole == nil ? "Roles" : "Profile" }

    /// What the list or the open profile offers.
    public var commands: [Command] {
        var commands: [Command] = []
        if profileRole == nil {
            commands += [Command(.down, "next role", hint: false), Command(.up, "previous role", hint: false),
                         Command(.first, "first role", hint: false), Command(.last, "last role", hint: false),
                         Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
                         Command(.halfPageDown, "half a page down", hint: false),
                         Command(.halfPageUp, "half a page up", hint: false),
                         Command(.open, "open profile")]
        } else {
            commands += [Command(.down, "scroll down", hint: false), Command(.up, "scroll up", hint: false),
                         Command(.first, "top", hint: false), Command(.last, "bottom", hint: false),
                         Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
                         Command(.halfPageDown, "half a page down", hint: false),
                         Command(.halfPageUp, "half a page up", hint: false),
                         Command(.nextSection, "next section"), Command(.previousSection, "previous section", hint: false)]
        }
        let role = profileRole ?? selectedRole?.id
        if catalog.roles.count > 1 { commands.append(Command(.compare, "compare")) }
        if let role, catalog.timeline(for: role, kind: .day) != nil { commands.append(Command(.day, "its day")) }
        if profileRole != nil {
            if !catalog.backgrounds.isEmpty { commands.append(Command(.plan, "plan")) }
            commands += [Command(.back, "back"), Command(.quit, "back to the list", hint: false)]
        }
        return commands
    }

    /// The selected list row, or the profile's top line.
    public var focus: Point? {
        guard profileRole == nil else { return Point(x: 1, y: 0) }
        guard let selected = list.selected else { return nil }
        let panes = listLayout(Rect(x: 0, y: 0, width: width, height: height))
        let offset = list.visibleOffset(count: catalog.roles.count, visibleRows: visibleItems)
        return Point(x: panes.list.x + 1, y: panes.list.y + (selected - offset) * panes.rowsPerItem)
    }

    // MARK: Update

    public mutating func update(_ event: Event) -> ScreenResult {
        switch event {
        case .resize(let newWidth, let newHeight):
            resize(width: newWidth, height: newHeight)
            layOutPreview()
            return .handled
        case .tick:
            return .ignored
        case .mouse(let mouse):
            defer { layOutPreview() }
            return profileRole == nil ? listMouse(mouse) : profileMouse(mouse)
        case .key(let key):
            return handle(key: key)
        }
    }

    public mutating func perform(_ action: Action) -> ScreenResult {
        defer { layOutPreview() }
        return profileRole == nil ? performInList(action) : performInProfile(action)
    }

    /// Lays out the selected role's preview for the list's current size, once per change.
    mutating func layOutPreview() {
        guard profileRole == nil, let role = selectedRole, width > 0 else { return }
        let area = listLayout(Rect(x: 0, y: 0, width: width, height: height)).preview
        if let preview, preview.roleID == role.id, preview.width == area.width, preview.height == area.height { return }
        let lines = RolePreview(catalog: catalog, payHidden: payHidden, role: role).lines(width: area.width, height: area.height, glyphs: .unicode)
        preview = (role.id, area.width, area.height, lines)
    }

    /// Opens `role`'s profile with `dimension`'s heading (or a closing section's, by the
    /// `ProfileDocument` anchors) at the top; at the top of the profile when it is nil or
    /// the role has no value for it. Unknown roles are ignored.
    public mutating func showProfile(role: String, dimension: String?) {
        guard let index = catalog.roles.firstIndex(where: { $0.id == role }) else { return }
        list.select(index, count: catalog.roles.count, visibleRows: visibleItems)
        profileRole = role
        scroll = ViewportState()
        pendingAnchor = dimension
        if width > 0, let dimension { scroll(toAnchor: dimension) }
    }

    /// Scrolls the profile, if need be, so the first line holding one of `words` at or
    /// after the place it opened on is in view.
    public mutating func reveal(words: [String]) {
        guard let role = openRole else { return }
        let wanted = Set(words.flatMap { SearchIndex.foldedWords($0) })
        let document = cachedLayout(role)
        let from = scroll.offset
        guard let row = document.lines.indices.first(where: { $0 >= from && !wanted.isDisjoint(with: SearchIndex.foldedWords(document.lines[$0].text)) })
        else { return }
        if row >= scroll.offset + height { scroll.offset = max(from, row - 2) }
        scroll.clamp(contentHeight: document.lines.count, visibleRows: height)
        pendingAnchor = nil
    }

    private mutating func performInList(_ action: Action) -> ScreenResult {
        let count = catalog.roles.count
        guard count > 0 else { return .ignored }
        if let movement = action.movement {
            list.apply(movement, count: count, visibleRows: max(1, visibleItems))
            return .handled
        }
        switch action {
        case .open:
            guard let role = selectedRole else { return .ignored }
            showProfile(role: role.id, dimension: nil)
        case .compare, .day:
            return selectedRole.map { navigate(action, from: $0) } ?? .ignored
        default:
            return .ignored
        }
        return .handled
    }

    private mutating func performInProfile(_ action: Action) -> ScreenResult {
        guard let role = openRole else {
            profileRole = nil
            return .ignored
        }
        let document = cachedLayout(role)
        let total = document.lines.count
        let rows = height
        pendingAnchor = nil
        if let movement = action.movement {
            scroll.apply(movement, contentHeight: total, visibleRows: rows)
            return .handled
        }
        switch action {
        case .nextSection:
            if let next = document.sections.first(where: { $0 > scroll.offset }) {
                scroll.offset = next
                scroll.clamp(contentHeight: total, visibleRows: rows)
            }
        case .previousSection:
            scroll.offset = document.sections.last(where: { $0 < scroll.offset }) ?? 0
        case .back, .quit:
            profileRole = nil
            scroll = ViewportState()
        case .compare, .day:
            return navigate(action, from: role)
        case .plan:
            return .navigate(.plan(role: role.id, background: nil))
        default:
            return .ignored
        }
        return .handled
    }

    private func navigate(_ action: Action, from role: Role) -> ScreenResult {
        if action == .day {
            guard catalog.timeline(for: role.id, kind: .day) != nil else { return .ignored }
            return .navigate(.timeline(role: role.id, kind: .day, entry: nil))
        }
        let roles = catalog.roles
        guard let index = roles.firstIndex(where: { $0.id == role.id }), roles.count > 1 else { return .ignored }
        return .navigate(.compare(roles: [role.id, roles[(index + 1) % roles.count].id]))
    }

    private mutating func listMouse(_ mouse: MouseEvent) -> ScreenResult {
        let count = catalog.roles.count
        guard count > 0 else { return .ignored }
        if let wheel = Event.mouse(mouse).wheel {
            list.move(by: wheel, count: count, visibleRows: visibleItems)
            return .handled
        }
        let panes = listLayout(Rect(x: 0, y: 0, width: width, height: height))
        if panes.preview.contains(x: mouse.x, y: mouse.y) {
            return performInList(.open)
        }
        guard panes.list.contains(x: mouse.x, y: mouse.y) else { return .ignored }
        let offset = list.visibleOffset(count: count, visibleRows: visibleItems)
        let index = offset + (mouse.y - panes.list.y) / panes.rowsPerItem
        // The spacer row between two roles belongs to neither.
        guard index < count, (mouse.y - panes.list.y) % panes.rowsPerItem < 2 else { return .ignored }
        if index == list.selected { return performInList(.open) }
        list.select(index, count: count, visibleRows: visibleItems)
        return .handled
    }

    private mutating func profileMouse(_ mouse: MouseEvent) -> ScreenResult {
        guard let wheel = Event.mouse(mouse).wheel, let role = openRole else { return .ignored }
        scroll.scroll(by: wheel * Self.wheelLines, contentHeight: cachedLayout(role).lines.count, visibleRows: height)
        pendingAnchor = nil
        return .handled
    }

    /// Keeps the profile's place across a new width: the same dimension or section stays
    /// at the top, however the lines above it re-wrap.
    private mutating func resize(width newWidth: Int, height newHeight: Int) {
        let place = openRole.flatMap { width > 0 && pendingAnchor == nil ? cachedLayout($0).anchor(atLine: scroll.offset) : nil }
        width = max(0, newWidth)
        height = max(0, newHeight)
        list.reveal(count: catalog.roles.count, visibleRows: max(1, visibleItems))
        guard let role = openRole, width > 0 else { return }
        if let pendingAnchor {
            scroll(toAnchor: pendingAnchor)
        } else if let place {
            let document = cachedLayout(role)
            scroll.offset = (document.anchors[place.id] ?? 0) + place.delta
            scroll.clamp(contentHeight: document.lines.count, visibleRows: height)
        } else {
            scroll.clamp(contentHeight: cachedLayout(role).lines.count, visibleRows: height)
        }
    }

    private mutating func scroll(toAnchor anchor: String) {
        guard let role = openRole else { return }
        let document = cachedLayout(role)
        scroll.offset = document.anchors[anchor] ?? 0
        scroll.clamp(contentHeight: document.lines.count, visibleRows: height)
    }

    // MARK: Geometry, shared by update and render

    /// The profile at the current width (the same lines `render` draws).
    /// Shows `catalog` (the app's, or its copy with pay hidden); the place is kept.
    public mutating func setPay(hidden: Bool, catalog: Catalog) {
        self.catalog = catalog
        payHidden = hidden
        document = nil
        preview = nil
        layOutPreview()
    }

    func layout(_ role: Role, glyphs: Glyphs = .unicode) -> ProfileDocument {
        ProfileDocument(catalog: catalog, role: role, width: Self.profileTextWidth(areaWidth: width), glyphs: glyphs)
    }

    /// The open profile's layout, if it was made for `role` at `textWidth` in `glyphs`.
    func cached(_ role: Role, textWidth: Int, glyphs: Glyphs) -> ProfileDocument? {
        guard let document, document.roleID == role.id, document.width == textWidth, glyphs == .unicode else { return nil }
        return document
    }

    /// `layout(role)`, kept until the role or width changes: a long profile is hundreds of
    /// wrapped lines, too many to lay out again for every key.
    private mutating func cachedLayout(_ role: Role) -> ProfileDocument {
        if let document = cached(role, textWidth: Self.profileTextWidth(areaWidth: width), glyphs: .unicode) { return document }
        let document = layout(role)
        self.document = document
        return document
    }

    /// The profile wraps to the area less a margin on the left, a gap, and the scrollbar.
    static func profileTextWidth(areaWidth: Int) -> Int { max(1, areaWidth - 3) }

    /// Roles that fit in the list pane at once.
    private var visibleItems: Int {
        let panes = listLayout(Rect(x: 0, y: 0, width: width, height: height))
        return max(1, panes.list.height / panes.rowsPerItem)
    }

    /// The list on the left (each role a title row and an alias row, with a spacer row
    /// between roles when they all fit with it), a rule, and the preview on the right.
    func listLayout(_ area: Rect) -> (list: Rect, rule: Rect, preview: Rect, rowsPerItem: Int) {
        // The list is as narrow as its titles allow until the preview has its fill
        // (`previewWidth`); beyond that it widens to show aliases whole.
        let titles = (catalog.roles.map { TextWidth.of($0.title) }.max() ?? 0) + 4
        let aliases = (catalog.roles.map { TextWidth.of($0.aliases.joined(separator: ", ")) }.max() ?? 0) + 4
        let listWidth = min(max(titles, min(aliases, area.width - Self.previewWidth)), area.width / 3)
        let (list, rest) = area.splitLeft(listWidth)
        let (rule, afterRule) = rest.splitLeft(1)
        let preview = afterRule.inset(horizontal: 1)
        let rowsPerItem = catalog.roles.count * 3 - 1 <= area.height ? 3 : 2
        return (list, rule, Rect(x: preview.x, y: area.y, width: preview.width, height: area.height), rowsPerItem)
    }
}
