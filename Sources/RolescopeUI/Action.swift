import TerminalKit

/// Everything a key can ask the app to do, by the name the config file uses.
///
/// This is the app's one key vocabulary (tig's requests): a key press becomes an action
/// through the `Keymap`, and screens and overlays handle actions, never raw keys (only a
/// text being typed reads keys). Direction belongs to the action (`up`, `page-down`), so
/// no screen looks at the key again, and a key means the same thing on every screen.
public enum Action: String, CaseIterable, Hashable, Sendable {
    // Moving, applied by `ListState`/`ViewportState` on every screen.
    case up, down
    case pageUp = "page-up", pageDown = "page-down"
    case halfPageUp = "half-page-up", halfPageDown = "half-page-down"
    case first, last
    case previousSection = "previous-section", nextSection = "next-section"
    case open, back

    // The app.
    case quit, help, search
    case nextHit = "next-hit", previousHit = "previous-hit"
    case rolesTab = "tab-roles", compareTab = "tab-compare", questionnaireTab = "tab-questionnaire"
    case timelineTab = "tab-timeline", skillsTab = "tab-skills"
    case nextTab = "next-tab", previousTab = "previous-tab"
    case togglePay = "toggle-pay", export, copy, pastSessions = "past-sessions", redraw

    // What screens offer.
    case compare, day, week, profile, plan, overlaps
    case differences, sources, chooseRoles = "choose-roles", tick, fullText = "full-text"
    case startSession = "start-session", note, restart, rename
    case raise, lower, clear, fit

    // Answers to a yes/no prompt: only a prompt reads them, so their keys may mean
    // something else elsewhere (`n` is the next search hit outside a prompt). `save`
    // keeps a note being typed, where Enter starts a new line.
    case yes, no, save

    /// Which actions can be reached together. A key is bound to at most one action of a
    /// scope; prompts (yes/no questions that take every key) are a scope of their own.
    public enum Scope: Hashable, Sendable { case app, prompt }

    public var scope: Scope { self == .yes || self == .no || self == .save ? .prompt : .app }

    /// The keys an action has when the config file does not say otherwise.
    public var defaultKeys: [Key] {
        switch self {
        case .up: return [.up, .char("k")]
        case .down: return [.down, .char("j")]
        case .pageUp: return [.pageUp, .char("b")]
        case .pageDown: return [.pageDown, .char(" ")]
        case .halfPageUp: return [.ctrl("u")]
        case .halfPageDown: return [.ctrl("d")]
        case .first: return [.home, .char("g")]
        case .last: return [.end, .char("G")]
        case .previousSection: return [.char("[")]
        case .nextSection: return [.char("]")]
        case .open: return [.enter, .right, .char("l")]
        case .back: return [.escape, .left, .char("h"), .backspace]
        case .quit: return [.char("q")]
        case .help: return [.char("?"), .function(1)]
        case .search: return [.char("/")]
        case .nextHit: return [.char("n")]
        case .previousHit: return [.char("N")]
        case .rolesTab: return [.char("1")]
        case .compareTab: return [.char("2")]
        case .questionnaireTab: return [.char("3")]
        case .timelineTab: return [.char("4")]
        case .skillsTab: return [.char("5")]
        case .nextTab: return [.tab]
        case .previousTab: return [.backTab]
        case .togglePay: return [.char("$")]
        case .export: return [.char("e")]
        case .copy: return [.char("y")]
        case .pastSessions: return [.char("L")]
        case .redraw: return [.ctrl("l")]
        case .compare: return [.char("c")]
        case .day: return [.char("t")]
        case .week: return [.char("w")]
        case .profile: return [.char("p")]
        case .plan: return [.char("P")]
        case .overlaps: return [.char("o")]
        case .differences: return [.char("d")]
        case .sources: return [.char("s")]
        case .chooseRoles: return [.char("r")]
        case .tick: return [.char("x")]
        case .fullText: return [.char("v")]
        case .startSession: return [.char("S")]
        case .note: return [.char("a")]
        case .restart: return [.char("R")]
        case .rename: return [.function(2)]
        case .raise: return [.char("+"), .char("=")]
        case .lower: return [.char("-")]
        case .clear: return [.delete]
        case .fit: return [.char("f")]
        case .yes: return [.char("y"), .enter]
        case .no: return [.char("n"), .escape]
        case .save: return [.ctrl("s")]
        }
    }

    /// What the action does, for `rolescope config` and the README; screens describe
    /// their own use of it in their hints.
    public var summary: String {
        switch self {
        case .up: return "move up a row or line"
        case .down: return "move down a row or line"
        case .pageUp: return "a page up"
        case .pageDown: return "a page down"
        case .halfPageUp: return "half a page up"
        case .halfPageDown: return "half a page down"
        case .first: return "the first row, or the top"
        case .last: return "the last row, or the bottom"
        case .previousSection: return "the previous section (profile section, earlier answer, role, background)"
        case .nextSection: return "the next section"
        case .open: return "open, answer or choose what is selected"
        case .back: return "back one level (or to the previous tab)"
        case .quit: return "back one level, or quit at the top"
        case .help: return "the keys for this screen"
        case .search: return "search everything"
        case .nextHit: return "the next search hit"
        case .previousHit: return "the previous search hit"
        case .rolesTab: return "the Roles tab"
        case .compareTab: return "the Compare tab"
        case .questionnaireTab: return "the Questionnaire tab"
        case .timelineTab: return "the Timeline tab"
        case .skillsTab: return "the Skills tab"
        case .nextTab: return "the next tab"
        case .previousTab: return "the previous tab"
        case .togglePay: return "hide or show every pay figure"
        case .export: return "export what is on screen to a file (Markdown, text or JSON)"
        case .copy: return "copy the focused thing to the clipboard (OSC 52)"
        case .pastSessions: return "past sessions"
        case .redraw: return "redraw the screen"
        case .compare: return "compare the role with others"
        case .day: return "the role's day"
        case .week: return "switch between day and week"
        case .profile: return "the role's profile"
        case .plan: return "the plan for moving into the role"
        case .overlaps: return "jump to where the compared roles overlap"
        case .differences: return "only the rows where the roles differ, or all rows"
        case .sources: return "hide or show the sources after each value"
        case .chooseRoles: return "choose the roles to compare"
        case .tick: return "tick or untick a role"
        case .fullText: return "Compare: every row at a glance (one line per role), or in full"
        case .startSession: return "start recording an interview session"
        case .note: return "add a note to an answer while a session records"
        case .restart: return "start the questionnaire over"
        case .rename: return "rename a past session's candidate label"
        case .raise: return "raise a skill's rating"
        case .lower: return "lower a skill's rating (below none: not rated)"
        case .clear: return "clear a skill's rating; delete a past session (it asks first)"
        case .fit: return "the fit by role for your ratings"
        case .yes: return "yes, in a question that asks"
        case .no: return "no, in a question that asks"
        case .save: return "save the note being typed (Enter starts a new line in it)"
        }
    }

    /// The movement through a list or text this action is, if it is one.
    public var movement: Movement? {
        switch self {
        case .up: return .up
        case .down: return .down
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .halfPageUp: return .halfPageUp
        case .halfPageDown: return .halfPageDown
        case .first: return .first
        case .last: return .last
        default: return nil
        }
    }

    /// The tab an action switches to, if it is one of the five.
    var tab: Tab? {
        switch self {
        case .rolesTab: return .roles
        case .compareTab: return .compare
        case .questionnaireTab: return .questionnaire
        case .timelineTab: return .timeline
        case .skillsTab: return .skills
        default: return nil
        }
    }

    static func tab(_ tab: Tab) -> Action {
        switch tab {
        case .roles: return .rolesTab
        case .compare: return .compareTab
        case .questionnaire: return .questionnaireTab
        case .timeline: return .timelineTab
        case .skills: return .skillsTab
        }
    }
}

/// Which keys do which action: the defaults, with the config file's choices on top.
/// Within a scope a key belongs to one action only; `init(overrides:)` refuses a table
/// where it does not.
public struct Keymap: Hashable, Sendable {
    public private(set) var keys: [Action: [Key]]
    private var byKey: [Action.Scope: [Key: Action]]

    /// The defaults. Built without the clash check (KeyVocabularyTests makes it) so that a
    /// clash written into `Action.defaultKeys` fails that test rather than every start.
    public static let standard = Keymap(unchecked: [:])

    /// Two actions of one scope that share a key.
    public struct Clash: Error, Hashable, Sendable {
        public var key: Key
        public var actions: [Action]
    }

    /// The defaults with `overrides` on top; the first action in `Action.allCases` keeps a
    /// key two of them share.
    init(unchecked overrides: [Action: [Key]]) {
        var keys: [Action: [Key]] = [:]
        var byKey: [Action.Scope: [Key: Action]] = [:]
        for action in Action.allCases {
            keys[action] = overrides[action] ?? action.defaultKeys
            for key in keys[action] ?? [] where byKey[action.scope]?[key] == nil { byKey[action.scope, default: [:]][key] = action }
        }
        self.keys = keys
        self.byKey = byKey
    }

    public init(overrides: [Action: [Key]]) throws(Clash) {
        var keys: [Action: [Key]] = [:]
        for action in Action.allCases { keys[action] = overrides[action] ?? action.defaultKeys }
        var byKey: [Action.Scope: [Key: Action]] = [:]
        for action in Action.allCases {
            for key in keys[action] ?? [] {
                if let other = byKey[action.scope]?[key], other != action {
                    throw Clash(key: key, actions: [other, action])
                }
                byKey[action.scope, default: [:]][key] = action
            }
        }
        self.keys = keys
        self.byKey = byKey
    }

    public func keys(for action: Action) -> [Key] { keys[action] ?? [] }

    /// The action `key` means in `scope`, if any.
    public func action(for key: Key, in scope: Action.Scope = .app) -> Action? { byKey[scope]?[key] }

    /// How the action's keys are written everywhere: "j/↓", "?/F1". Each key has one label.
    public func label(_ action: Action) -> String {
        keys(for: action).map { $0.label() }.joined(separator: "/")
    }

    /// The first key's label, for the hint bar.
    public func shortLabel(_ action: Action) -> String { keys(for: action).first?.label() ?? "" }
}

/// One thing a screen or overlay offers in its current state: an action and what it
/// does there. The key map, the hint bar and the help are all built from these.
public struct Command: Hashable, Sendable {
    public var action: Action
    public var description: String
    /// Shown in the hint bar (help shows every command).
    public var hint: Bool
    /// Kept in a narrow hint bar right after `? help` and the way out, before the
    /// screen's other hints: what must never scroll out of sight (the note key while a
    /// session records).
    public var kept: Bool

    public init(_ action: Action, _ description: String, hint: Bool = true, kept: Bool = false) {
        self.action = action
        self.description = description
        self.hint = hint
        self.kept = kept
    }
}

extension Array where Element == Command {
    /// Whether `action` is one of these commands.
    func offers(_ action: Action) -> Bool { contains { $0.action == action } }

    /// The same commands as a key map under `keymap`, for hints and help.
    func keyMap(_ keymap: Keymap, section: String?, hintLabels: Bool = false) -> KeyMap<Action> {
        KeyMap(map { command in
            KeyBinding(keymap.keys(for: command.action),
                       label: hintLabels ? keymap.shortLabel(command.action) : keymap.label(command.action),
                       command.description, action: command.action, showsInHintBar: command.hint, section: section)
        })
    }
}
