import RoleModel

/// A session with everything recorded in it: each event in order, the notes and the
/// self-assessments. The answers it ended with are worked out from the stored texts
/// alone, so a session reads the same whatever has happened to the content since.
public struct SessionHistory: Hashable, Sendable {
    public var session: Session
    public var events: [SessionEvent]
    public var notes: [SessionNote]
    /// Oldest first; the last is the current one.
    public var assessments: [StoredAssessment]

    public init(session: Session, events: [SessionEvent], notes: [SessionNote], assessments: [StoredAssessment]) {
        self.session = session
        self.events = events
        self.notes = notes
        self.assessments = assessments
    }

    /// One answer on the path the session ended with.
    public struct GivenAnswer: Hashable, Sendable {
        public var questionID: String
        public var prompt: String
        public var answerIndex: Int
        public var answerLabel: String
        /// The `seq` of the event that gave this answer.
        public var seq: Int
        /// Answers given to this question before, each replaced by a change, oldest first.
        public var replaced: [String]
    }

    /// One event with what it replaced, for showing the history.
    public struct Step: Hashable, Sendable {
        public var event: SessionEvent
        /// For a change, the answer it replaced.
        public var replaced: String?
    }

    /// Replays the stored events over their own texts.
    private var replay: (path: [GivenAnswer], steps: [Step]) {
        var path: [GivenAnswer] = []
        var steps: [Step] = []
        var earlier: [String: [String]] = [:]
        for event in events {
            var replaced: String?
            switch event.kind {
            case .answer, .change:
                guard let question = event.questionID, let index = event.answerIndex else { break }
                if event.kind == .change, let at = path.firstIndex(where: { $0.questionID == question }) {
                    replaced = path[at].answerLabel
                    earlier[question, default: []].append(path[at].answerLabel)
                    path.removeSubrange(at...)
                }
                path.append(GivenAnswer(questionID: question, prompt: event.prompt ?? question, answerIndex: index,
                                        answerLabel: event.answerLabel ?? "answer \(index + 1)", seq: event.seq,
                                        replaced: earlier[question] ?? []))
            case .back:
                if !path.isEmpty { path.removeLast() }
            case .restart:
                path.removeAll()
            }
            steps.append(Step(event: event, replaced: replaced))
        }
        return (path, steps)
    }

    /// The answers the session ended with, in order.
    public var answers: [GivenAnswer] { replay.path }

    /// Every event with what each change replaced.
    public var steps: [Step] { replay.steps }

    /// The notes on `questionID`'s answer `answerIndex` (or on the question, for nil).
    public func notes(on questionID: String, answer answerIndex: Int?) -> [SessionNote] {
        notes.filter { $0.questionID == questionID && $0.answerIndex == answerIndex }
    }

    /// The notes that are on none of the final answers: notes on answers later changed
    /// or taken back, and notes on a question as a whole.
    public var notesOffPath: [SessionNote] {
        let onPath = Set(answers.map { "\($0.questionID)\u{0}\($0.answerIndex)" })
        return notes.filter { note in note.answerIndex.map { !onPath.contains("\(note.questionID)\u{0}\($0)") } ?? true }
    }

    /// Rebuilds the run for resuming: every event replayed on `catalog`'s questionnaire.
    /// Throws when the questionnaire is gone or no longer matches what was recorded.
    public func run(in catalog: Catalog) throws(SessionStoreError) -> QuestionnaireRun {
        guard let questionnaire = catalog.questionnaire(id: session.questionnaireID) else {
            throw .questionnaireMissing(session.questionnaireID, known: catalog.questionnaires.map(\.id))
        }
        var run = QuestionnaireRun(questionnaire)
        for event in events {
            func fail(_ reason: String) -> SessionStoreError { .cannotReplay(session: session.id, seq: event.seq, reason: reason) }
            do {
                switch event.kind {
                case .answer:
                    guard let current = run.currentQuestion else { throw fail("the questionnaire had already reached an outcome") }
                    guard current.id == event.questionID, let index = event.answerIndex else {
                        throw fail("it answered '\(event.questionID ?? "?")' but the questionnaire now asks '\(current.id)' there")
                    }
                    try run.answer(index)
                case .change:
                    guard let step = run.steps.firstIndex(where: { $0.question == event.questionID }), let index = event.answerIndex else {
                        throw fail("it changed the answer to '\(event.questionID ?? "?")', which is not on the path")
                    }
                    try run.change(step: step, to: index)
                case .back:
                    guard run.steps.last?.question == event.questionID else {
                        throw fail("it took back the answer to '\(event.questionID ?? "?")', which is not the last one")
                    }
                    run.back()
                case .restart:
                    run.restart()
                }
            } catch let error as SessionStoreError {
                throw error
            } catch let error as QuestionnaireRun.RunError {
                switch error {
                case .noSuchAnswer(let index, let count):
                    throw fail("answer \(index + 1) of '\(event.questionID ?? "?")' no longer exists (it has \(count))")
                default:
                    throw fail("\(error)")
                }
            } catch {
                throw fail("\(error)")
            }
        }
        return run
    }
}
