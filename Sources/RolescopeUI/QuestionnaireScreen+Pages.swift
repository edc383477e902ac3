import RoleModel
import TerminalKit

/// The three pages of the questionnaire screen (chooser, question, result), laid out as
/// lines for one width. Pure functions of the screen's state.
extension QuestionnaireScreen {
    func page(width: Int, glyphs: Glyphs) -> QuestionnairePage {
        var page = QuestionnairePage(width: width, glyphs: glyphs)
        switch view {
        case .chooser: chooserPage(&page)
        case .question: questionPage(&page)
        case .result: resultPage(&page)
        }
        return page
    }

    /// Content text made safe and measurable before it is laid out.
    static func clean(_ text: String) -> String { Sanitizer.clean(text, keepNewlines: true) }
    static func cleanLine(_ text: String) -> String { Sanitizer.clean(text, keepNewlines: false) }

    // MARK: Chooser

    private func chooserPage(_ page: inout QuestionnairePage) {
        page.heading("Choose a questionnaire")
        guard !catalog.questionnaires.isEmpty else {
            page.paragraph("This content has no questionnaires.", style: .dim)
            return
        }
        page.paragraph("Each asks a few questions and ends with the role it recommends, and why.", style: .dim)
        for (index, questionnaire) in catalog.questionnaires.enumerated() {
            page.gap()
            let item = QuestionnairePage.Item.questionnaire(index)
            let highlight: QuestionnairePage.Highlight = index == chosen ? .focused : .none
            page.entry(item, number: nil, body: StyledLine(Self.clean(questionnaire.title), style: Style.title.bold()),
                       highlight: highlight)
            let depth = depth(of: questionnaire)
            let about = "for a \(questionnaire.audience.title) · up to \(depth) question\(depth == 1 ? "" : "s")"
            page.hanging(prefix: [Span("  ")], body: StyledLine(about, style: .accent), item: item, highlight: highlight)
            page.hanging(prefix: [Span("  ")], body: StyledLine(Self.clean(questionnaire.summary)), item: item,
                         highlight: highlight)
        }
    }

    // MARK: Question

    private func questionPage(_ page: inout QuestionnairePage) {
        guard let run, let question = shownQuestion else { return }
        let depth = depth(of: run.questionnaire)
        var progress = "Question \(shownQuestionNumber) · up to \(depth) question\(depth == 1 ? "" : "s")"
        if reviewing != nil { progress += " · changing an answer" }
        page.heading(progress, style: .dim)

        let trail = run.trail
        if !trail.isEmpty {
            page.gap()
            page.heading("Your answers so far", style: .heading)
            trailEntries(&page, trail: trail)
        }

        page.gap()
        page.paragraph(StyledLine(Self.clean(question.prompt), style: Style.title.bold()))
        noteLines(&page, session?.notes(on: question.id, answer: nil) ?? [], indent: 0, item: nil)
        if !question.why.isEmpty {
            page.paragraph(StyledLine(spans: [Span("Why we ask: ", style: Style.dim.bold()), Span(Self.clean(question.why), style: .dim)]))
        }
        if let reviewing, run.steps.indices.contains(reviewing.step) {
            let later = run.steps.count - reviewing.step - 1
            let given = run.steps[reviewing.step].answer + 1
            var note = "You answered \(given). Another answer replaces it"
            switch later {
            case 0: note += "."
            case 1: note += " and drops the answer after it."
            default: note += " and drops the \(later) answers after it."
            }
            note += " Esc keeps your answers as they are."
            page.gap()
            page.paragraph(note, style: .accent)
        }

        page.gap()
        let given = reviewing.map { run.steps[$0.step].answer }
        let numberWidth = "\(question.answers.count).".count
        for (index, answer) in question.answers.enumerated() {
            var body = StyledLine(Self.clean(answer.label))
            if given == index { body.spans.append(Span(" (your answer)", style: .dim)) }
            let highlight: QuestionnairePage.Highlight
            if index != highlighted { highlight = .none } else { highlight = selection == nil ? .focused : .unfocused }
            page.entry(.answer(index), number: TextWrap.pad("\(index + 1).", to: numberWidth), body: body, highlight: highlight)
        }
    }

    /// The answers given so far, "1. Question → Answer", wrapped in full under their
    /// numbers (cut to one line, at 80 columns both the question and the answer lost
    /// their ends). The one being changed is marked, the ones a change would drop are
    /// dimmed, and one with notes says so, the notes following it.
    private func trailEntries(_ page: inout QuestionnairePage, trail: [(question: Question, answer: Answer, answerIndex: Int)]) {
        let numberWidth = "\(trail.count).".count
        for (step, item) in trail.enumerated() {
            let highlight: QuestionnairePage.Highlight
            if selection == .trail(step) { highlight = .focused } else if reviewing?.step == step { highlight = .marked } else { highlight = .none }
            let dropped = reviewing.map { step > $0.step } ?? false
            let questionStyle: Style = dropped ? .dim : .normal
            let answerStyle: Style = dropped ? .dim : Style.normal.bold()
            let number = TextWrap.pad("\(step + 1).", to: numberWidth)
            let notes = session?.notes(on: item.question.id, answer: item.answerIndex) ?? []
            let mark = notes.isEmpty ? [] : [Span(notes.count == 1 ? " (note)" : " (\(notes.count) notes)", style: .accent)]
            let body = StyledLine(spans: [
                Span(Self.clean(item.question.prompt), style: questionStyle), Span(" " + page.glyphs.arrowRight + " ", style: .dim),
                Span(Self.clean(item.answer.label), style: answerStyle),
            ] + mark)
            page.entry(.trail(step), number: number, body: body, highlight: highlight)
            noteLines(&page, notes, indent: 2 + numberWidth + 1, item: .trail(step))
        }
    }

    /// A session's notes under the answer they are on: "Note: …", every line of it.
    private func noteLines(_ page: inout QuestionnairePage, _ notes: [String], indent: Int, item: QuestionnairePage.Item?) {
        let pad = String(repeating: " ", count: indent)
        for note in notes {
            var lead = [Span(pad), Span("Note: ", style: Style.accent.bold())]
            for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
                page.hanging(prefix: lead, body: StyledLine(Self.cleanLine(String(line)), style: .normal), item: item)
                lead = [Span(pad + "      ")]
            }
        }
    }

    // MARK: Result

    private func resultPage(_ page: inout QuestionnairePage) {
        guard let run, let explanation = run.explanation else { return }
        let outcome = explanation.outcome
        page.paragraph(StyledLine(Self.clean(outcome.title), style: Style.title.bold()))
        page.gap()
        recommendation(&page, outcome: outcome, audience: run.questionnaire.audience)
        page.gap()
        page.paragraph(StyledLine(spans: [Span(Self.clean(outcome.rationale)), Span(" " + cite(outcome.sources), style: .dim)]))

        page.gap()
        page.heading("Why")
        if let because = explanation.becauseSentence { page.paragraph(Self.clean(because)) }
        page.paragraph("Your answers:", style: .dim)
        trailEntries(&page, trail: run.trail)

        page.gap()
        page.heading("What would have changed the result")
        if explanation.alternatives.isEmpty {
            page.paragraph("No other answer to these questions leads anywhere else.", style: .dim)
        }
        let numberWidth = "\(explanation.alternatives.count).".count
        // Answers that lead to the same other result come together (the model orders them
        // so), under one line naming that result.
        var index = 0
        for group in explanation.alternativeGroups {
            if group.count > 1 {
                var spans = [Span("These \(group.count) answers lead to ", style: .dim)]
                spans += destinationSpans(group[0], current: outcome)
                spans.append(Span(":", style: .dim))
                page.hanging(prefix: [Span("  ")], body: StyledLine(spans: spans))
            }
            for alternative in group {
                let highlight: QuestionnairePage.Highlight = selection == .alternative(index) ? .focused : .none
                page.entry(.alternative(index), number: TextWrap.pad("\(index + 1).", to: numberWidth),
                           body: alternativeLine(alternative, current: outcome, grouped: group.count > 1), highlight: highlight)
                index += 1
            }
        }

        if !outcome.advice.isEmpty {
            page.gap()
            page.heading("Advice")
            for advice in outcome.advice {
                page.hanging(prefix: [Span(page.glyphs.bullet + " ", style: .dim)], body: StyledLine(Self.clean(advice)))
            }
        }

        for ref in outcome.transitions {
            guard let transition = catalog.transition(from: ref.from, to: ref.to) else { continue }
            page.gap()
            transitionBlock(&page, transition)
        }
    }

    /// "Recommended  AI Engineer" or "Hire in this order  1. …  2. …", the runner-up, and
    /// the keys that go on from here.
    private func recommendation(_ page: inout QuestionnairePage, outcome: Outcome, audience: Audience) {
        let ordered = outcome.ordered && outcome.recommend.count > 1
        let orderLabel = audience == .hiringManager ? "Hire in this order" : "In this order"
        let labels = [ordered ? orderLabel : "Recommended", "Runner-up", "Explore"]
        let labelWidth = labels.map(TextWidth.of).max()! + 2
        func label(_ text: String) -> [Span] { [Span(TextWrap.pad(text, to: labelWidth), style: .dim)] }
        let bold = Style.normal.bold()
        if ordered {
            for (index, role) in outcome.recommend.enumerated() {
                let lead = index == 0 ? label(orderLabel) : [Span(String(repeating: " ", count: labelWidth))]
                page.hanging(prefix: lead + [Span("\(index + 1). ", style: .key)],
                             body: StyledLine(Self.clean(roleTitle(role)), style: bold))
            }
        } else {
            page.hanging(prefix: label("Recommended"), body: StyledLine(Self.clean(roleTitles(outcome.recommend)), style: bold))
        }
        if !outcome.runnerUp.isEmpty {
            page.hanging(prefix: label("Runner-up"), body: StyledLine(Self.clean(roleTitles(outcome.runnerUp))))
        }
        var next: [StyledLine] = []
        func add(_ key: String, _ text: String) {
            next.append(StyledLine(spans: [Span(key, style: .key), Span(" " + Self.cleanLine(text), style: .hint)]))
        }
        if let roles = comparedRoles { add("c", "compare \(roleTitles(roles))") }
        if let role = recommendedRole {
            if let kind = timelineKind(for: role) { add("t", "\(kind == .day ? "a day" : "a week") as \(roleTitle(role))") }
            add("p", "\(roleTitle(role))'s profile")
            // A career changer plans their own move; a hiring manager sees how people move in.
            if !catalog.backgrounds.isEmpty { add("P", audience == .hiringManager ? "paths into the role" : "plan to get there") }
        }
        // Whole items per line, so "t a day as AI Engineer" is never split.
        var lead = label("Explore")
        for line in Self.packed(next, separator: Span(" · ", style: .dim), width: page.width - labelWidth) {
            page.add(QuestionnairePage.truncated(StyledLine(spans: lead + line.spans), width: page.width, glyphs: page.glyphs))
            lead = [Span(String(repeating: " ", count: labelWidth))]
        }
    }

    /// `items` joined with `separator`, as many to a line as fit in `width`.
    static func packed(_ items: [StyledLine], separator: Span, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var current: [Span] = []
        var used = 0
        let gap = TextWidth.of(separator.text)
        for item in items {
            if !current.isEmpty && used + gap + item.width > width {
                lines.append(StyledLine(spans: current))
                current = []
                used = 0
            }
            if !current.isEmpty { current.append(separator); used += gap }
            current += item.spans
            used += item.width
        }
        if !current.isEmpty { lines.append(StyledLine(spans: current)) }
        return lines
    }

    /// The other results an answer leads to, as the group line names them.
    private func destinationSpans(_ alternative: Explanation.Alternative, current: Outcome) -> [Span] {
        let others = alternative.outcomes.filter { $0.id != current.id }
        if others.count <= 2 { return Self.joined(others.map { Span(Self.clean($0.title), style: .accent) }, last: " or ") }
        var roles: [String] = []
        for role in others.flatMap(\.recommend) where !roles.contains(role) { roles.append(role) }
        return [Span("one of \(others.count) other results, recommending ", style: .dim)]
            + Self.joined(roles.map { Span(Self.clean(roleTitle($0)), style: .accent) }, last: " or ")
    }

    /// "Answering "…" to "…" would have led to …."; in a group, whose line names the
    /// result, only the answer (and whether later answers decide).
    private func alternativeLine(_ alternative: Explanation.Alternative, current: Outcome, grouped: Bool = false) -> StyledLine {
        // An answer that leads on to more questions may still end here; name only the
        // other places it can lead.
        var spans = [
            Span("Answering "), Span("\"\(Self.clean(alternative.answer))\"", style: Style.normal.bold()),
            Span(" to \"\(Self.clean(alternative.question))\"" + (grouped ? "" : " ")),
        ]
        if grouped {
            let alone = alternative.outcomes.allSatisfy { $0.id != current.id }
            spans.append(Span(alone ? "." : ", depending on the answers after it."))
            return StyledLine(spans: spans)
        }
        let others = alternative.outcomes.filter { $0.id != current.id }
        if others.isEmpty {
            spans.append(Span("would have led elsewhere."))
        } else if alternative.outcomes.count == 1 {
            spans += [Span("would have led to "), Span(Self.clean(others[0].title), style: .accent), Span(".")]
        } else if others.count <= 2 {
            spans.append(Span("could have led to "))
            spans += Self.joined(others.map { Span(Self.clean($0.title), style: .accent) }, last: " or ")
            spans.append(Span(", depending on the answers after it."))
        } else {
            // Many results: name the roles they recommend rather than every title.
            var roles: [String] = []
            for role in others.flatMap(\.recommend) where !roles.contains(role) { roles.append(role) }
            spans.append(Span("could have led to one of \(others.count) other results, recommending "))
            spans += Self.joined(roles.map { Span(Self.clean(roleTitle($0)), style: .accent) }, last: " or ")
            spans.append(Span(", depending on the answers after it."))
        }
        return StyledLine(spans: spans)
    }

    /// "a, b or c" as spans.
    static func joined(_ items: [Span], last: String) -> [Span] {
        var spans: [Span] = []
        for (index, item) in items.enumerated() {
            if index > 0 { spans.append(Span(index == items.count - 1 ? last : ", ")) }
            spans.append(item)
        }
        return spans
    }

    /// A move from a background into a role: how long, what to learn in order, advice,
    /// and the sources.
    private func transitionBlock(_ page: inout QuestionnairePage, _ transition: Transition) {
        let from = catalog.background(id: transition.from)?.title ?? transition.from
        page.heading("The move: " + Self.cleanLine(from) + " " + page.glyphs.arrowRight + " " + Self.cleanLine(roleTitle(transition.to)))
        let duration = transition.duration.map { Span(Self.clean($0.text)) } ?? Span("no source gives a duration", style: .dim)
        page.hanging(prefix: [Span("How long  ", style: .dim)], body: StyledLine(spans: [duration]))
        if !transition.learn.isEmpty {
            page.paragraph("What to learn, in order:", style: .dim)
            let numberWidth = "\(transition.learn.count).".count
            for (index, item) in transition.learn.enumerated() {
                page.hanging(prefix: [Span("  "), Span(TextWrap.pad("\(index + 1).", to: numberWidth), style: .key), Span(" ")],
                             body: StyledLine(Self.clean(item)))
            }
        }
        if let advice = transition.advice {
            page.gap()
            page.paragraph(Self.clean(advice))
        }
        page.paragraph("Sources: " + transition.sources.map { catalog.source($0)?.short ?? $0 }.joined(separator: ", "), style: .dim)
    }

    /// "[A.Team, JoinAI]": the sources' short names.
    func cite(_ sources: [String]) -> String {
        let text = "[" + sources.map { Self.cleanLine(catalog.source($0)?.short ?? $0) }.joined(separator: ", ") + "]"
        return String(text.map { $0 == " " ? Character(QuestionnairePage.glue) : $0 })
    }
}
