import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import SessionStore

/// Records a session from the command line, one step at a time exactly as the app does
/// (each answer committed before the next): for scripts, and for the end-to-end tests.
struct SessionsRecord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a walk through a questionnaire as a session (for scripts and tests).",
        discussion: """
        --steps is a comma-separated list: N answers the current question with answer N; \
        S=N changes the answer at step S to N; b takes back the last answer; r starts again. \
        --note S:TEXT adds a note on the answer at step S of the final path. \
        Prints the new session's id. With --session ID the steps carry on an unfinished \
        session instead, unless another running rolescope is recording it (one writer per \
        session): then nothing is written and the exit status is 75.
        """
    )
    @OptionGroup var content: ContentOptions
    @Argument(help: "The questionnaire's id or a unique prefix.") var questionnaire: String
    @Option(name: .long, help: ArgumentHelp("What happens, in order, e.g. 1,2,1=2,1.", valueName: "steps")) var steps: String
    @Option(name: .long, help: ArgumentHelp("The candidate's name or label.", valueName: "label")) var candidate: String?
    @Option(name: .customLong("note"), help: ArgumentHelp("A note on the answer at step S (repeatable).", valueName: "S:text"))
    var notes: [String] = []
    @Option(name: .customLong("session"), help: ArgumentHelp("Carry on this unfinished session instead of starting one.", valueName: "id"))
    var into: SessionID?

    enum Step: Equatable { case answer(Int), change(step: Int, to: Int), back, restart }

    static func parse(_ text: String) throws -> [Step] {
        try text.split(separator: ",").map { raw in
            let token = raw.trimmed().lowercased()
            if token == "b" { return .back }
            if token == "r" { return .restart }
            if let n = Int(token), n > 0 { return .answer(n - 1) }
            let parts = token.split(separator: "=")
            if parts.count == 2, let step = Int(parts[0]), let answer = Int(parts[1]), step > 0, answer > 0 {
                return .change(step: step - 1, to: answer - 1)
            }
            throw ValidationError("'\(token)' in --steps is not N, S=N, b or r; e.g. --steps 1,2,1=2,1")
        }
    }

    func run() throws {
        let catalog = try content.catalog()
        let chosen: Questionnaire
        do { chosen = try catalog.questionnaire(matching: questionnaire) } catch {
            Console.error("rolescope: \(error)")
            throw ExitCode(64)
        }
        // Carrying on a session starts from its stored walk.
        var start = QuestionnaireRun(chosen)
        var existing: SessionStore?
        if let into {
            guard let store = try Sessions.open(.change) else { throw Sessions.missing(into) }
            let history = try Sessions.load(into)
            guard history.session.questionnaireID == chosen.id else {
                Console.error("rolescope: session \(into) is on '\(history.session.questionnaireID)', not '\(chosen.id)'")
                throw ExitCode(64)
            }
            do { start = try history.run(in: catalog) } catch {
                Console.error("rolescope: \(error)")
                throw ExitCode(65)
            }
            do { try store.hold(into) } catch {
                if case .heldElsewhere = error {
                    Console.error("rolescope: \(error)")
                    throw ExitCode(75)
                }
                Console.error("rolescope: \(error)")
                throw ExitCode(1)
            }
            existing = store
        }
        let plan = try Self.parse(steps)
        let parsedNotes: [(step: Int, text: String)] = try notes.map { note in
            guard let colon = note.firstIndex(of: ":"), let step = Int(note[..<colon]), step > 0 else {
                throw ValidationError("--note takes STEP:TEXT, e.g. --note 2:\"hesitated here\"")
            }
            return (step - 1, String(note[note.index(after: colon)...]))
        }
        // Walk the steps once without recording, so a mistake in --steps or --note leaves
        // no half-recorded session behind.
        var trial = start
        for (index, step) in plan.enumerated() {
            do { try apply(step, to: &trial, recording: nil) } catch let error as QuestionnaireRun.RunError {
                Console.error("rolescope: step \(index + 1) of --steps cannot be taken: \(describe(error, trial))")
                throw ExitCode(64)
            }
        }
        for note in parsedNotes where !trial.steps.indices.contains(note.step) {
            Console.error("rolescope: --note \(note.step + 1): the path has only \(trial.steps.count) answers")
            throw ExitCode(64)
        }

        guard let store = try existing ?? Sessions.open(.record) else { return }
        var held: SessionID?
        // Let go of the session when done, for an app to resume it.
        defer { if let held { try? store.release(held) } }
        do {
            let session = try into ?? store.createSession(questionnaire: chosen, candidate: candidate, catalog: catalog).id
            held = session
            var run = start
            for step in plan { try apply(step, to: &run, recording: (store, session, catalog)) }
            for note in parsedNotes {
                let step = run.steps[note.step]
                guard let question = chosen.question(step.question) else { continue }
                try store.addNote(in: session, question: question, answerIndex: step.answer, text: note.text)
            }
            Console.write("\(session)\n")
        } catch {
            Console.error("rolescope: \(error)")
            throw ExitCode(1)
        }
    }

    /// Takes one step on `run`, and records it when `recording` names a session.
    private func apply(_ step: Step, to run: inout QuestionnaireRun,
                       recording: (store: SessionStore, session: SessionID, catalog: Catalog)?) throws {
        switch step {
        case .answer(let index):
            guard let question = run.currentQuestion else { throw QuestionnaireRun.RunError.finished }
            try run.answer(index)
            try recording?.store.recordAnswer(in: recording!.session, question: question, answerIndex: index,
                                              reaching: run.explanation.map { SessionOutcome($0, in: recording!.catalog) })
        case .change(let at, let index):
            guard run.steps.indices.contains(at), let question = run.questionnaire.question(run.steps[at].question) else {
                throw QuestionnaireRun.RunError.noSuchStep(at)
            }
            try run.change(step: at, to: index)
            try recording?.store.recordChange(in: recording!.session, question: question, answerIndex: index,
                                              reaching: run.explanation.map { SessionOutcome($0, in: recording!.catalog) })
        case .back:
            guard let last = run.steps.last, let question = run.questionnaire.question(last.question) else { return }
            run.back()
            try recording?.store.recordBack(in: recording!.session, question: question, answerIndex: last.answer)
        case .restart:
            run.restart()
            try recording?.store.recordRestart(in: recording!.session)
        }
    }

    private func describe(_ error: QuestionnaireRun.RunError, _ run: QuestionnaireRun) -> String {
        switch error {
        case .finished: return "the questionnaire has already reached its outcome"
        case .noSuchAnswer(let index, let count): return "answer \(index + 1) does not exist; \"\(run.currentQuestion?.prompt ?? "")\" has answers 1 to \(count)"
        case .noSuchStep(let step): return "there is no step \(step + 1); \(run.steps.count) answers so far"
        case .brokenReference(let id): return "broken reference '\(id)'"
        }
    }
}
