import RoleModel
import TerminalKit

extension AppModel {
    var tabsWidget: Tabs { Tabs(Tab.allCases.map(\.title), selected: tab.rawValue) }

    var helpArea: Rect {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        return area.centered(width: min(width - 4, 78), height: min(height - 2, helpLines(width: min(width - 4, 78) - 4).count + 2))
    }

    var searchArea: Rect { Rect(x: 1, y: 2, width: max(0, width - 2), height: max(0, height - 3)) }

    /// The focused screen's keys, then the keys that work everywhere.
    func helpLines(width: Int) -> [StyledLine] {
        var rows = focused.keyHelp.rows
        // A global key reaches the app only when the screen ignores it (the Skills
        // tab's digits rate a skill, they do not switch tabs), so help lists a global
        // binding only for the keys this screen leaves alone. Asked of a copy of the
        // screen: screens are values, so the probe changes nothing on screen.
        var global = globalKeys(capturesText: focused.capturesText)
        global.bindings = global.bindings.compactMap { binding in
            var binding = binding
            binding.keys = binding.keys.filter { key in
                var probe = focused
                return probe.update(.key(key)) == .ignored
            }
            return binding.keys.isEmpty ? nil : binding
        }
        rows += KeyHelp(global).rows
        rows += Self.fixedKeys
        return [StyledLine(spans: [Span("Keys for \(shownPlan == nil ? tab.title : "the plan")", style: .heading)]), StyledLine(spans: [])] + KeyHelp(rows: rows).lines(width: width)
            + [StyledLine(spans: []), StyledLine(spans: [Span("Any other key closes this help.", style: .hint)])]
    }

    /// Draws the whole app; a pure function of the model.
    public func render(into buffer: inout Buffer) {
        buffer.clear()
        let full = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
        if isTooSmall {
            TooSmallNotice(minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight).render(into: &buffer, area: full)
            return
        }
        // Header: the app's name and the tabs.
        buffer.fill(full.row(0), style: .tabInactive)
        let name = " Rolescope "
        let used = buffer.put(name, x: 0, y: 0, style: Style.title.bold(), maxWidth: width)
        tabsWidget.render(into: &buffer, area: Rect(x: used, y: 0, width: max(0, width - used), height: 1))
        // Where you are.
        let notes = (status.map { [$0] } ?? []) + (warning.map { [$0] } ?? []) + (payHidden ? ["pay hidden ($ shows)"] : [])
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
        // Key hints.
        let hintRow = Rect(x: 0, y: height - 1, width: width, height: 1)
        switch overlay {
        case .search:
            renderSearch(into: &buffer, hintRow: hintRow)
        case .export(let prompt):
            if let path = prompt.confirming {
                buffer.fill(hintRow, style: .selectedInactive)
                buffer.putTruncated(" \(path) exists. Replace it? y replaces, n or Esc picks another name", x: 0, y: hintRow.y, style: Style.warning.bold(), maxWidth: width)
            } else {
                prompt.editor.render(into: &buffer, row: hintRow)
            }
        case .sessions(let list, let selected):
            KeyHints(entries: [.init(label: "↑↓", description: "choose"), .init(label: "Enter", description: "reopen"), .init(label: "Esc", description: "close")]).render(into: &buffer, area: hintRow)
            let area = searchArea
            buffer.fill(area)
            Box(title: "Past sessions").render(into: &buffer, area: area)
            let inner = Box.inner(area)
            if list.isEmpty {
                buffer.put("No sessions yet. Press S on the Questionnaire tab to start one.", x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
            } else {
                let items = list.map { StyledLine(($0.finished ? "finished    " : "unfinished  ") + $0.line) }
                ListView(items).render(into: &buffer, area: inner, state: ListState(selected: selected, offset: max(0, selected - inner.height + 1)))
            }
        case .resume(let offer):
            KeyHints(entries: [.init(label: "Enter/y", description: "resume"), .init(label: "n/Esc", description: "start fresh")]).render(into: &buffer, area: hintRow)
            let lines = [
                StyledLine("An unfinished session was found:", style: .heading),
                StyledLine(offer.label),
                StyledLine(""),
                StyledLine("Resume it? Enter or y resumes; n or Esc starts fresh.", style: .hint),
            ]
            let area = Rect(x: 0, y: 0, width: width, height: height).centered(width: min(width - 4, 70), height: lines.count + 2)
            buffer.fill(area)
            Box(title: "Resume session").render(into: &buffer, area: area)
            Viewport(lines).render(into: &buffer, area: Box.inner(area).inset(horizontal: 1), state: ViewportState())
        case .help(let offset):
            KeyHints(entries: [.init(label: "j/k", description: "scroll"), .init(label: "any key", description: "close")]).render(into: &buffer, area: hintRow)
            let area = helpArea
            buffer.fill(area)
            Box(title: "Help").render(into: &buffer, area: area)
            Viewport(helpLines(width: area.width - 4)).render(into: &buffer, area: Box.inner(area).inset(horizontal: 1), state: ViewportState(offset: offset))
        case nil:
            // The screen's hints first; a global hint for a key the screen already names is
            // dropped, since the screen's meaning wins.
            var hints = focused.keyHints.entries
            let taken = Set(hints.flatMap { [$0.label] + $0.label.split(separator: "/").map(String.init) })
            if !focused.editsText {
                hints += KeyHints(globalKeys(capturesText: focused.capturesText)).entries.filter { !taken.contains($0.label) }
            }
            KeyHints(entries: hints).render(into: &buffer, area: hintRow)
        }
    }

    private func renderSearch(into buffer: inout Buffer, hintRow: Rect) {
        buffer.fill(hintRow)
        let prompt = "/" + search.query
        let used = buffer.put(prompt, x: 0, y: hintRow.y, style: .accent, maxWidth: width)
        if used < width { buffer.put("█", x: used, y: hintRow.y, style: .accent, maxWidth: 1) }
        let count = search.query.isEmpty ? "type to search everything" : "\(search.hits.count) match\(search.hits.count == 1 ? "" : "es") · ↑↓ choose · Enter go · Esc cancel"
        let countWidth = TextWidth.of(count)
        if width - countWidth - 1 > used + 2 { buffer.put(count, x: width - countWidth - 1, y: hintRow.y, style: .hint, maxWidth: countWidth) }
        guard !search.query.isEmpty else { return }
        let area = searchArea
        buffer.fill(area)
        Box(title: "Search: \(search.query)").render(into: &buffer, area: area)
        let inner = Box.inner(area)
        if search.hits.isEmpty {
            buffer.put("No matches. Try a shorter or different word.", x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
            return
        }
        let titleWidth = min(40, inner.width / 2)
        let items = search.hits.map { hit -> StyledLine in
            StyledLine(spans: [Span(TextWrap.pad(TextWrap.truncate(hit.title, width: titleWidth - 1), to: titleWidth), style: .heading),
                        Span(excerpt(hit, width: inner.width - titleWidth - 3))])
        }
        ListView(items).render(into: &buffer, area: inner, state: search.list)
    }

    /// The matched text with a little context, fitted to `width` cells.
    func excerpt(_ hit: SearchHit, width: Int) -> String {
        let characters = Array(hit.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "))
        let start = max(0, hit.matchOffset - 12)
        let text = (start > 0 ? "…" : "") + String(characters[min(start, characters.count)...])
        return TextWrap.truncate(text, width: max(0, width))
    }
}
