import BuiltinCatalog
import Foundation
import FuzzSupport
import RoleModel

// The questionnaire state machine (`QuestionnaireRun`) fed arbitrary operation sequences.
//
// The first byte picks the questionnaire: one of the built-in ones, one from the test
// fixtures, or (one value in eight) a small tree built from the input itself, which may
// hold cycles, dangling targets, questions without answers and a missing start; the
// validator refuses such trees, but a run must still not crash on one. Then each byte
// is an operation: answer n, back, change(step, to), restart, explanation, or a replay.
//
// After each operation the run is checked against a shadow list of the answer indexes
// it should hold, and against the rules a user relies on:
// - answer(n) succeeds exactly when the run is on a question that has an answer n,
//   and appends it; back() takes one away when there is one; change(step, to) keeps
//   the steps before `step`; restart() empties the run; a refused call changes nothing;
// - replaying the answers from the start gives the same run (position follows steps);
// - an explanation exists exactly when the run has finished, with a reason per step and
//   alternatives that name real steps and other answers that lead elsewhere;
// - on a valid questionnaire, every step's question is the one the previous answers
//   lead to, and a run never outlasts the tree's depth.

private let catalogs: [Catalog] = {
    var found: [Catalog] = []
    if let builtin = try? BuiltinCatalog.load() { found.append(builtin) }
    for name in ["minimal", "cjk"] {
        if let catalog = try? CatalogLoader.load(directory: RepositoryPaths.fixtures.appendingPathComponent(name)) {
            found.append(catalog)
        }
    }
    return found
}()

private let questionnaires: [Questionnaire] = {
    let all = catalogs.flatMap(\.questionnaires)
    precondition(!all.isEmpty, "no questionnaires: the built-in catalog or the fixtures did not load")
    return all
}()

/// Loads the catalogs before the first input, so their cost is not counted per input.
func prepare() {
    FileHandle.standardError.write("fuzz-questionnaire: \(questionnaires.count) questionnaires: \(questionnaires.map(\.id))\n".data(using: .utf8)!)
}

/// One input: libFuzzer calls this for each byte string it tries.
func fuzzQuestionnaire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let choice = Int(input.byte())
    let questionnaire: Questionnaire
    let valid: Bool
    if choice % 8 == 7 {
        questionnaire = generatedQuestionnaire(&input)
        valid = false
    } else {
        questionnaire = questionnaires[(choice / 8) % questionnaires.count]
        valid = true
    }
    var run = QuestionnaireRun(questionnaire)
    var shadow: [Int] = []
    var operations = 0
    while !input.isAtEnd && operations < 512 {
        operations += 1
        let before = run
        let op = input.byte()
        switch op % 8 {
        case 0, 1, 2:
            // Mostly answers that exist; now and then any number at all.
            let index = op % 8 == 2 && op & 0x80 != 0 ? input.int16() : Int(input.byte() % 8) - 1
            let expected = run.currentQuestion.map { $0.answers.indices.contains(index) } ?? false
            do {
                try run.answer(index)
                require(expected, "answer(\(index)) accepted at \(before.position)")
                shadow.append(index)
            } catch {
                require(!expected, "answer(\(index)) refused with \(error) although it exists")
                if before.outcome != nil { require(error == .finished, "a finished run refuses answers as finished, not \(error)") }
                require(run == before, "a refused answer changes the run")
            }
        case 3:
            let took = run.back()
            require(took == !shadow.isEmpty, "back() reports whether there was an answer to take back")
            if took { shadow.removeLast() }
        case 4:
            let step = Int(input.byte() % 12) - 1
            let index = Int(input.byte() % 8) - 1
            do {
                try run.change(step: step, to: index)
                require(shadow.indices.contains(step), "change(step: \(step)) accepted with \(shadow.count) steps")
                shadow.removeSubrange(step...)
                shadow.append(index)
            } catch {
                // A refused change, whether for a missing step or a missing answer,
                // leaves the run as it was: the user keeps every answer given.
                if !shadow.indices.contains(step) {
                    require(error == .noSuchStep(step), "change(step: \(step)) with \(shadow.count) steps refused with \(error)")
                }
                require(run == before, "a refused change(step: \(step), to: \(index)) changes the run")
            }
        case 5:
            run.restart()
            shadow = []
            require(run.currentQuestion?.id == questionnaire.start || questionnaire.question(questionnaire.start) == nil,
                    "a restarted run is at the first question")
        case 6:
            checkExplanation(run, valid: valid)
        default:
            checkReplay(run)
        }
        require(run.steps.map(\.answer) == shadow, "steps \(run.steps.map(\.answer)) but the answers given were \(shadow)")
        if valid { checkPath(run) }
    }
    checkExplanation(run, valid: valid)
    checkReplay(run)
    return 0
}

/// Replaying the answers from the start reaches the same run.
private func checkReplay(_ run: QuestionnaireRun) {
    do {
        let replayed = try QuestionnaireRun(run.questionnaire, answers: run.steps.map(\.answer))
        require(replayed == run, "replaying \(run.steps.map(\.answer)) gives another run")
        require(replayed.position == run.position, "replaying gives another position")
    } catch {
        require(false, "replaying \(run.steps.map(\.answer)) fails with \(error)")
    }
}

/// On a valid questionnaire each step answers the question the steps before it led to.
private func checkPath(_ run: QuestionnaireRun) {
    let questionnaire = run.questionnaire
    var id = questionnaire.start
    for (number, step) in run.steps.enumerated() {
        require(step.question == id, "step \(number) answers '\(step.question)' but the answers before it lead to '\(id)'")
        guard let question = questionnaire.question(id) else {
            require(false, "a valid questionnaire leads to a missing question '\(id)'")
            return
        }
        require(question.answers.indices.contains(step.answer), "step \(number) has no answer \(step.answer)")
        switch question.answers[step.answer].target {
        case .question(let next): id = next
        case .outcome(let outcome):
            require(number == run.steps.count - 1, "steps go on after the outcome '\(outcome)'")
            require(run.outcome?.id == outcome, "the run ends at '\(run.outcome?.id ?? "nil")', the answers at '\(outcome)'")
            return
        }
    }
    require(run.currentQuestion?.id == id, "the run stands at \(run.position), the answers lead to '\(id)'")
    require(run.steps.count < questionnaire.depth, "an unfinished run of \(run.steps.count) steps in a tree \(questionnaire.depth) deep")
}

private func checkExplanation(_ run: QuestionnaireRun, valid: Bool) {
    guard let explanation = run.explanation else {
        require(run.outcome == nil, "a finished run explains itself")
        return
    }
    require(run.outcome == explanation.outcome, "the explanation is about the run's outcome")
    if valid { require(explanation.reasons.count == run.steps.count, "one reason per step") }
    let trail = run.trail
    for alternative in explanation.alternatives {
        require(trail.indices.contains(alternative.step), "an alternative names step \(alternative.step) of \(trail.count)")
        let item = trail[alternative.step]
        require(item.question.answers.indices.contains(alternative.answerIndex), "an alternative names a missing answer")
        require(alternative.answerIndex != item.answerIndex, "an alternative is the answer given")
        // (A generated tree may send an answer to outcomes that do not exist, which the
        // list of outcomes leaves out; only a valid one promises a different outcome.)
        if valid {
            require(alternative.outcomes.map(\.id) != [explanation.outcome.id], "an alternative leads to the same outcome only")
        }
    }
    _ = explanation.becauseSentence
}

/// A questionnaire of up to 6 questions built from the input: targets may loop back,
/// point at questions or outcomes that do not exist, and the start may be missing.
private func generatedQuestionnaire(_ input: inout FuzzInput) -> Questionnaire {
    let questionCount = input.int(in: 0...6)
    let outcomeCount = input.int(in: 0...3)
    func target(_ byte: UInt8) -> AnswerTarget {
        let n = Int(byte >> 1) % 8
        return byte & 1 == 0 ? .question("q\(n)") : .outcome("o\(n)")
    }
    var questions: [Question] = []
    for q in 0..<questionCount {
        let answers = (0..<input.int(in: 0...4)).map { a in
            Answer(label: "a\(a)", because: input.bool() ? "b\(a)" : nil, target: target(input.byte()))
        }
        questions.append(Question(id: "q\(q)", prompt: "Q\(q)?", why: "", answers: answers))
    }
    let outcomes = (0..<outcomeCount).map {
        Outcome(id: "o\($0)", title: "O\($0)", recommend: [], rationale: "", sources: [])
    }
    return Questionnaire(id: "generated", title: "Generated", audience: .careerChanger, summary: "",
                         start: "q\(input.int(in: 0...7))", questions: questions, outcomes: outcomes)
}
