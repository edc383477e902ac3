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
        case .assessment(let assessment):
            try store.saveAssessment(in: session, assessment, catalog: catalog)
        }
    }

    func past() throws -> [PastSession] {
        return try store.list().map { summary in
            let session = summary.session
            let who = session.candidate.map { " · \($0)" } ?? ""
            let outcome = session.outcomeTitle.map { " → \($0)" } ?? ", \(summary.answerCount) answer\(summary.answerCount == 1 ? "" : "s")"
            return PastSession(id: session.id, line: "#\(session.id) \(ClockText.minute(session.createdAt))\(who) · \(session.questionnaireTitle)\(outcome)",
                               finished: session.isFinished)
        }
    }

    func reopen(_ id: Int64) throws -> SessionOffer {
        let history = try store.load(id)
        let session = history.session
        return SessionOffer(id: id, label: session.candidate ?? "", run: try history.run(in: catalog), candidate: session.candidate ?? "",
                            assessment: history.assessments.last?.assessment)
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
                            assessment: history.assessments.last?.assessment)
    }
}

/// The app's `ScreenExporter`: the plain-text commands' Markdown, written atomically
/// with `ReportFile.write` (an existing file is kept unless the user says to replace it).
struct FileExporter: ScreenExporter {
    let store: SessionStore?

    func export(_ request: ExportRequest, catalog: Catalog, to path: String, overwrite: Bool) -> ExportOutcome {
        let reports = Reports(catalog: catalog, unicode: Console.unicode)
        let document: Document
        switch request {
        case .compare(let ids, let differencesOnly):
            document = reports.compare(ids.compactMap { catalog.role(id: $0) }, onlyDifferences: differencesOnly)
        case .quiz(let run):
            document = reports.quiz(run)
        case .timeline(let role, let kind):
            guard let timeline = catalog.timeline(for: role, kind: kind) else { return .failed("no such timeline") }
            document = reports.timeline(timeline)
        case .session(let id):
            guard let store else { return .failed("the session store is not open") }
            do { document = SessionReports().session(try store.load(id)) } catch { return .failed("\(error)") }
        case .plan(let role, let background):
            guard let role = catalog.role(id: role), let background = catalog.background(id: background) else {
                return .failed("no such plan")
            }
            document = reports.plan(catalog.plan(from: background, to: role), commandLine: false)
        case .assessment(let assessment):
            document = reports.assessment(assessment)
        }
        do {
            try OutputFile(path: path, replacing: overwrite).write(MarkdownRenderer().render(document))
        } catch {
            if case .exists = error { return .exists(URL(fileURLWithPath: path).standardizedFileURL.path) }
            return .failed("\(error)")
        }
        return .saved(URL(fileURLWithPath: path).standardizedFileURL.path)
    }
}
