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
    func renderHints(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        let row = Rect(x: frame.x, y: frame.bottom - 1, width: frame.width, height: 1)
        buffer.fill(row)
        KeyHints(commands.keyMap(keymap, section: nil, hintLabels: true)).render(into: &buffer, area: row)
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

/// The list of recorded sessions; Enter reopens one (read-only when it is finished).
struct PastSessionsOverlay: Overlay {
    var sessions: [PastSession]
    var list = ListState()

    var section: String { "Past sessions" }
    var commands: [Command] {
        [Command(.down, "choose", hint: true), Command(.up, "choose", hint: false),
         Command(.first, "first", hint: false), Command(.last, "last", hint: false),
         Command(.open, "reopen"), Command(.back, "close"), Command(.quit, "close", hint: false),
         Command(.pastSessions, "close", hint: false)]
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        if let movement = action.movement {
            list.apply(movement, count: sessions.count, visibleRows: max(1, sessions.count))
            return .handled
        }
        switch action {
        case .open:
            guard let index = list.selected, sessions.indices.contains(index) else { return .done([.close]) }
            return .done([.close, .reopen(sessions[index].id, readOnly: sessions[index].finished)])
        case .back, .quit, .pastSessions: return .done([.close])
        default: return .ignored
        }
    }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        renderHints(into: &buffer, frame: frame, keymap: keymap)
        let area = listOverlayArea(frame)
        clearBehind(area, frame: frame, in: &buffer)
        Box(title: "Past sessions").render(into: &buffer, area: area)
        let inner = Box.inner(area)
        if sessions.isEmpty {
            buffer.put("No sessions yet. Press \(keymap.shortLabel(.startSession)) on the Questionnaire tab to start one.",
                       x: inner.x + 1, y: inner.y, style: .hint, maxWidth: inner.width - 1)
        } else {
            let items = sessions.map { StyledLine(($0.finished ? "finished    " : "unfinished  ") + $0.line) }
            ListView(items).render(into: &buffer, area: inner, state: ListState(selected: list.selected, offset: listOffset(inner)))
        }
    }

    private func listOffset(_ inner: Rect) -> Int { max(0, (list.selected ?? 0) - inner.height + 1) }

    func focus(frame: Rect) -> Point? {
        let inner = Box.inner(listOverlayArea(frame))
        return Point(x: inner.x, y: inner.y + (list.selected ?? 0) - listOffset(inner))
    }
}

// MARK: Yes or no

/// A question the user answers yes or no (resume a session? replace a file?). It takes
/// every key: only the prompt's own yes and no keys mean anything while it is open.
struct YesNoPrompt: Overlay {
    enum Purpose: Hashable, Sendable {
        case resume(SessionOffer)
        case overwrite(ExportRequest, path: String, format: OutputFormat)
    }

    var purpose: Purpose
    let keymap: Keymap

    var section: String { "Question" }
    var editsText: Bool { true }
    var commands: [Command] {
        switch purpose {
        case .resume: return [Command(.yes, "resume"), Command(.no, "start fresh")]
        case .overwrite: return [Command(.yes, "replace it"), Command(.no, "pick another name")]
        }
    }

    mutating func type(_ key: Key) -> ScreenResult {
        guard let action = keymap.action(for: key, in: .prompt) else { return .handled }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        switch (purpose, action) {
        case (.resume(let offer), .yes): return .done([.close, .resume(offer, readOnly: false)])
        case (.resume, .no): return .done([.close])
        case (.overwrite(let request, let path, let format), .yes): return .done([.close, .export(request, path: path, overwrite: true, format: format)])
        case (.overwrite(let request, let path, let format), .no): return .done([.close, .askExport(request, path: path, format: format)])
        default: return .handled
        }
    }

    var lines: [StyledLine] {
        switch purpose {
        case .resume(let offer):
            return [StyledLine("An unfinished session was found:", style: .heading), StyledLine(offer.label), StyledLine(""),
                    StyledLine("Resume it? \(keymap.label(.yes)) resumes; \(keymap.label(.no)) starts fresh.", style: .hint)]
        case .overwrite(_, let path, _):
            return [StyledLine("\(path) exists. Replace it?", style: .heading), StyledLine(""),
                    StyledLine("\(keymap.label(.yes)) replaces it; \(keymap.label(.no)) picks another name.", style: .hint)]
        }
    }

    var title: String {
        switch purpose {
        case .resume: return "Resume session"
        case .overwrite: return "Replace file"
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
        editor = LineEditor(purpose: .fileName, prompt: Self.prompt(format))
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
