#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import RoleReports
import RolescopeUI
import SessionStore

/// The app's `SessionRecorder`: each record is one committed write to the SQLite store,
/// made the moment the screen queues it.
final class StoreRecorder: SessionRecorder, Sendable {
    let store: SessionStore
    let catalog: Catalog

    init(store: SessionStore, catalog: Catalog) {
        self.store = store
        self.catalog = catalog
    }

    func start(questionnaire: Questionnaire, candidate: String?, payHidden: Bool) throws -> Int64 {
        try store.createSession(questionnaire: questionnaire, candidate: candidate, payHidden: payHidden, catalog: catalog).id
    }

    func rename(_ id: Int64, to candidate: String?) throws { try store.rename(id, candidate: candidate) }

    func delete(_ id: Int64) throws { try store.delete(id) }

    func hold(_ id: Int64, takingOver: Bool) throws {
        do { try store.hold(id, takingOver: takingOver) } catch { throw Self.lost(error) }
    }

    func release(_ id: Int64) { try? store.release(id) }

    /// The refusals no retry can mend (the one-writer rule's, a deleted session) as the
    /// app's `SessionLost`; others (a full disk) as they are, to be retried.
    static func lost(_ error: SessionStoreError) -> any Error {
        switch error {
        case .heldElsewhere(let session, _, _), .notHeld(let session): return SessionLost(session: session, description: "\(error)")
        case .noSuchSession(let session): return SessionLost(session: session, reason: .deleted, description: "\(error)")
        default: return error
        }
    }

    func record(_ record: SessionRecord, in session: Int64) throws {
        do { try write(record, in: session) } catch { throw Self.lost(error) }
    }

    private func write(_ record: SessionRecord, in session: Int64) throws(SessionStoreError) {
        switch record {
        case .start: break
        case .answer(let question, let index, let reaching):
            try store.recordAnswer(in: session, question: question, answerIndex: index, reaching: reaching.map { SessionOutcome($0, in: catalog) })
        case .change(let question, let index, let reaching):
            try store.recordChange(in: session, question: question, answerIndex: index, reaching: reaching.map { SessionOutcome($0, in: catalog) })
        case .back(let question, let index):
            try store.recordBack(in: session, question: question, answerIndex: index)
        case .restart:
            try store.recordRestart(in: session)
        case .note(let question, let answerIndex, let text):
            try store.addNote(in: session, question: question, answerIndex: answerIndex, text: text)
        case .assessment(let assessment):
            try store.saveAssessment(in: session, assessment, catalog: catalog)
        case .payHidden(let hidden):
            try store.setPayHidden(session, hidden)
        }
    }

    func past() throws -> [PastSession] {
        return try store.list().map { summary in
            let session = summary.session
            let who = session.candidate.map { " · \($0)" } ?? ""
            let outcome = session.outcomeTitle.map { " → \($0)" } ?? ", \(summary.answerCount) answer\(summary.answerCount == 1 ? "" : "s")"
            let pay = session.payHidden ? " · pay hidden" : ""
            return PastSession(id: session.id, line: "#\(session.id) \(ClockText.minute(session.createdAt))\(who) · \(session.questionnaireTitle)\(outcome)\(pay)",
                               finished: session.isFinished, date: session.createdAt, candidate: session.candidate,
                               outcome: session.outcomeTitle, payHidden: session.payHidden)
        }
    }

    func reopen(_ id: Int64) throws -> SessionOffer {
        let history = try store.load(id)
        let session = history.session
        return SessionOffer(id: id, label: session.candidate ?? "", run: try history.run(in: catalog), candidate: session.candidate ?? "",
                            assessment: history.assessments.last?.assessment, payHidden: session.payHidden, notes: Self.notes(history),
                            heldBy: session.isFinished ? nil : try store.holder(of: id)?.holder.description)
    }

    /// The most recent unfinished session, rebuilt for resuming; nil when there is none
    /// or it no longer replays on this content.
    func resumeOffer() throws -> SessionOffer? {
        guard let summary = try store.mostRecentUnfinished() else { return nil }
        let history = try store.load(summary.id)
        guard let run = try? history.run(in: catalog) else { return nil }
        let session = history.session
        let who = session.candidate.map { " for \($0)" } ?? ""
        let label = "#\(session.id) \(session.questionnaireTitle)\(who), \(summary.answerCount) answer\(summary.answerCount == 1 ? "" : "s")"
        return SessionOffer(id: session.id, label: label, run: run, candidate: session.candidate ?? "",
                            assessment: history.assessments.last?.assessment, payHidden: session.payHidden, notes: Self.notes(history),
                            heldBy: try store.holder(of: session.id)?.holder.description)
    }

    /// The session's notes, in the order they were taken, for showing beside their answers.
    static func notes(_ history: SessionHistory) -> [AnswerNote] {
        history.notes.map { AnswerNote(questionID: $0.questionID, answerIndex: $0.answerIndex, text: $0.text) }
    }
}

/// The app's `ScreenExporter`: the plain-text commands' Markdown, written atomically
/// with `ReportFile.write` (an existing file is kept unless the user says to replace it).
struct FileExporter: ScreenExporter {
    let store: SessionStore?

    /// Writes the same document the plain command prints for the view: `show`, `compare`,
    /// `quiz`, `timeline`, `sessions export`, `plan`, `assess`, in `format`.
    func export(_ request: ExportRequest, catalog: Catalog, to path: String, overwrite: Bool, format: OutputFormat) -> ExportOutcome {
        let reports = Reports(catalog: catalog, unicode: Console.unicode)
        let json = JSONReports(catalog: catalog)
        var document = Document()
        var text: String?
        switch request {
        case .compare(let ids, let differencesOnly):
            let roles = ids.compactMap { catalog.role(id: $0) }
            document = reports.compare(roles, onlyDifferences: differencesOnly)
            if format == .json { text = json.compare(roles, dimensions: reports.comparedDimensions(roles, onlyDifferences: differencesOnly, only: [])) }
        case .quiz(let run):
            document = reports.quiz(run)
            if format == .json { text = json.quiz(run) }
        case .timeline(let role, let kind):
            guard let timeline = catalog.timeline(for: role, kind: kind) else { return .failed("no such timeline") }
            document = reports.timeline(timeline)
            if format == .json { text = json.timeline(timeline) }
        case .session(let id):
            guard let store else { return .failed("the session store is not open") }
            do {
                let history = try store.load(id)
                document = SessionReports().session(history)
                if format == .json { text = SessionJSON.session(history) }
            } catch { return .failed("\(error)") }
        case .plan(let role, let background):
            guard let role = catalog.role(id: role), let background = catalog.background(id: background) else {
                return .failed("no such plan")
            }
            let plan = catalog.plan(from: background, to: role)
            document = reports.plan(plan, commandLine: false)
            if format == .json { text = json.plan(plan) }
        case .assessment(let assessment):
            document = reports.assessment(assessment)
            if format == .json { text = json.assessment(assessment) }
        case .profile(let id):
            guard let role = catalog.role(id: id) else { return .failed("no such role") }
            document = reports.profile(role)
            if format == .json { text = json.profile(role) }
        case .unsavedSession(let id, let run, let pending):
            // Written as a document whatever the format: it is for reading back by hand.
            if let history = try? store?.load(id) {
                document = SessionReports().session(history)
            } else {
                document += .heading(1, "Session \(id)")
                document += .paragraph("The sessions database could not be read; below is what the app holds.")
            }
            document += .heading(2, "Not saved in the sessions database")
            document += .paragraph("These changes came after what is above, in this order; the database could not take them.")
            document += .bullets(pending)
            if let run {
                document += .heading(2, "The walk as it was on screen")
                document.blocks += reports.quiz(run).blocks
            }
        }
        let output = text ?? (format == .text ? TextRenderer(width: 80, unicode: Console.unicode).render(document)
                                              : MarkdownRenderer().render(document))
        do {
            try OutputFile(path: path, replacing: overwrite).write(output)
        } catch {
            if case .exists = error { return .exists(URL(fileURLWithPath: path).standardizedFileURL.path) }
            return .failed("\(error)")
        }
        return .saved(URL(fileURLWithPath: path).standardizedFileURL.path)
    }
}
