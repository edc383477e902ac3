import RoleModel
import RoleReports
import TerminalKit

/// One screen of the app (a tab's content) or an overlay over it: a value with state,
/// `update`/`perform` that are the only places that state changes, and a `render` that is
/// a pure function of it.
///
/// Keys reach a screen as `Action`s through the app's `Keymap`, and only those the
/// screen offers in its current state (`commands`); the rest are the app's (tabs, help,
/// search, quit). The hint bar and the help overlay are built from the same `commands`.
/// While the screen edits text (`editsText`) every key goes to `type` instead.
///
/// The app gives a screen its content area only: `.resize` events carry the content
/// area's size (sent once before the first render and whenever it changes), and mouse
/// events arrive in content-area coordinates.
public protocol Screen: Sendable {
    /// Where the user is inside the screen, for the header: "ML Engineer › Pay".
    var breadcrumb: String { get }
    /// What the screen offers in its current state, in hint-bar order.
    var commands: [Command] { get }
    /// The heading of the screen's keys in help ("Compare", "Choose roles").
    var section: String { get }
    /// True when the screen is at its top level, so Esc/q would leave it.
    var isAtTop: Bool { get }
    /// True while a text editor takes every key (a note, a candidate's name).
    var editsText: Bool { get }
    /// Where the focused item is drawn in the screen's area (the terminal cursor goes
    /// there, for screen readers and magnifiers), or nil for the area's top-left.
    var focus: Point? { get }
    /// What `e` would export from here, or nil when nothing is.
    var exportRequest: ExportRequest? { get }
    /// What `y` copies: the focused thing as text, and what it is in a few words.
    var copied: (what: String, text: String)? { get }
    /// Shows `catalog` (the app's, or its copy with pay hidden), keeping the place.
    mutating func setPay(hidden: Bool, catalog: Catalog)
    /// Scrolls, if need be, so the first line holding one of `words` is in view (a
    /// search landing).
    mutating func reveal(words: [String])

    mutating func update(_ event: Event) -> ScreenResult
    mutating func perform(_ action: Action) -> ScreenResult
    /// A key typed while `editsText` is true.
    mutating func type(_ key: Key) -> ScreenResult
    func render(into buffer: inout Buffer, area: Rect)
}

extension Screen {
    public var editsText: Bool { false }
    public var focus: Point? { nil }
    public var exportRequest: ExportRequest? { nil }
    public var copied: (what: String, text: String)? { nil }
    public mutating func setPay(hidden: Bool, catalog: Catalog) {}
    public mutating func reveal(words: [String]) {}
    public mutating func type(_ key: Key) -> ScreenResult { .ignored }

    /// A key as the app delivers it: typed into an open editor, or turned into an action
    /// by `keymap` and performed if the screen offers it now.
    public mutating func handle(key: Key, keymap: Keymap = .standard) -> ScreenResult {
        if editsText {
            // The one action read while text is typed: keeping a multi-line note.
            if keymap.action(for: key, in: .prompt) == .save, commands.offers(.save) { return perform(.save) }
            return type(key)
        }
        guard let action = keymap.action(for: key), commands.offers(action) else { return .ignored }
        return perform(action)
    }

    /// The screen's commands as a key map, for hints and help.
    public func keyMap(_ keymap: Keymap = .standard) -> KeyMap<Action> { commands.keyMap(keymap, section: section) }
    public var keyHelp: KeyHelp { KeyHelp(keyMap()) }
    public var keyHints: KeyHints { KeyHints(commands.keyMap(.standard, section: section, hintLabels: true)) }
}

/// A cell position, for where the focus is.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// What a screen did with an event: ignored it (the app applies its own keys), or used
/// it, asking the app for these effects (bubbletea's `Cmd`): the screen says what should
/// happen, the app does it.
public enum ScreenResult: Hashable, Sendable {
    case ignored
    case done([Effect])

    /// Used, with nothing for the app to do.
    public static let handled = ScreenResult.done([])
    /// Go to another screen.
    public static func navigate(_ destination: Destination) -> ScreenResult { .done([.navigate(destination)]) }

    public var effects: [Effect] {
        if case .done(let effects) = self { return effects }
        return []
    }
}

/// What a screen or an overlay asks the app to do.
public enum Effect: Hashable, Sendable {
    /// Go to another screen (the app switches tab and opens it there).
    case navigate(Destination)
    /// Write this to the session being recorded.
    case record(SessionRecord)
    /// A short message in the header until the next key ("note saved").
    case message(String)
    /// Close the overlay or plan that returned it.
    case close
    /// Carry on with (or, read-only, show) a past session.
    case resume(SessionOffer, readOnly: Bool)
    /// Reopen a recorded session (read-only when it is finished).
    case reopen(Int64, readOnly: Bool)
    /// Write `request` to `path` in `format`.
    case export(ExportRequest, path: String, overwrite: Bool, format: OutputFormat)
    /// Ask again for the file name to export `request` to.
    case askExport(ExportRequest, path: String, format: OutputFormat)
    /// A search was confirmed on hit `selected`: open it, and step through `hits` with n/N.
    case searched([SearchHit], selected: Int)
    /// Leave the app (after saving the view).
    case quit
    /// A finished session shown read-only was about to be changed: ask whether to start a
    /// new session from its answers (described by `label`) instead.
    case offerNewSession(label: String)
    /// The user said yes to that: the questionnaire carries on as a new session.
    case newSessionFromShown
    /// From the past sessions list: give session `id` this candidate label (empty clears it).
    case renameSession(Int64, to: String)
    /// Ask before deleting this past session.
    case askDelete(PastSession)
    /// Delete session `id`, then list the sessions again (with the same filter).
    case deleteSession(Int64, filter: String)
    /// Show the keys of the overlay that asked, over it.
    case help
    /// Open the past sessions list again, filtered and with a session selected.
    case pastSessions(filter: String, selecting: Int64?)
}

/// A place a screen or a search hit can send the user.
public enum Destination: Hashable, Sendable {
    /// A role's full profile, scrolled to a dimension when one is given.
    case profile(role: String, dimension: String?)
    /// The comparison of these roles.
    case compare(roles: [String])
    /// A role's day or week, with an entry highlighted when one is given.
    case timeline(role: String, kind: TimelineKind, entry: Int?)
    /// Two roles' days side by side.
    case timelinePair(String, String)
    /// A questionnaire from its first question.
    case questionnaire(id: String)
    /// A questionnaire's question, reached by the shortest walk that asks it.
    case question(questionnaire: String, question: String)
    /// A questionnaire's result, reached by the shortest walk that leads to it.
    case outcome(questionnaire: String, outcome: String)
    /// The overlap's roles compared, with the cursor on the overlap's row.
    case overlap(id: String)
    /// The plan for moving into a role, from a background (or the first one with a plan
    /// when nil), opened over the current tab; Esc comes back to it.
    case plan(role: String, background: String?)
}

/// The tabs of the header, in order.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case roles, compare, questionnaire, timeline, skills

    public var title: String {
        switch self {
        case .roles: return "Roles"
        case .compare: return "Compare"
        case .questionnaire: return "Questionnaire"
        case .timeline: return "Timeline"
        case .skills: return "Skills"
        }
    }
}
