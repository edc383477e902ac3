import RoleModel
import TerminalKit

/// What a key does on the questionnaire screen. Keys that share an action (the arrows,
/// the digits) are told apart in `update` by the key itself, so one binding, and one
/// hint, covers them.
enum QuestionnaireAction: Hashable, Sendable {
    /// Up or down: the chooser's selection, the highlighted answer or the trail, or the
    /// result's scroll position.
    case move
    case first, last
    /// A page up or down.
    case page
    /// A digit: answer that question, or try that change to the result.
    case number
    /// Start the chosen questionnaire, answer the highlighted answer, revisit the chosen
    /// earlier answer, or try the chosen change.
    case activate
    /// `[` and `]`: step through earlier answers (and, on the result, the changes).
    case pick
    case back
    case chooser
    case restart
    case compare, timeline, profile
    /// `P`: the plan for moving into the recommended role.
    case plan
    /// `S`: start recording a session; `n`: a note on an answer while one runs.
    case session, note
}

extension QuestionnaireScreen {
    static let section = "Questionnaire"

    static let moveKeys: [Key] = [.up, .down, .char("k"), .char("j")]
    static let pageKeys: [Key] = [.pageUp, .pageDown, .ctrl("u"), .ctrl("d"), .char(" ")]
    static let digitKeys: [Key] = (1...9).map { .char(Character(String($0))) }
    static let backKeys: [Key] = [.backspace, .char("h"), .left, .escape]
    static let activateKeys: [Key] = [.enter, .char("l"), .right]
    static let pickKeys: [Key] = [.char("["), .char("]")]

    /// The keys of the screen in its current state; `update` dispatches on this map and
    /// the hint bar and help are drawn from it.
    var keyMap: KeyMap<QuestionnaireAction> {
        if editor != nil {
            // The editor takes every key first (see `update`); these name its two.
            return KeyMap([binding([.enter], label: "Enter", "save", .activate), binding([.escape], label: "Esc", "cancel", .back)])
        }
        switch view {
        case .chooser: return chooserKeys
        case .question: return questionKeys
        case .result: return resultKeys
        }
    }

    private func binding(_ keys: [Key], label: String? = nil, _ description: String, _ action: QuestionnaireAction,
                         hint: Bool = true) -> KeyBinding<QuestionnaireAction> {
        KeyBinding(keys, label: label, description, action: action, showsInHintBar: hint, section: Self.section)
    }

    private var chooserKeys: KeyMap<QuestionnaireAction> {
        var bindings = [
            binding(Self.moveKeys, label: "↑↓/jk", "choose", .move),
            binding(Self.activateKeys, label: "Enter", "start", .activate),
            binding([.char("g"), .home], label: "g", "first questionnaire", .first, hint: false),
            binding([.char("G"), .end], label: "G", "last questionnaire", .last, hint: false),
            binding(Self.pageKeys, label: "PgUp/PgDn", "scroll a page", .page, hint: false),
        ]
        if catalog.questionnaires.isEmpty { bindings.removeFirst(2) } else {
            bindings.append(binding([.char("S")], "start a session", .session))
        }
        return KeyMap(bindings)
    }

    private var questionKeys: KeyMap<QuestionnaireAction> {
        guard let run else { return KeyMap([]) }
        let count = min(9, shownQuestion?.answers.count ?? 0)
        let inTrail: Bool = { if case .trail = selection { return true } else { return false } }()
        var bindings: [KeyBinding<QuestionnaireAction>] = []
        if count > 0 {
            bindings.append(binding(Array(Self.digitKeys.prefix(count)), label: count == 1 ? "1" : "1-\(count)",
                                    "answer", .number))
        }
        bindings.append(binding(Self.moveKeys, label: "↑↓/jk", "choose", .move))
        bindings.append(binding(Self.activateKeys, label: "Enter",
                                inTrail ? "revisit" : "answer", .activate))
        if !run.steps.isEmpty {
            bindings.append(binding(Self.pickKeys, label: "[ ]", "earlier", .pick))
        }
        bindings.append(binding(Self.backKeys, label: "Esc", "back", .back))
        bindings.append(binding([.char("q")], "questionnaires", .chooser))
        bindings += sessionBindings
        bindings.append(binding([.char("g"), .home], label: "g", "first answer", .first, hint: false))
        bindings.append(binding([.char("G"), .end], label: "G", "last answer", .last, hint: false))
        bindings.append(binding(Self.pageKeys, label: "PgUp/PgDn", "scroll a page", .page, hint: false))
        return KeyMap(bindings)
    }

    private var resultKeys: KeyMap<QuestionnaireAction> {
        // Digits keep their app-wide meaning (tabs) on the result: changes to try are
        // picked with [ ] and Enter, so 1-4 always switch tab outside a question.
        var bindings: [KeyBinding<QuestionnaireAction>] = []
        if comparedRoles != nil {
            bindings.append(binding([.char("c")], "compare", .compare))
        }
        if let first = recommendedRole {
            if let kind = timelineKind(for: first) {
                bindings.append(binding([.char("t")], kind == .day ? "day" : "week", .timeline))
            }
            bindings.append(binding([.char("p")], "profile", .profile))
            if !catalog.backgrounds.isEmpty { bindings.append(binding([.char("P")], "plan", .plan)) }
        }
        bindings.append(binding([.char("r")], "restart", .restart))
        bindings += sessionBindings
        bindings.append(binding(Self.backKeys, label: "Esc", "back", .back))
        bindings.append(binding([.char("q")], "questionnaires", .chooser))
        bindings.append(binding(Self.pickKeys, label: "[ ]", "pick", .pick))
        switch selection {
        case .trail?: bindings.append(binding(Self.activateKeys, label: "Enter", "revisit", .activate))
        case .alternative?: bindings.append(binding(Self.activateKeys, label: "Enter", "try it", .activate))
        default: break
        }
        bindings.append(binding(Self.moveKeys, label: "↑↓/jk", "scroll", .move, hint: false))
        bindings.append(binding([.char("g"), .home], label: "g", "top", .first, hint: false))
        bindings.append(binding([.char("G"), .end], label: "G", "bottom", .last, hint: false))
        bindings.append(binding(Self.pageKeys, label: "PgUp/PgDn", "scroll a page", .page, hint: false))
        return KeyMap(bindings)
    }

    /// `S` while no session runs, `n` while one does.
    private var sessionBindings: [KeyBinding<QuestionnaireAction>] {
        if editor != nil || session?.readOnly == true { return [] }
        return session == nil ? [binding([.char("S")], "start a session", .session)]
            : [binding([.char("n")], "note", .note)]
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
