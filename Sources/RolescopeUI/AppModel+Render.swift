import RoleModel
import TerminalKit

extension AppModel {
    var tabsWidget: Tabs { Tabs(Tab.allCases.map(\.title), selected: tab.rawValue) }

    /// The global commands a screen leaves to the app: those it does not offer itself.
    func globalCommands(under screen: any Screen) -> [Command] {
        globalCommands.filter { !screen.commands.offers($0.action) }
    }

    /// The help for `screen`: its keys, then the keys that work everywhere.
    func helpLines(under screen: any Screen, width: Int) -> [StyledLine] {
        var rows = KeyHelp(screen.keyMap(keymap)).rows
        rows += KeyHelp(globalCommands(under: screen).keyMap(keymap, section: "Everywhere")).rows
        rows.append(KeyHelp.Row(section: "Everywhere", label: "Ctrl-C", description: "quit at once"))
        rows.append(KeyHelp.Row(section: "Mouse", label: "click", description: "selects, and on what is selected opens it"))
        rows.append(KeyHelp.Row(section: "Mouse", label: "wheel", description: "scrolls"))
        rows.append(KeyHelp.Row(section: "Mouse", label: "off", description:
            "rolescope --no-mouse, or mouse: false in config.yaml, leaves the terminal's own text selection alone"))
        let title = "Keys for \(shownPlan == nil ? tab.title : "the plan")"
        return [StyledLine(spans: [Span(title, style: .heading)]), StyledLine(spans: [])] + KeyHelp(rows: rows).lines(width: width)
            + [StyledLine(spans: []), StyledLine(spans: [Span("Any other key closes this help.", style: .hint)])]
    }

    /// The hint bar: the screen's hints, then the app's (search, help, quit). A hint that
    /// does not fit is dropped whole, in a stated order: `? help` and the way out (the
    /// screen's back or the app's quit) are kept first, then the screen's kept commands
    /// (the note key while a session records), then its other hints in their order, then
    /// the app's.
    var hints: KeyHints {
        let screen = focused
        let own = KeyHints(screen.commands.keyMap(keymap, section: nil, hintLabels: true)).entries
        if screen.editsText { return KeyHints(entries: own) }
        let global = KeyHints(globalCommands(under: screen).keyMap(keymap, section: nil, hintLabels: true)).entries
        let wayOut = Set([Action.back, .quit].map { keymap.shortLabel($0) })
        let kept = Set(screen.commands.filter { $0.kept && $0.hint }.map { keymap.shortLabel($0.action) })
        let first = global.filter { $0.label == keymap.shortLabel(.help) } + (own + global).filter { wayOut.contains($0.label) }.prefix(1)
            + own.filter { kept.contains($0.label) }
        let fitted = KeyHints(entries: first + (own + global).filter { !first.contains($0) }).fitting(width: width)
        // Back in their order, each where its list puts it.
        return KeyHints(entries: (own + global).filter { fitted.contains($0) })
    }

    /// Draws the whole app; a pure function of the model.
    public func render(into buffer: inout Buffer) {
        buffer.clear()
        let full = frame
        if isTooSmall {
            TooSmallNotice(minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight).render(into: &buffer, area: full)
            return
        }
        // Header: the app's name and the tabs.
        buffer.fill(full.row(0), style: .tabInactive)
        let name = " Rolescope "
        let used = buffer.put(name, x: 0, y: 0, style: Style.title.bold(), maxWidth: width)
        tabsWidget.render(into: &buffer, area: Rect(x: used, y: 0, width: max(0, width - used), height: 1))
        // Where you are. A warning that does not fit beside it has rows of its own below.
        let wrapped = warningLines
        for (index, line) in wrapped.enumerated() {
            buffer.putTruncated(" " + line, x: 0, y: 2 + index, style: .warning, maxWidth: width)
        }
        let notes = (message.map { [$0] } ?? []) + (wrapped.isEmpty ? warning.map { [$0] } ?? [] : []) + (payHidden ? ["pay hidden ($ shows)"] : [])
        if !notes.isEmpty {
            // The note sits at the right; the breadcrumb gets what is left.
            let note = notes.joined(separator: " · ") + " "
            let noteWidth = TextWidth.of(note)
            let room = width - noteWidth - 1
            if room >= 20 {
                buffer.putTruncated(" " + focused.breadcrumb, x: 0, y: 1, style: .dim, maxWidth: room)
                buffer.put(note, x: width - noteWidth, y: 1, style: .warning, maxWidth: noteWidth)
            } else {
                buffer.putTruncated(" " + notes.joined(separator: " · ") + " · " + focused.breadcrumb, x: 0, y: 1, style: .dim, maxWidth: width)
            }
        } else {
            buffer.putTruncated(" " + focused.breadcrumb, x: 0, y: 1, style: .dim, maxWidth: width)
        }
        focused.render(into: &buffer, area: contentArea)
        if let highlight { _ = Self.mark(highlight, in: contentArea, of: &buffer) }
        if let overlay {
            overlay.render(into: &buffer, frame: full, keymap: keymap)
        } else {
            hints.render(into: &buffer, area: Rect(x: 0, y: height - 1, width: width, height: 1))
        }
    }

    /// Where the terminal cursor goes after a frame: on the focused item (the selected row,
    /// answer, entry, skill, the text being typed), for screen readers and magnifiers.
    public var cursor: Point {
        if isTooSmall { return Point(x: 0, y: 0) }
        if let overlay, let point = overlay.focus(frame: frame) { return clamp(point) }
        let area = contentArea
        if let highlight {
            // On a search landing, the cursor sits on the hit.
            var buffer = Buffer(width: width, height: height)
            focused.render(into: &buffer, area: area)
            if let first = Self.mark(highlight, in: area, of: &buffer) { return first }
        }
        let point = focused.focus ?? Point(x: 0, y: 0)
        return clamp(Point(x: area.x + point.x, y: area.y + point.y))
    }

    /// Marks every whole-word occurrence of the words of `phrases` in `area` bold and
    /// underlined (a style, so it shows without colour), as search folds them (case and
    /// accents). Returns the first cell marked.
    static func mark(_ phrases: [String], in area: Rect, of buffer: inout Buffer) -> Point? {
        let wanted = Set(phrases.flatMap { SearchIndex.foldedWords($0) })
        guard !wanted.isEmpty else { return nil }
        var first: Point?
        for y in area.y..<area.bottom {
            // The row's characters, each with its column, folded one by one.
            var columns: [Int] = []
            var characters: [Character] = []
            for x in area.x..<area.right where !buffer[x, y].isContinuation {
                for character in SearchIndex.folded(buffer[x, y].text) {
                    columns.append(x)
                    characters.append(character)
                }
            }
            var index = 0
            while index < characters.count {
                guard characters[index].isLetter || characters[index].isNumber else { index += 1; continue }
                var end = index
                while end < characters.count && (characters[end].isLetter || characters[end].isNumber) { end += 1 }
                if wanted.contains(String(characters[index..<end])) {
                    let x0 = columns[index], x1 = columns[end - 1]
                    for x in x0...x1 { buffer.setStyle(buffer[x, y].style.bold().underline(), in: Rect(x: x, y: y, width: 1, height: 1)) }
                    if first == nil { first = Point(x: x0, y: y) }
                }
                index = end
            }
        }
        return first
    }

    private func clamp(_ point: Point) -> Point {
        Point(x: min(max(0, point.x), max(0, width - 1)), y: min(max(0, point.y), max(0, height - 1)))
    }
}
