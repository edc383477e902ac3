/// One person's way through a questionnaire: the answers given so far, with back and
/// change-answer, and an explanation of where the answers led.
public struct QuestionnaireRun: Hashable, Sendable {
    public let questionnaire: Questionnaire
    /// The answers given, in order.
    public private(set) var steps: [Step]

    /// A question and the index of the answer chosen.
    public struct Step: Hashable, Sendable {
        public var question: String
        public var answer: Int
    }

    /// Where the run stands.
    public enum Position: Hashable, Sendable {
        case question(Question)
        case outcome(Outcome)
    }

    public enum RunError: Error, Equatable, Sendable {
        case finished
        case noSuchAnswer(Int, count: Int)
        case noSuchStep(Int)
        case brokenReference(String)
    }

    public init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.steps = []
    }

    /// Replays `answers` (0-based answer indexes) from the start.
    public init(_ questionnaire: Questionnaire, answers: [Int]) throws(RunError) {
        self.init(questionnaire)
        for index in answers { try answer(index) }
    }

    /// The current question, or the outcome once the run has finished.
    public var position: Position {
        var id = questionnaire.start
        for step in steps {
            guard let question = questionnaire.question(step.question),
                  step.answer < question.answers.count else { break }
            switch question.answers[step.answer].target {
            case .question(let next): id = next
            case .outcome(let outcome):
                if let found = questionnaire.outcome(outcome) { return .outcome(found) }
            }
        }
        // A valid catalog never gets here with a missing question; an empty one is the
        // least surprising answer if it does.
        return .question(questionnaire.question(id) ?? Question(id: id, prompt: id, why: "", answers: []))
    }

    public var currentQuestion: Question? {
        if case .question(let q) = position { return q }
        return nil
    }

    public var outcome: Outcome? {
        if case .outcome(let o) = position { return o }
        return nil
    }

    /// Answers the current question with answer `index` (0-based).
    public mutating func answer(_ index: Int) throws(RunError) {
        guard let question = currentQuestion else { throw .finished }
        guard question.answers.indices.contains(index) else {
            throw .noSuchAnswer(index, count: question.answers.count)
        }
        steps.append(Step(question: question.id, answer: index))
    }

    /// Takes back the last answer. Returns false at the first question.
    @discardableResult
    public mutating func back() -> Bool {
        guard !steps.isEmpty else { return false }
        steps.removeLast()
        return true
    }

    /// Changes the answer at `step` (0-based); the answers after it are dropped, since
    /// they may belong to questions the new answer no longer leads to. A refused change
    /// (no such step, or no such answer to that step's question) changes nothing.
    public mutating func change(step: Int, to answer: Int) throws(RunError) {
        guard steps.indices.contains(step) else { throw .noSuchStep(step) }
        var changed = self
        changed.steps.removeSubrange(step...)
        try changed.answer(answer)
        self = changed
    }

    public mutating func restart() { steps = [] }

    /// The questions and answers so far, resolved.
    public var trail: [(question: Question, answer: Answer, answerIndex: Int)] {
        steps.compactMap { step in
            guard let q = questionnaire.question(step.question), q.answers.indices.contains(step.answer) else { return nil }
            return (q, q.answers[step.answer], step.answer)
        }
    }

    /// Why the run ended where it did, built from the answers given. Nil until finished.
    public var explanation: Explanation? {
        guard let outcome else { return nil }
        let trail = self.trail
        let reasons = trail.map { Explanation.Reason(question: $0.question.prompt, answer: $0.answer.label, because: $0.answer.because) }
        var alternatives: [Explanation.Alternative] = []
        for (stepIndex, item) in trail.enumerated() {
            for (answerIndex, other) in item.question.answers.enumerated() where answerIndex != item.answerIndex {
                let reached = questionnaire.reachableOutcomes(from: other.target)
                guard reached != [outcome.id] else { continue }
                alternatives.append(Explanation.Alternative(
                    step: stepIndex, question: item.question.prompt, answerIndex: answerIndex,
                    answer: other.label, outcomes: reached.compactMap { questionnaire.outcome($0) }))
            }
        }
        // Answers that lead to the same other results sit together, in order of first
        // appearance, so a reader sees each result once with every answer that leads there.
        return Explanation(outcome: outcome, reasons: reasons, alternatives: Explanation.grouped(alternatives, current: outcome.id).flatMap { $0 })
    }
}

/// The reasoning behind an outcome: the answers that led there, and which other answers
/// would have changed it.
public struct Explanation: Hashable, Sendable {
    public var outcome: Outcome
    public var reasons: [Reason]
    public var alternatives: [Alternative]

    public struct Reason: Hashable, Sendable {
        public var question: String
        public var answer: String
        /// The answer's "because" clause, when it has one.
        public var because: String?
    }

    /// The alternatives by where they lead: each group's answers reach the same other
    /// results (some may also still end at this one), groups in order of first appearance.
    public var alternativeGroups: [[Alternative]] { Self.grouped(alternatives, current: outcome.id) }

    static func grouped(_ alternatives: [Alternative], current: String) -> [[Alternative]] {
        var groups: [[Alternative]] = []
        var keys: [[String]] = []
        for alternative in alternatives {
            let key = alternative.outcomes.map(\.id).filter { $0 != current }
            if let index = keys.firstIndex(of: key) {
                groups[index].append(alternative)
            } else {
                keys.append(key)
                groups.append([alternative])
            }
        }
        return groups
    }

    /// An answer not given that leads somewhere else.
    public struct Alternative: Hashable, Sendable {
        /// Which step of the trail it replaces (0-based).
        public var step: Int
        public var question: String
        public var answerIndex: Int
        public var answer: String
        /// The outcomes that answer can lead to (one when it decides the result alone).
        public var outcomes: [Outcome]
    }

    /// A sentence joining the reasons: "You were steered here because a, b and c."
    public var becauseSentence: String? {
        let clauses = reasons.compactMap(\.because)
        guard !clauses.isEmpty else { return nil }
        let joined: String
        if clauses.count == 1 {
            joined = clauses[0]
        } else if clauses.contains(where: { $0.contains(" and ") || $0.contains(",") }) {
            // Clauses that have their own "and" or commas are kept apart with semicolons,
            // so the reader can tell where one answer ends and the next begins.
            joined = clauses.dropLast().joined(separator: "; ") + "; and " + clauses.last!
        } else {
            joined = clauses.dropLast().joined(separator: ", ") + " and " + clauses.last!
        }
        return "This result follows because " + joined + "."
    }
}
