import RoleReports
import RoleModel
import TerminalKit

/// A component drawn over the whole frame that takes every key while it is open: help,
/// search, past sessions, the resume question and the export prompt. Each is a `Screen`
/// like the tabs (its own commands, hints generated from them, `perform`, `render`), so
/// the app handles them all in one way; `Effect.close` closes one.
protocol Overlay: Screen {
    /// Draws the overlay over the frame, its hint row (the frame's last row) included.
    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap)
    /// The cursor's place in frame coordinates.
    func focus(frame: Rect) -> Point?
}

extension Overlay {
    public var isAtTop: Bool { false }
    public var breadcrumb: String { "" }
    public mutating func update(_ event: Event) -> ScreenResult { .ignored }
    public func render(into buffer: inout Buffer, area: Rect) { render(into: &buffer, frame: area, keymap: .standard) }

    /// The overlay's hints on the frame's last row, from its commands.
    /// A hint that does not fit is dropped whole; `? help` and the way out (`back`) are
    /// kept first, as on the screens.
    func renderHints(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        let row = Rect(x: frame.x, y: frame.bottom - 1, width: frame.width, height: 1)
        buffer.fill(row)
        let all = KeyHints(commands.keyMap(keymap, section: nil, hintLabels: true)).entries
        let first = Set([Action.help, .back].map { keymap.shortLabel($0) })
        let fitted = KeyHints(entries: all.filter { first.contains($0.label) } + all.filter { !first.contains($0.label) }).fitting(width: row.width)
        KeyHints(entries: all.filter { fitted.contains($0) }).render(into: &buffer, area: row)
    }
}

/// Clears the rows a box covers from edge to edge of `frame` before the box is drawn, so
/// no character of the screen below is left beside it (a half word at the box's edge
/// reads as part of the overlay).
func clearBehind(_ box: Rect, frame: Rect, in buffer: inout Buffer) {
    buffer.fill(Rect(x: frame.x, y: box.y, width: frame.width, height: box.height))
}

/// The box the list overlays (search, past sessions) draw in: below the header, above the
/// hint row.
func listOverlayArea(_ frame: Rect) -> Rect {
    Rect(x: frame.x + 1, y: frame.y + 2, width: max(0, frame.width - 2), height: max(0, frame.height - 3))
}

// MARK: Help

/// The keys of the screen under it and of the app, scrolled like any text; any key that
/// is not a movement closes it.
struct HelpOverlay: Overlay {
    var lines: [StyledLine]
    /// The overlay the help was opened over (the past sessions list), back when it closes.
    var under: (any Overlay)?
    var scroll = ViewportState()
    var visibleRows = 1
    let keymap: Keymap

    var section: String { "Help" }
    var editsText: Bool { true }
    var commands: [Command] {
        [Command(.down, "scroll"), Command(.up, "scroll", hint: false), Command(.pageDown, "a page down", hint: false),
         Command(.pageUp, "a page up", hint: false), Command(.first, "top", hint: false), Command(.last, "bottom", hint: false),
         Command(.back, "close")]
    }

    static func area(_ frame: Rect, lineCount: Int) -> Rect {
        frame.centered(width: min(frame.width - 4, 78), height: min(frame.height - 2, lineCount + 2))
    }

    /// Help text wraps to this width inside a frame `frameWidth` wide.
    static func textWidth(frameWidth: Int) -> Int { min(frameWidth - 4, 78) - 4 }

    mutating func type(_ key: Key) -> ScreenResult {
        guard let movement = keymap.action(for: key)?.movement else { return .done([.close]) }
        return perform(movement == .up ? .up : movement == .down ? .down : movement == .first ? .first
                       : movement == .last ? .last : movement == .pageUp || movement == .halfPageUp ? .pageUp : .pageDown)
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        guard let movement = action.movement else { return .done([.close]) }
        scroll.apply(movement, contentHeight: lines.count, visibleRows: visibleRows)
        return .handled
    }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        renderHints(into: &buffer, frame: frame, keymap: keymap)
        let area = Self.area(frame, lineCount: lines.count)
        guard area.width > 4, area.height > 2 else { return }
        clearBehind(area, frame: frame, in: &buffer)
        Box(title: "Help").render(into: &buffer, area: area)
        Viewport(lines).render(into: &buffer, area: Box.inner(area).inset(horizontal: 1), state: scroll)
    }

    func focus(frame: Rect) -> Point? {
        let area = Self.area(frame, lineCount: lines.count)
        return Point(x: area.x + 2, y: area.y + 1)
    }
}

// MARK: Past sessions

/// The list of recorded sessions, newest first: Enter reopens one (read-only when it is
/// finished), F2 renames its candidate label, Del deletes it (after asking), and `/`
/// filters the list by candidate as you type. The selected session's whole line shows
/// below the list, wrapped, so nothing about it is cut at 80 columns.
struct PastSessionsOverlay: Overlay {
    /// Every session the store holds.
    var all: [PastSession]
    var list = ListState()
    /// Only sessions whose candidate label holds this text (any case) are listed.
    var filter = ""
    /// The label or filter being typed, if one is.
    var editor: Editing?

    enum Editing: Hashable, Sendable {
        case filter(LineEditor)
        case rename(Int64, LineEditor)

        var line: LineEditor {
            switch self {
            case .filter(let editor), .rename(_, let editor): return editor
            }
        }
    }

    init(sessions: [PastSession], filter: String = "", selecting id: Int64? = nil) {
        all = sessions
        self.filter = filter
        let shown = self.sessions
        list = ListState(selected: shown.isEmpty ? nil : (id.flatMap { id in shown.firstIndex { $0.id == id } } ?? 0))
    }

    /// The sessions listed: all of them, or those whose candidate matches the filter.
    var sessions: [PastSession] {
        let wanted = filter.trimmed().lowercased()
        guard !wanted.isEmpty else { return all }
        return all.filter { ($0.candidate ?? "").lowercased().contains(wanted) }
    }

    var selected: PastSession? {
        let shown = sessions
        guard let index = list.selected, shown.indices.contains(index) else { return nil }
        return shown[index]
    }

    var section: String { "Past sessions" }
    var editsText: Bool { editor != nil }

    var commands: [Command] {
        if editor != nil { return [Command(.open, "keep"), Command(.back, "cancel")] }
        var commands = [Command(.down, "choose", hint: true), Command(.up, "choose", hint: false),
                        Command(.first, "first", hint: false), Command(.last, "last", hint: false)]
        if let selected {
            commands += [Command(.open, selected.finished ? "read" : "resume"), Command(.rename, "rename"),
                         Command(.clear, "delete")]
        }
        commands += [Command(.search, "filter"), Command(.help, "help"),
                     Command(.back, filter.isEmpty ? "close" : "unfilter"), Command(.quit, "close", hint: false),
                     Command(.pastSessions, "close", hint: false)]
        return commands
    }

    mutating func type(_ key: Key) -> ScreenResult {
        guard let editing = editor else { return .ignored }
        var line = editing.line
        let outcome = line.handle(key)
        switch (editing, outcome) {
        case (.filter, .editing):
            editor = .filter(line)
            filter = line.text
            list = ListState(selected: sessions.isEmpty ? nil : 0)
        case (.filter, .accepted):
            editor = nil
        case (.filter, .cancelled):
            editor = nil
            filter = ""
            list = ListState(selected: sessions.isEmpty ? nil : 0)
        case (.rename(let id, _), .editing): editor = .rename(id, line)
        case (.rename(let id, _), .accepted(let text)):
            editor = nil
            return .done([.renameSession(id, to: text.trimmed())])
        case (.rename, .cancelled): editor = nil
        }
        return .handled
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        if let movement = action.movement {
            list.apply(movement, count: sessions.count, visibleRows: max(1, sessions.count))
            return .handled
        }
        switch action {
        case .open:
            guard let selected else { return .done([.close]) }
            return .done([.close, .reopen(selected.id, readOnly: selected.finished)])
        case .rename:
            guard let selected else { return .handled }
            var line = LineEditor(prompt: " Candidate for #\(selected.id), Enter keeps: ")
            line.text = selected.candidate ?? ""
            editor = .rename(selected.id, line)
        case .clear:
            guard let selected else { return .handled }
            return .done([.askDelete(selected)])
        case .help: return .done([.help])
        case .search:
            var line = LineEditor(prompt: " Candidate: ")
            line.text = filter
            editor = .filter(line)
        case .back where !filter.isEmpty:
            filter = ""
            list = ListState(selected: sessions.isEmpty ? nil : 0)
        case .back, .quit, .pastSessions: return .done([.close])
        default: return .ignored
        }
        return .handled
    }

    /// Rows under the list for the selected session's whole line.
    static let detailRows = 3

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        renderHints(into: &buffer, frame: frame, keymap: keymap)
        let area = listOverlayArea(frame)
        clearBehind(area, frame: frame, in: &buffer)
        let shown = sessions
        let title = filter.isEmpty ? "Past sessions (\(all.count))" : "Past sessions: \(shown.count) of \(all.count) for \"\(filter)\""
        Box(title: title).render(into: &buffer, area: area)
        let inner = Box.inner(area)
        let listArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - Self.detailRows - 1))
        if all.isEmpty {
            buffer.put("No sessions yet. Press \(keymap.shortLabel(.startSession)) on the Questionnaire tab to start one.",
                       x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
        } else if shown.isEmpty {
            buffer.put("No session's candidate holds \"\(filter)\". \(keymap.shortLabel(.back)) clears the filter.",
                       x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
        } else {
            let items = shown.map { StyledLine(($0.finished ? "finished    " : "unfinished  ") + $0.line) }
            ListView(items).render(into: &buffer, area: listArea, state: ListState(selected: list.selected, offset: listOffset(listArea)))
            if let selected, inner.height > Self.detailRows + 2 {
                let rule = Rect(x: inner.x, y: listArea.bottom, width: inner.width, height: 1)
                buffer.fill(rule, with: Character(buffer.glyphs.horizontal), style: .dim)
                let text = (selected.finished ? "Finished (read-only): " : "Unfinished (Enter resumes): ") + selected.line
                let lines = RoleText.wrap(StyledLine(text), width: max(1, inner.width - 2), maxLines: Self.detailRows, ellipsis: buffer.glyphs.ellipsis)
                for (row, line) in lines.enumerated() {
                    buffer.put(line, x: inner.x + 1, y: rule.y + 1 + row, maxWidth: inner.width - 2)
                }
            }
        }
        if let editor {
            editor.line.render(into: &buffer, row: Rect(x: frame.x, y: frame.bottom - 1, width: frame.width, height: 1))
        }
    }

    private func listOffset(_ area: Rect) -> Int { max(0, (list.selected ?? 0) - area.height + 1) }

    func focus(frame: Rect) -> Point? {
        if let editor { return Point(x: min(frame.width - 1, editor.line.cursorColumn(width: frame.width)), y: frame.bottom - 1) }
        let inner = Box.inner(listOverlayArea(frame))
        let listArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - Self.detailRows - 1))
        return Point(x: inner.x, y: inner.y + (list.selected ?? 0) - listOffset(listArea))
    }
}

// MARK: Yes or no

/// A question the user answers yes or no (resume a session? replace a file?). It takes
/// every key: only the prompt's own yes and no keys mean anything while it is open.
struct YesNoPrompt: Overlay {
    enum Purpose: Hashable, Sendable {
        case resume(SessionOffer)
        /// A session another running rolescope records: read it, or take it over.
        case resumeHeld(SessionOffer)
        case overwrite(ExportRequest, path: String, format: OutputFormat)
        /// A read-only session was about to change: start a new one from its answers?
        case newSession(label: String)
        /// Delete this past session (from the `L` list)?
        case delete(PastSession, filter: String)
    }

    var purpose: Purpose
    let keymap: Keymap

    var section: String { "Question" }
    var editsText: Bool { true }
    var commands: [Command] {
        switch purpose {
        case .resume: return [Command(.yes, "resume"), Command(.no, "start fresh")]
        case .resumeHeld: return [Command(.yes, "take it over"), Command(.no, "read-only")]
        case .overwrite: return [Command(.yes, "replace it"), Command(.no, "pick another name")]
        case .newSession: return [Command(.yes, "start a new session"), Command(.no, "keep reading")]
        case .delete: return [Command(.yes, "delete it"), Command(.no, "keep it")]
        }
    }

    mutating func type(_ key: Key) -> ScreenResult {
        guard let action = keymap.action(for: key, in: .prompt) else { return .handled }
        // Deleting cannot be undone: only a deliberate yes (not Enter, pressed out of habit) does it.
        if case .delete = purpose, action == .yes, key == .enter { return .handled }
        return perform(action)
    }

    /// The yes keys this prompt takes: all of them, or for a deletion all but Enter.
    var yesLabel: String {
        guard case .delete = purpose else { return keymap.label(.yes) }
        return keymap.keys(for: .yes).filter { $0 != .enter }.map { $0.label() }.joined(separator: "/")
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        switch (purpose, action) {
        case (.resume(let offer), .yes): return .done([.close, .resume(offer, readOnly: false)])
        case (.resume, .no): return .done([.close])
        case (.resumeHeld(let offer), .yes): return .done([.close, .resume(offer, readOnly: false)])
        case (.resumeHeld(let offer), .no): return .done([.close, .resume(offer, readOnly: true)])
        case (.overwrite(let request, let path, let format), .yes): return .done([.close, .export(request, path: path, overwrite: true, format: format)])
        case (.overwrite(let request, let path, let format), .no): return .done([.close, .askExport(request, path: path, format: format)])
        case (.newSession, .yes): return .done([.close, .newSessionFromShown])
        case (.newSession, .no): return .done([.close, .message("Nothing changed: the session is read-only")])
        case (.delete(let session, let filter), .yes): return .done([.close, .deleteSession(session.id, filter: filter)])
        case (.delete(let session, let filter), .no): return .done([.close, .pastSessions(filter: filter, selecting: session.id)])
        default: return .handled
        }
    }

    var lines: [StyledLine] {
        switch purpose {
        case .resume(let offer):
            return [StyledLine("An unfinished session was found:", style: .heading), StyledLine(offer.label), StyledLine(""),
                    StyledLine("Resume it? \(keymap.label(.yes)) resumes; \(keymap.label(.no)) starts fresh.", style: .hint)]
        case .resumeHeld(let offer):
            return [StyledLine("Another rolescope (\(offer.heldBy ?? "still running")) is recording this session:", style: .heading),
                    StyledLine(offer.label), StyledLine(""),
                    StyledLine("One app writes a session at a time. \(keymap.label(.yes)) takes it over (the other app stops recording it and says so); \(keymap.label(.no)) opens it read-only.", style: .hint)]
        case .overwrite(_, let path, _):
            return [StyledLine("\(path) exists. Replace it?", style: .heading), StyledLine(""),
                    StyledLine("\(keymap.label(.yes)) replaces it; \(keymap.label(.no)) picks another name.", style: .hint)]
        case .delete(let session, _):
            return [StyledLine("Delete session #\(session.id)?", style: .heading), StyledLine(session.line), StyledLine(""),
                    StyledLine("Its answers, notes and self-assessments go for good. \(yesLabel) deletes it; \(keymap.label(.no)) keeps it.",
                               style: .hint)]
        case .newSession(let label):
            return [StyledLine("\(label) is read-only: its answers stay as they were recorded.", style: .heading),
                    StyledLine("A new session for the same candidate can start from these answers, and change them."),
                    StyledLine(""),
                    StyledLine("Start a new session? \(keymap.label(.yes)) starts it; \(keymap.label(.no)) keeps reading.", style: .hint)]
        }
    }

    var title: String {
        switch purpose {
        case .resume: return "Resume session"
        case .resumeHeld: return "Session in use"
        case .overwrite: return "Replace file"
        case .newSession: return "Read-only session"
        case .delete: return "Delete session"
        }
    }

    func area(_ frame: Rect, width: Int) -> Rect {
        frame.centered(width: width, height: wrapped(width: width - 4).count + 2)
    }

    /// The question wraps (never its choices): every line fits the box.
    /// An empty line stays as a blank spacer (`RoleText.wrap` gives none for it).
    func wrapped(width: Int) -> [StyledLine] { lines.flatMap { $0.text.isEmpty ? [$0] : RoleText.wrap($0, width: max(1, width)) } }

    func boxWidth(_ frame: Rect) -> Int { max(10, min(frame.width - 4, 70)) }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        renderHints(into: &buffer, frame: frame, keymap: keymap)
        let width = boxWidth(frame)
        let area = self.area(frame, width: width)
        clearBehind(area, frame: frame, in: &buffer)
        Box(title: title).render(into: &buffer, area: area)
        Viewport(wrapped(width: width - 4)).render(into: &buffer, area: Box.inner(area).inset(horizontal: 1), state: ViewportState())
    }

    func focus(frame: Rect) -> Point? {
        let area = self.area(frame, width: boxWidth(frame))
        return Point(x: area.x + 2, y: area.bottom - 2)
    }
}

// MARK: Export

/// The file name for `e`, on the hint row, and the format (Tab changes it); Enter
/// writes, Esc cancels.
struct ExportOverlay: Overlay {
    var request: ExportRequest
    var format: OutputFormat
    var editor: LineEditor

    init(request: ExportRequest, path: String? = nil, format: OutputFormat = .markdown) {
        self.request = request
        self.format = format
        editor = LineEditor(prompt: Self.prompt(format))
        editor.text = path ?? request.suggestedFileName(format)
    }

    static func prompt(_ format: OutputFormat) -> String { " Export as \(format.title) (Tab: format) to: " }

    var section: String { "Export" }
    var editsText: Bool { true }
    var commands: [Command] { [Command(.open, "save"), Command(.back, "cancel")] }

    mutating func type(_ key: Key) -> ScreenResult {
        if key == .tab || key == .backTab {
            // Markdown, text, JSON in turn; the suggested name follows the format.
            let formats: [OutputFormat] = [.markdown, .text, .json]
            let next = formats[(formats.firstIndex(of: format)! + (key == .tab ? 1 : 2)) % formats.count]
            if editor.text.hasSuffix("." + format.fileExtension) {
                editor.text = String(editor.text.dropLast(format.fileExtension.count)) + next.fileExtension
            }
            format = next
            editor.prompt = Self.prompt(next)
            return .handled
        }
        switch editor.handle(key) {
        case .editing: return .handled
        case .cancelled: return .done([.close])
        case .accepted(let name):
            let path = name.trimmed()
            guard !path.isEmpty else { return .handled }
            return .done([.close, .export(request, path: path, overwrite: false, format: format)])
        }
    }

    mutating func perform(_ action: Action) -> ScreenResult { .ignored }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        editor.render(into: &buffer, row: Rect(x: frame.x, y: frame.bottom - 1, width: frame.width, height: 1))
    }

    func focus(frame: Rect) -> Point? { Point(x: min(frame.width - 1, editor.cursorColumn(width: frame.width)), y: frame.bottom - 1) }
}
