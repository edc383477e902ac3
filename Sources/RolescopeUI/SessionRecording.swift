#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import TerminalKit

/// What the questionnaire screen asks to be written down while a session runs. The
/// screen only queues these (its update stays pure); the app drains the queue after each
/// update into its `SessionRecorder`, so each answer is stored the moment it is given.
public enum SessionRecord: Hashable, Sendable {
    case start(questionnaire: Questionnaire, candidate: String?)
    case answer(Question, index: Int, reaching: Explanation?)
    case change(Question, index: Int, reaching: Explanation?)
    case back(Question, index: Int)
    case restart
    case note(Question, answerIndex: Int?, text: String)
    /// A completed self-assessment (the Skills tab's results were opened), stored whole
    /// with the fits it gives.
    case assessment(SelfAssessment)
    /// Pay figures were hidden or shown (the `$` key) while the session records.
    case payHidden(Bool)
}

/// Where session records go: the SQLite store in the app, an in-memory list in tests.
public protocol SessionRecorder: Sendable {
    /// Starts a session (pay hidden or not, as the app is now) and returns its id.
    func start(questionnaire: Questionnaire, candidate: String?, payHidden: Bool) throws -> Int64
    func record(_ record: SessionRecord, in session: Int64) throws
    /// Past sessions, newest first, for the app's list.
    func past() throws -> [PastSession]
    /// A past session rebuilt for showing (finished) or resuming (unfinished).
    func reopen(_ id: Int64) throws -> SessionOffer
    /// Sets the session's candidate label; nil or blank clears it.
    func rename(_ id: Int64, to candidate: String?) throws
    /// Deletes the session and everything recorded in it.
    func delete(_ id: Int64) throws
    /// Takes the session to write into (one writer per session): fails with `SessionLost`
    /// when another running rolescope holds it, unless `takingOver`.
    func hold(_ id: Int64, takingOver: Bool) throws
    /// Lets the session go (moving to another session, or quitting).
    func release(_ id: Int64)
}

extension SessionRecorder {
    /// Recorders with no other writers to fear (tests) hold every session.
    public func hold(_ id: Int64, takingOver: Bool) throws {}
    public func release(_ id: Int64) {}
}

/// A write refused for good: another running rolescope records the session (it took it
/// over, or held it first), or the session was deleted. This app must not write into it,
/// and retrying cannot help.
public struct SessionLost: Error, CustomStringConvertible, Sendable {
    public enum Reason: Sendable { case takenOver, deleted }

    public var session: Int64
    public var reason: Reason
    public var description: String

    public init(session: Int64, reason: Reason = .takenOver, description: String) {
        self.session = session
        self.reason = reason
        self.description = description
    }
}

/// One row of the past sessions list: the line to show, and its parts for marking,
/// sorting or filtering it.
public struct PastSession: Hashable, Sendable {
    public var id: Int64
    public var line: String
    public var finished: Bool
    /// When the session started.
    public var date: Date
    public var candidate: String?
    /// The outcome's title, when the session is finished.
    public var outcome: String?
    /// Whether pay figures were hidden in the session (last it said).
    public var payHidden: Bool

    public init(id: Int64, line: String, finished: Bool, date: Date = Date(timeIntervalSince1970: 0), candidate: String? = nil,
                outcome: String? = nil, payHidden: Bool = false) {
        self.id = id
        self.line = line
        self.finished = finished
        self.date = date
        self.candidate = candidate
        self.outcome = outcome
        self.payHidden = payHidden
    }
}

/// An unfinished session the app offers to resume on start.
public struct SessionOffer: Hashable, Sendable {
    public var id: Int64
    public var label: String
    public var run: QuestionnaireRun
    /// The candidate's label, for the breadcrumb once resumed.
    public var candidate: String
    /// The ratings of the session's last self-assessment, shown again on the Skills tab.
    public var assessment: SelfAssessment?
    /// Whether pay was hidden in the session: resuming (and the resume prompt) hides it.
    public var payHidden: Bool
    /// The notes taken so far, shown again beside their answers.
    public var notes: [AnswerNote]
    /// The other running rolescope recording the session ("process 4242"), if any: then
    /// it is offered read-only or to take over.
    public var heldBy: String?

    public init(id: Int64, label: String, run: QuestionnaireRun, candidate: String = "", assessment: SelfAssessment? = nil,
                payHidden: Bool = false, notes: [AnswerNote] = [], heldBy: String? = nil) {
        self.heldBy = heldBy
        self.id = id
        self.label = label
        self.run = run
        self.candidate = candidate
        self.assessment = assessment
        self.payHidden = payHidden
        self.notes = notes
    }
}

/// A note taken during a session, on one answer to a question (or on the question itself
/// when `answerIndex` is nil, taken before any answer was given).
public struct AnswerNote: Hashable, Sendable {
    public var questionID: String
    public var answerIndex: Int?
    public var text: String

    public init(questionID: String, answerIndex: Int?, text: String) {
        self.questionID = questionID
        self.answerIndex = answerIndex
        self.text = text
    }
}

/// The editor for a note: several lines, typed below the whole question and answer it is
/// about. Enter starts a new line; the `save` action (Ctrl-S) keeps the note; Esc
/// cancels, and asks again first when something has been typed, so a long note is not
/// lost to one stray key.
struct NoteEditor: Hashable, Sendable {
    enum Outcome: Hashable, Sendable { case editing, cancelled }

    var question: Question
    var answerIndex: Int?
    /// The answer's place in the trail (0-based), nil for a note on the question shown.
    var step: Int?
    /// "your answer 2 to", "question 3 (no answer yet)": what the note attaches to.
    var about: String
    var text = ""
    /// Esc was pressed once over typed text; a second Esc discards it.
    var confirmingDiscard = false

    /// The longest note kept, in characters.
    static let limit = 4_000

    mutating func handle(_ key: Key) -> Outcome {
        if key == .escape {
            if text.trimmed().isEmpty || confirmingDiscard { return .cancelled }
            confirmingDiscard = true
            return .editing
        }
        confirmingDiscard = false
        switch key {
        case .enter: if text.count < Self.limit { text.append("\n") }
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"):
            // The line being typed goes; the lines before it stay.
            if let newline = text.lastIndex(of: "\n") { text = String(text[...newline]) } else { text = "" }
        case .tab: if text.count < Self.limit { text.append(" ") }
        case .char(let character): if text.count < Self.limit { text.append(character) }
        default: break
        }
        return .editing
    }

    /// The note as stored: trailing blank lines and spaces dropped.
    var saved: String { text.trimmed() }

    /// The panel's lines for `width` cells: what the note is about (the whole question and
    /// answer, wrapped), then the text typed so far, then what the keys do.
    func lines(width: Int, glyphs: Glyphs, saveKey: String) -> (head: [StyledLine], body: [StyledLine], foot: StyledLine) {
        var about = [Span("Note on \(self.about) ", style: Style.accent.bold()),
                     Span("\"\(Sanitizer.clean(question.prompt, keepNewlines: false))\"", style: .normal)]
        if let answerIndex, question.answers.indices.contains(answerIndex) {
            about += [Span(" " + glyphs.arrowRight + " ", style: .dim),
                      Span("\"\(Sanitizer.clean(question.answers[answerIndex].label, keepNewlines: false))\"", style: Style.normal.bold())]
        }
        let head = RoleText.wrap(StyledLine(spans: about), width: max(1, width))
        var body: [StyledLine] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let clean = Sanitizer.clean(String(line), keepNewlines: false)
            body += clean.isEmpty ? [StyledLine("")] : RoleText.wrap(StyledLine(clean), width: max(1, width - 1))
        }
        let foot = confirmingDiscard
            ? StyledLine("Esc again discards this note; \(saveKey) saves it.", style: .warning)
            : StyledLine("Enter starts a new line · \(saveKey) saves · Esc cancels", style: .hint)
        return (head, body, foot)
    }

    /// How many rows the panel takes in an area `height` rows tall: all it needs, up to
    /// two thirds of the area (the text scrolls to keep its end in view).
    func panelHeight(width: Int, height: Int, glyphs: Glyphs, saveKey: String) -> Int {
        let parts = lines(width: width - 2, glyphs: glyphs, saveKey: saveKey)
        // A rule above, so the panel stands apart from the page without colour.
        let wanted = 1 + parts.head.count + max(1, parts.body.count) + 1
        return max(0, min(wanted, max(5, height * 2 / 3), height))
    }

    /// Where everything goes in `area`: the panel over its bottom rows, the lines shown
    /// (the question and answer keep what room the text leaves them, at least one row; the
    /// text shows its end), and the caret after the last character.
    func layout(area: Rect, glyphs: Glyphs, saveKey: String) -> (panel: Rect, head: [StyledLine], body: [StyledLine], foot: StyledLine, caret: Point) {
        let rows = panelHeight(width: area.width, height: area.height, glyphs: glyphs, saveKey: saveKey)
        let panel = Rect(x: area.x, y: area.bottom - rows, width: area.width, height: rows)
        let parts = lines(width: max(1, panel.width - 2), glyphs: glyphs, saveKey: saveKey)
        let body = parts.body.isEmpty ? [StyledLine("")] : parts.body
        let textRows = rows - 1
        let headRows = max(1, min(parts.head.count, textRows - 1 - min(body.count, max(1, textRows - 1 - parts.head.count))))
        let room = max(1, textRows - 1 - headRows)
        let shown = Array(body.suffix(room))
        let caretRow = panel.y + 1 + headRows + shown.count - 1
        let caret = Point(x: min(max(panel.x, panel.right - 1), panel.x + 1 + (shown.last?.width ?? 0)), y: caretRow)
        return (panel, Array(parts.head.prefix(headRows)), shown, parts.foot, caret)
    }

    /// Draws the panel over the bottom of `area`.
    func render(into buffer: inout Buffer, area: Rect, saveKey: String) {
        let laid = layout(area: area, glyphs: buffer.glyphs, saveKey: saveKey)
        guard !laid.panel.isEmpty else { return }
        buffer.fill(laid.panel, style: .selectedInactive)
        let inner = max(0, laid.panel.width - 2)
        buffer.fill(Rect(x: laid.panel.x, y: laid.panel.y, width: laid.panel.width, height: 1), with: Character(buffer.glyphs.horizontal),
                    style: .dim)
        var y = laid.panel.y + 1
        for line in laid.head + laid.body {
            buffer.put(line, x: laid.panel.x + 1, y: y, maxWidth: inner)
            y += 1
        }
        buffer.put(laid.foot, x: laid.panel.x + 1, y: laid.panel.bottom - 1, maxWidth: inner)
    }
}

/// A one-line text editor (a candidate's label, a file name, a filter): printable keys
/// type, Backspace deletes, Enter accepts and Esc cancels. What the text is for is its
/// owner's business.
struct LineEditor: Hashable, Sendable {
    enum Outcome: Hashable, Sendable { case editing, accepted(String), cancelled }

    var prompt: String
    var text = ""

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .accepted(text)
        case .escape: return .cancelled
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .char(let character):
            if text.count < 500 { text.append(character) }
        default: break
        }
        return .editing
    }

    /// The column the caret is drawn at, on a row `width` wide.
    func cursorColumn(width: Int) -> Int {
        let used = TextWidth.of(prompt)
        let room = max(0, width - used - 2)
        return used + min(TextWidth.of(text), room)
    }

    /// The prompt and the text with a cursor, on one row (the text's end kept in view).
    func render(into buffer: inout Buffer, row: Rect) {
        buffer.fill(row, style: .selectedInactive)
        let used = buffer.put(prompt, x: row.x, y: row.y, style: Style.accent.bold(), maxWidth: row.width)
        let room = max(0, row.width - used - 2)
        var shown = text
        while TextWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let width = buffer.put(shown, x: row.x + used, y: row.y, style: .normal, maxWidth: room)
        buffer.put("█", x: row.x + used + width, y: row.y, style: .accent, maxWidth: 1)
    }
}

/// An in-memory recorder, for tests.
public final class MemoryRecorder: SessionRecorder, @unchecked Sendable {
    public private(set) var started: [(questionnaire: String, candidate: String?, payHidden: Bool)] = []
    public private(set) var records: [(session: Int64, record: SessionRecord)] = []
    public private(set) var renamed: [(session: Int64, candidate: String?)] = []
    public private(set) var deleted: [Int64] = []

    public init() {}

    public func start(questionnaire: Questionnaire, candidate: String?, payHidden: Bool) throws -> Int64 {
        started.append((questionnaire.id, candidate, payHidden))
        return Int64(started.count)
    }

    public func rename(_ id: Int64, to candidate: String?) throws {
        guard let at = stored.firstIndex(where: { $0.past.id == id }) else { throw CocoaLikeError.missing(id) }
        stored[at].past.candidate = candidate
        renamed.append((id, candidate))
    }

    public func delete(_ id: Int64) throws {
        guard stored.contains(where: { $0.past.id == id }) else { throw CocoaLikeError.missing(id) }
        stored.removeAll { $0.past.id == id }
        deleted.append(id)
    }

    public func record(_ record: SessionRecord, in session: Int64) throws {
        records.append((session, record))
    }

    /// Sessions `reopen` can give back, set by a test.
    public var stored: [(past: PastSession, offer: SessionOffer)] = []

    public func past() throws -> [PastSession] { stored.map(\.past) }

    public func reopen(_ id: Int64) throws -> SessionOffer {
        guard let found = stored.first(where: { $0.past.id == id }) else { throw CocoaLikeError.missing(id) }
        return found.offer
    }

    enum CocoaLikeError: Error { case missing(Int64) }
}
