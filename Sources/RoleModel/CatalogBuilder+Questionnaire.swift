

extension CatalogBuilder {
    mutating func readQuestionnaire(_ raw: MapReader) {
        raw.allowOnly(["id", "title", "audience", "summary", "start", "questions", "outcomes"])
        guard let id = define("questionnaire", raw) else { return }
        let map = raw.named("questionnaire '\(id)'")
        let audienceName = map.string("audience") ?? ""
        let audience = Audience(rawValue: audienceName)
        if audience == nil && !audienceName.isEmpty {
            map.problem("audience", "unknown audience '\(audienceName)'",
                        hint: "use one of: \(Audience.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var questionPlaces: [String: Place] = [:]
        var outcomePlaces: [String: Place] = [:]
        var outcomes: [Outcome] = []
        for node in map.list("outcomes", required: true) {
            guard let raw = MapReader(node, file: map.file, log: log, what: "an outcome of '\(id)'") else { continue }
            raw.allowOnly(["id", "title", "recommend", "ordered", "runnerUp", "rationale", "advice", "transitions", "sources"])
            guard let outcomeID = raw.string("id") else { continue }
            let outcome = raw.named("outcome '\(outcomeID)' of '\(id)'")
            if let first = outcomePlaces[outcomeID] {
                outcome.problem("id", "duplicate outcome id '\(outcomeID)' in questionnaire '\(id)'",
                                hint: "first defined at line \(first.mark?.line ?? 0); rename one")
                continue
            }
            outcomePlaces[outcomeID] = Place(file: map.file, mark: outcome.mark("id"))
            var refs: [TransitionRef] = []
            for node in outcome.list("transitions") {
                guard let ref = MapReader(node, file: map.file, log: log, what: "a transition of \(outcome.what)") else { continue }
                ref.allowOnly(["from", "to"])
                guard let from = ref.string("from"), let to = ref.string("to") else { continue }
                if places["transition"]?["\(from)->\(to)"] == nil {
                    ref.problem("from", "no transition from '\(from)' to '\(to)'",
                                hint: "define it under `transitions:` or refer to an existing one")
                } else {
                    refs.append(TransitionRef(from: from, to: to))
                }
            }
            let recommend = roleList(outcome, key: "recommend", required: true)
            outcomes.append(Outcome(id: outcomeID, title: outcome.string("title") ?? outcomeID, recommend: recommend,
                                    ordered: outcome.bool("ordered") ?? false,
                                    runnerUp: roleList(outcome, key: "runnerUp", required: false),
                                    rationale: outcome.string("rationale") ?? "", advice: outcome.strings("advice"),
                                    transitions: refs, sources: sources(outcome)))
        }
        var questions: [Question] = []
        var answerPlaces: [String: [Place]] = [:]
        for node in map.list("questions", required: true) {
            guard let raw = MapReader(node, file: map.file, log: log, what: "a question of '\(id)'") else { continue }
            raw.allowOnly(["id", "prompt", "why", "answers"])
            guard let questionID = raw.string("id") else { continue }
            let question = raw.named("question '\(questionID)' of '\(id)'")
            if let first = questionPlaces[questionID] {
                question.problem("id", "duplicate question id '\(questionID)' in questionnaire '\(id)'",
                                 hint: "first defined at line \(first.mark?.line ?? 0); rename one")
                continue
            }
            questionPlaces[questionID] = Place(file: map.file, mark: question.mark("id"))
            var answers: [Answer] = []
            for (index, node) in question.list("answers", required: true).enumerated() {
                guard let answer = MapReader(node, file: map.file, log: log,
                                             what: "answer \(index + 1) of question '\(questionID)'") else { continue }
                answer.allowOnly(["label", "because", "next", "outcome"])
                let next = answer.string("next", required: false), outcome = answer.string("outcome", required: false)
                let target: AnswerTarget
                switch (next, outcome) {
                case (let next?, nil): target = .question(next)
                case (nil, let outcome?): target = .outcome(outcome)
                case (.some, .some):
                    answer.problem("next", "\(answer.what) has both 'next' and 'outcome'", hint: "keep one: an answer leads to one place")
                    continue
                case (nil, nil):
                    answer.problem(nil, "\(answer.what) leads nowhere", hint: "add `next: <question id>` or `outcome: <outcome id>`")
                    continue
                }
                answerPlaces[questionID, default: []].append(Place(file: map.file, mark: answer.mark(next != nil ? "next" : "outcome")))
                answers.append(Answer(label: answer.string("label") ?? "", because: answer.string("because", required: false), target: target))
            }
            if question.node("answers") != nil && answers.isEmpty && question.list("answers").isEmpty {
                question.problem("answers", "\(question.what) has no answers", hint: "give it at least two answers")
            }
            questions.append(Question(id: questionID, prompt: question.string("prompt") ?? "", why: question.string("why") ?? "", answers: answers))
        }
        let start = map.string("start") ?? ""
        let questionnaire = Questionnaire(id: id, title: map.string("title") ?? id, audience: audience ?? .hiringManager,
                                          summary: map.string("summary", required: false) ?? "", start: start,
                                          questions: questions, outcomes: outcomes)
        checkGraph(questionnaire, map: map, questionPlaces: questionPlaces, outcomePlaces: outcomePlaces, answerPlaces: answerPlaces)
        catalog.questionnaires.append(questionnaire)
    }

    /// Dangling targets, cycles, unreachable nodes and dead ends.
    func checkGraph(_ q: Questionnaire, map: MapReader, questionPlaces: [String: Place],
                    outcomePlaces: [String: Place], answerPlaces: [String: [Place]]) {
        if !q.start.isEmpty && questionPlaces[q.start] == nil {
            map.problem("start", "start question '\(q.start)' does not exist in questionnaire '\(q.id)'",
                        hint: "known questions: \(questionPlaces.keys.sorted().joined(separator: ", "))")
            return
        }
        for question in q.questions {
            for (index, answer) in question.answers.enumerated() {
                let place = answerPlaces[question.id]?[index]
                switch answer.target {
                case .question(let next) where questionPlaces[next] == nil:
                    log.add(map.file, place?.mark, "answer \(index + 1) of question '\(question.id)' leads to unknown question '\(next)'",
                            hint: "known questions: \(questionPlaces.keys.sorted().joined(separator: ", "))")
                case .outcome(let outcome) where outcomePlaces[outcome] == nil:
                    log.add(map.file, place?.mark, "answer \(index + 1) of question '\(question.id)' leads to unknown outcome '\(outcome)'",
                            hint: "known outcomes: \(outcomePlaces.keys.sorted().joined(separator: ", "))")
                default: break
                }
            }
        }
        // Depth-first from the start: a grey node reached again is a cycle.
        enum Colour { case grey, black }
        var colour: [String: Colour] = [:]
        var reachedOutcomes: Set<String> = []
        func visit(_ id: String) {
            colour[id] = .grey
            guard let question = q.question(id) else { return }
            for (index, answer) in question.answers.enumerated() {
                switch answer.target {
                case .outcome(let outcome): reachedOutcomes.insert(outcome)
                case .question(let next):
                    guard questionPlaces[next] != nil else { continue }
                    if colour[next] == .grey {
                        log.add(map.file, answerPlaces[id]?[index].mark,
                                "answer \(index + 1) of question '\(id)' leads back to '\(next)', making a loop",
                                hint: "point it at a question further down the tree or at an outcome")
                    } else if colour[next] == nil {
                        visit(next)
                    }
                }
            }
            colour[id] = .black
        }
        visit(q.start)
        for question in q.questions where colour[question.id] == nil {
            log.add(map.file, questionPlaces[question.id]?.mark, "question '\(question.id)' cannot be reached from the start",
                    hint: "lead an answer to it with `next: \(question.id)`, or remove it")
        }
        for outcome in q.outcomes where !reachedOutcomes.contains(outcome.id) {
            log.add(map.file, outcomePlaces[outcome.id]?.mark, "outcome '\(outcome.id)' cannot be reached from the start",
                    hint: "lead an answer to it with `outcome: \(outcome.id)`, or remove it")
        }
        // A reachable question from which no path ends in an outcome (only possible inside loops).
        for question in q.questions where colour[question.id] != nil {
            let ends = q.reachableOutcomes(from: .question(question.id)).filter { outcomePlaces[$0] != nil }
            if ends.isEmpty && !question.answers.isEmpty {
                log.add(map.file, questionPlaces[question.id]?.mark, "no path from question '\(question.id)' ever reaches an outcome",
                        hint: "give one of its answers `outcome: <outcome id>`")
            }
        }
    }
}
