import RoleModel
import TerminalKit

extension QuestionnaireScreen {
    public var section: String { "Questionnaire" }

    /// The chosen questionnaire, the highlighted answer, the picked earlier answer or
    /// change, or the end of the text being typed.
    public var focus: Point? {
        if let editor { return Point(x: min(width - 1, editor.cursorColumn(width: width)), y: max(0, height - 1)) }
        if let noteEditor {
            return noteEditor.layout(area: Rect(x: 0, y: 0, width: width, height: height), glyphs: .unicode, saveKey: Self.saveKey).caret
        }
        let item: QuestionnairePage.Item?
        switch view {
        case .chooser: item = .questionnaire(chosen)
        case .question: item = selection ?? .answer(highlighted)
        case .result: item = selection
        }
        guard let item, let rows = page.rows(of: item) else { return Point(x: 1, y: 0) }
        let y = rows.lowerBound - scroll
        guard y >= 0, y < height else { return Point(x: 1, y: 0) }
        return Point(x: 1, y: y)
    }

    /// What the chooser, a question or a result offers.
    public var commands: [Command] {
        if noteEditor != nil {
            // The note editor takes every key but `save` (see `type`); Enter starts a line.
            return [Command(.save, "save the note"), Command(.back, "cancel")]
        }
        if editor != nil {
            // The editor takes every key (see `type`); these name its two.
            return [Command(.open, "save"), Command(.back, "cancel")]
        }
        switch view {
        case .chooser: return chooserCommands
        case .question: return questionCommands
        case .result: return resultCommands
        }
    }

    private var chooserCommands: [Command] {
        guard !catalog.questionnaires.isEmpty else { return [] }
        var commands = [Command(.down, "choose", hint: false), Command(.up, "choose", hint: false)]
        let inProgress = parked[catalog.questionnaires[chosen].id] != nil
        commands.append(Command(.open, inProgress ? "carry on" : "start"))
        if inProgress { commands.append(Command(.restart, "start over")) }
        commands += [
            Command(.first, "first questionnaire", hint: false), Command(.last, "last questionnaire", hint: false),
            Command(.pageUp, "first questionnaire", hint: false), Command(.pageDown, "last questionnaire", hint: false),
        ]
        commands.append(Command(.startSession, "start a session"))
        return commands
    }

    private var questionCommands: [Command] {
        guard let run else { return [] }
        let inTrail: Bool = { if case .trail = selection { return true } else { return false } }()
        var commands = [Command(.down, "next answer", hint: false), Command(.up, "previous answer", hint: false),
                        Command(.open, inTrail ? "revisit" : "answer")]
        commands += sessionCommands
        if !run.steps.isEmpty {
            commands += [Command(.previousSection, "earlier answers"), Command(.nextSection, "later answers", hint: false)]
        }
        commands += [
            Command(.back, run.steps.isEmpty ? "questionnaires" : "back a step"),
            Command(.quit, "questionnaires (the answers are kept)", hint: false),
            Command(.first, "first answer", hint: false), Command(.last, "last answer", hint: false),
            Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
            Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
        ]
        if !run.steps.isEmpty { commands.append(Command(.restart, "start over", hint: false)) }
        return commands
    }

    private var resultCommands: [Command] {
        var commands: [Command] = []
        if comparedRoles != nil { commands.append(Command(.compare, "compare")) }
        if let first = recommendedRole {
            if let kind = timelineKind(for: first) { commands.append(Command(.day, kind == .day ? "day" : "week")) }
            commands.append(Command(.profile, "profile"))
            if !catalog.backgrounds.isEmpty { commands.append(Command(.plan, "plan")) }
        }
        commands += sessionCommands
        commands.append(Command(.restart, "start over"))
        commands += [Command(.previousSection, "pick an answer or change"), Command(.nextSection, "pick the next", hint: false)]
        switch selection {
        case .trail?: commands.append(Command(.open, "revisit"))
        case .alternative?: commands.append(Command(.open, "try it"))
        default: break
        }
        commands += [
            Command(.back, "back a step"), Command(.quit, "questionnaires (the answers are kept)", hint: false),
            Command(.down, "scroll down", hint: false), Command(.up, "scroll up", hint: false),
            Command(.first, "top", hint: false), Command(.last, "bottom", hint: false),
            Command(.pageDown, "a page down", hint: false), Command(.pageUp, "a page up", hint: false),
            Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
        ]
        return commands
    }

    /// Start a session while none runs; a note while one records.
    private var sessionCommands: [Command] {
        if session?.readOnly == true { return [] }
        return session == nil ? [Command(.startSession, "start a session")] : [Command(.note, "note", kept: true)]
    }

    // MARK: Where the result's keys lead

    /// The first recommended role.
    var recommendedRole: String? { run?.outcome?.recommend.first }

    /// Where the result's plan starts from: the background of the move the result names
    /// into the recommended role, if it names one.
    var planBackground: String? {
        guard let role = recommendedRole else { return nil }
        return run?.outcome?.transitions.first { $0.to == role }?.from
    }

    /// The recommended role and the runner-up, or the first two recommended roles.
    var comparedRoles: [String]? {
        guard let outcome = run?.outcome, let first = outcome.recommend.first else { return nil }
        if let runnerUp = outcome.runnerUp.first { return [first, runnerUp] }
        if outcome.recommend.count >= 2 { return Array(outcome.recommend.prefix(2)) }
        return nil
    }

    /// The day if the role has one, else its week; nil when it has neither.
    func timelineKind(for role: String) -> TimelineKind? {
        if catalog.timeline(for: role, kind: .day) != nil { return .day }
        if catalog.timeline(for: role, kind: .week) != nil { return .week }
        return nil
    }

    func roleTitle(_ id: String) -> String { catalog.role(id: id)?.title ?? id }

    func roleTitles(_ ids: [String]) -> String {
        let titles = ids.map(roleTitle)
        guard titles.count > 1 else { return titles.first ?? "" }
        return titles.dropLast().joined(separator: ", ") + " and " + titles.last!
    }
}
