import Foundation
import RoleModel
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

    func start(questionnaire: Questionnaire, candidate: String?) throws -> Int64 {
        try store.createSession(questionnaire: questionnaire, candidate: candidate, catalog: catalog).id
    }

    func record(_ record: SessionRecord, in session: Int64) throws {
        switch record {
        case .start: break
        case .answer(let question, let index, let reaching):
            try store.recordAnswer(in: session, question: question, answerIndex: index, reaching: reaching.map(SessionOutcome.init))
        case .change(let question, let index, let reaching):
            try store.recordChange(in: session, question: question, answerIndex: index, reaching: reaching.map(SessionOutcome.init))
        case .back(let question, let index):
            try store.recordBack(in: session, question: question, answerIndex: index)
        case .restart:
            try store.recordRestart(in: session)
        case .note(let question, let answerIndex, let text):
            try store.addNote(in: session, question: question, answerIndex: answerIndex, text: text)
        }
    }

    func past() throws -> [PastSession] {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return try store.list().map { summary in
            let session = summary.session
            let who = session.candidate.map { " · \($0)" } ?? ""
            let outcome = session.outcomeTitle.map { " → \($0)" } ?? ", \(summary.answerCount) answer\(summary.answerCount == 1 ? "" : "s")"
            return PastSession(id: session.id, line: "#\(session.id) \(formatter.string(from: session.createdAt))\(who) · \(session.questionnaireTitle)\(outcome)",
                               finished: session.isFinished)
        }
    }

    func reopen(_ id: Int64) throws -> SessionOffer {
        let history = try store.load(id)
        let session = history.session
        return SessionOffer(id: id, label: session.candidate ?? "", run: try history.run(in: catalog), candidate: session.candidate ?? "")
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
        return SessionOffer(id: session.id, label: label, run: run, candidate: session.candidate ?? "")
    }
}
