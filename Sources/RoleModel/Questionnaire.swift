/// Who a questionnaire is written for.
public enum Audience: String, Codable, Hashable, Sendable, CaseIterable {
    case hiringManager = "hiring-manager"
    case careerChanger = "career-changer"

    public var title: String {
        switch self {
        case .hiringManager: return "hiring manager"
        case .careerChanger: return "career changer"
        }
    }
}

/// A decision tree that leads its reader to a role through a few questions.
public struct Questionnaire: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var audience: Audience
    public var summary: String
    /// The id of the first question.
    public var start: String
    public var questions: [Question]
    public var outcomes: [Outcome]

    public init(id: String, title: String, audience: Audience, summary: String, start: String,
                questions: [Question], outcomes: [Outcome]) {
        self.id = id
        self.title = title
        self.audience = audience
        self.summary = summary
        self.start = start
        self.questions = questions
        self.outcomes = outcomes
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
    public func outcome(_ id: String) -> Outcome? { outcomes.first { $0.id == id } }

    /// The shortest list of answers (indices) from the start that reaches `target`: a
    /// question is then the one asked next, an outcome the result. Nil when unreachable.
    public func answers(reaching target: AnswerTarget) -> [Int]? {
        if target == .question(start) { return [] }
        var queue: [(question: String, path: [Int])] = [(start, [])]
        var seen: Set<String> = [start]
        var head = 0
        while head < queue.count {
            let (id, path) = queue[head]
            head += 1
            guard let question = question(id) else { continue }
            for (index, answer) in question.answers.enumerated() {
                if answer.target == target { return path + [index] }
                if case .question(let next) = answer.target, seen.insert(next).inserted { queue.append((next, path + [index])) }
            }
        }
        return nil
    }

    /// The ids of every outcome reachable from `target`, in first-reached order.
    /// Safe on a tree with cycles (each question is visited once).
    public func reachableOutcomes(from target: AnswerTarget) -> [String] {
        var seen: Set<String> = []
        var found: [String] = []
        var stack: [AnswerTarget] = [target]
        while let next = stack.popLast() {
            switch next {
            case .outcome(let id):
                if !found.contains(id) { found.append(id) }
            case .question(let id):
                guard seen.insert(id).inserted, let question = question(id) else { continue }
                stack.append(contentsOf: question.answers.reversed().map(\.target))
            }
        }
        return found
    }

    /// The length of the longest path from the start, in questions (for progress display).
    public var depth: Int {
        var memo: [String: Int] = [:]
        func walk(_ id: String, _ visiting: Set<String>) -> Int {
            if let known = memo[id] { return known }
            guard !visiting.contains(id), let question = question(id) else { return 0 }
            let below = question.answers.map { answer -> Int in
                if case .question(let next) = answer.target { return walk(next, visiting.union([id])) }
                return 0
            }.max() ?? 0
            memo[id] = below + 1
            return below + 1
        }
        return walk(start, [])
    }
}

/// One question of a questionnaire.
public struct Question: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var prompt: String
    /// Why the question matters, shown beside it.
    public var why: String
    public var answers: [Answer]

    public init(id: String, prompt: String, why: String, answers: [Answer]) {
        self.id = id
        self.prompt = prompt
        self.why = why
        self.answers = answers
    }
}

/// One answer to a question, leading to another question or to an outcome.
public struct Answer: Codable, Hashable, Sendable {
    public var label: String
    /// A clause that completes "because ...", used to explain the outcome.
    public var because: String?
    public var target: AnswerTarget

    public init(label: String, because: String? = nil, target: AnswerTarget) {
        self.label = label
        self.because = because
        self.target = target
    }
}

/// Where an answer leads.
public enum AnswerTarget: Codable, Hashable, Sendable {
    case question(String)
    case outcome(String)
}

/// Where a questionnaire ends: the role or roles it recommends and why.
public struct Outcome: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// Role ids, best first.
    public var recommend: [String]
    /// True when `recommend` is an order of hiring rather than a set.
    public var ordered: Bool
    public var runnerUp: [String]
    public var rationale: String
    public var advice: [String]
    public var transitions: [TransitionRef]
    public var sources: [String]

    public init(id: String, title: String, recommend: [String], ordered: Bool = false,
                runnerUp: [String] = [], rationale: String, advice: [String] = [],
                transitions: [TransitionRef] = [], sources: [String]) {
        self.id = id
        self.title = title
        self.recommend = recommend
        self.ordered = ordered
        self.runnerUp = runnerUp
        self.rationale = rationale
        self.advice = advice
        self.transitions = transitions
        self.sources = sources
    }
}
