import RoleModel
import TerminalKit

/// What a session could not write yet (a full disk, a store gone read-only), kept in
/// memory in the order it was given. Nothing is ever skipped: a later record is written
/// only after every earlier one, so the stored path is always one the questionnaire
/// allows, and a failure leaves the rest queued behind it.
struct PendingWrites: Sendable {
    struct Entry: Hashable, Sendable {
        var session: Int64
        var record: SessionRecord
    }

    private(set) var entries: [Entry] = []
    /// Why the first entry was not written, as the store said it.
    private(set) var reason: String?

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// Queues `record` behind everything already waiting, then writes what it can.
    /// Returns the error that stopped the writing, if any.
    @discardableResult
    mutating func write(_ record: SessionRecord, in session: Int64, to recorder: any SessionRecorder) -> (any Error)? {
        entries.append(Entry(session: session, record: record))
        return flush(to: recorder)
    }

    /// Writes the queue in order, each entry removed once written; stops at the first
    /// failure and keeps it and everything after it.
    @discardableResult
    mutating func flush(to recorder: any SessionRecorder) -> (any Error)? {
        while let first = entries.first {
            do {
                try recorder.record(first.record, in: first.session)
            } catch {
                reason = "\(error)"
                return error
            }
            entries.removeFirst()
        }
        reason = nil
        return nil
    }

    /// Drops what is queued for `session` (taken over by another rolescope, which now
    /// writes it): returns how many were dropped.
    mutating func drop(session: Int64) -> Int {
        let before = entries.count
        entries.removeAll { $0.session == session }
        if entries.isEmpty { reason = nil }
        return before - entries.count
    }

    /// The banner while something waits: how many, why, and that nothing is lost yet.
    var banner: String? {
        guard !entries.isEmpty else { return nil }
        let what = entries.count == 1 ? "1 change" : "\(entries.count) changes"
        return "\(what) not saved yet, kept in memory and retried with each change and on quit: \(Self.short(reason))"
    }

    /// The store's reason without the database's path (the banner has little room).
    static func short(_ reason: String?) -> String {
        guard let reason else { return "the session store refused it" }
        if let colon = reason.firstRange(of: ".sqlite: ") { return String(reason[colon.upperBound...]) }
        return reason
    }

    /// Each pending record in words, for the export offered on quit.
    var descriptions: [String] { entries.map { Self.describe($0.record) } }

    static func describe(_ record: SessionRecord) -> String {
        switch record {
        case .start(let questionnaire, let candidate):
            return "Started \(questionnaire.title)" + (candidate.map { " for \($0)" } ?? "")
        case .answer(let question, let index, let reaching):
            return "Answered \"\(question.prompt)\": \(label(question, index))" + (reaching.map { " → \($0.outcome.title)" } ?? "")
        case .change(let question, let index, let reaching):
            return "Changed the answer to \"\(question.prompt)\" to: \(label(question, index))" + (reaching.map { " → \($0.outcome.title)" } ?? "")
        case .back(let question, let index):
            return "Took back the answer to \"\(question.prompt)\" (\(label(question, index)))"
        case .restart:
            return "Started again from the first question"
        case .note(let question, let answerIndex, let text):
            return "Note on \"\(question.prompt)\"" + (answerIndex.map { " (\(label(question, $0)))" } ?? "") + ": \(text)"
        case .assessment(let assessment):
            return "Self-assessment: \(assessment.ratings.count) skill\(assessment.ratings.count == 1 ? "" : "s") rated"
        case .payHidden(let hidden):
            return hidden ? "Pay figures hidden" : "Pay figures shown"
        }
    }

    private static func label(_ question: Question, _ index: Int) -> String {
        question.answers.indices.contains(index) ? question.answers[index].label : "answer \(index + 1)"
    }
}

/// Asked when quitting with changes not yet written: export the session to a file first
/// (y), quit without them (q again), or stay (n, Esc) and let the app keep retrying.
struct UnsavedQuitPrompt: Overlay {
    var count: Int
    var reason: String
    /// What `y` exports; nil when there is nothing to export it from.
    var request: ExportRequest?
    let keymap: Keymap

    var section: String { "Question" }
    var editsText: Bool { true }
    var commands: [Command] {
        (request == nil ? [] : [Command(.yes, "export the session first")]) + [Command(.quit, "quit without them"), Command(.no, "stay")]
    }

    mutating func type(_ key: Key) -> ScreenResult {
        if keymap.action(for: key) == .quit { return perform(.quit) }
        guard let action = keymap.action(for: key, in: .prompt) else { return .handled }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> ScreenResult {
        switch action {
        case .yes:
            guard let request else { return .handled }
            return .done([.close, .askExport(request, path: request.suggestedFileName(.markdown), format: .markdown)])
        case .quit: return .done([.close, .quit])
        case .no: return .done([.close])
        default: return .handled
        }
    }

    var lines: [StyledLine] {
        let what = count == 1 ? "1 change to the session is" : "\(count) changes to the session are"
        var lines = [StyledLine("\(what) not saved: \(reason).", style: .heading), StyledLine("")]
        if request != nil {
            lines.append(StyledLine("\(keymap.label(.yes)) exports the session, with what is not saved, to a file first.", style: .hint))
        }
        lines.append(StyledLine("\(keymap.label(.quit)) quits without them; \(keymap.label(.no)) stays (the app keeps retrying).", style: .hint))
        return lines
    }

    private func wrapped(width: Int) -> [StyledLine] { lines.flatMap { $0.text.isEmpty ? [$0] : RoleText.wrap($0, width: max(1, width)) } }

    private func area(_ frame: Rect) -> Rect {
        let width = max(10, min(frame.width - 4, 70))
        return frame.centered(width: width, height: wrapped(width: width - 4).count + 2)
    }

    func render(into buffer: inout Buffer, frame: Rect, keymap: Keymap) {
        renderHints(into: &buffer, frame: frame, keymap: keymap)
        let area = self.area(frame)
        buffer.fill(area)
        Box(title: "Not saved").render(into: &buffer, area: area)
        Viewport(wrapped(width: area.width - 4)).render(into: &buffer, area: Box.inner(area).inset(horizontal: 1), state: ViewportState())
    }

    func focus(frame: Rect) -> Point? {
        let area = self.area(frame)
        return Point(x: area.x + 2, y: area.bottom - 2)
    }
}
