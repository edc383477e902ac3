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
